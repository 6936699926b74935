import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../../db/database";
import { AppError } from "../../shared/app-error";
import { enqueueMessage } from "../outbox";

/** How sign-in codes behave; the portal's texts and the API docs quote these. */
export const SIGN_IN_CODE = {
  digits: 6,
  ttlMinutes: 5,
  maxAttempts: 5,
  perPhone: { max: 3, windowMinutes: 10 },
  /** How long the sign-in page waits before offering to send another code. */
  resendSeconds: 60,
} as const;

/** Salted with the code's own row id, so equal codes never share a hash. */
const codeHash = (id: string, code: string) =>
  createHash("sha256").update(`${id}:${code}`).digest("base64url");

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The SMS text, in Uzbek (the platform's default language). */
const smsText = (code: string) =>
  `E-Navbat: kirish kodi ${code}. U ${SIGN_IN_CODE.ttlMinutes} daqiqa amal qiladi. Kodni hech kimga aytmang.`;

/**
 * Makes a new sign-in code for `phone` and queues it as an SMS through the outbox, in one
 * transaction; the code itself is never answered over HTTP. At most `perPhone.max` codes per
 * number in the window — counted in the database under a per-number lock, so every node and
 * concurrent requests agree. A new code replaces the previous ones.
 */
export async function requestSignInCode(db: Db, phone: string, now = new Date()): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`customer-code:${phone}`}))`.execute(tx);
    const since = new Date(now.getTime() - SIGN_IN_CODE.perPhone.windowMinutes * 60_000);
    const recent = await tx
      .selectFrom("platform.customer_codes")
      .select("created_at")
      .where("phone", "=", phone)
      .where("created_at", ">", since)
      .orderBy("created_at", "asc")
      .execute();
    if (recent.length >= SIGN_IN_CODE.perPhone.max) {
      const freeAt = recent[0]!.created_at.getTime() + SIGN_IN_CODE.perPhone.windowMinutes * 60_000;
      const seconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
      throw new AppError(
        "RATE_LIMITED",
        "Too many codes were sent to this number; try again in a few minutes.",
        { headers: { "retry-after": String(seconds) } },
      );
    }
    const code = String(randomInt(0, 10 ** SIGN_IN_CODE.digits)).padStart(SIGN_IN_CODE.digits, "0");
    const row = await tx
      .insertInto("platform.customer_codes")
      .values({
        phone,
        code_hash: "",
        expires_at: new Date(now.getTime() + SIGN_IN_CODE.ttlMinutes * 60_000),
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx
      .updateTable("platform.customer_codes")
      .set({ code_hash: codeHash(row.id, code) })
      .where("id", "=", row.id)
      .execute();
    await enqueueMessage(tx, {
      channel: "sms",
      to: phone,
      text: smsText(code),
      urgent: true,
      secret: true,
    });
  });
}

const expired = () =>
  new AppError(
    "SIGN_IN_CODE_EXPIRED",
    "This code has expired or was already used. Ask for a new code.",
  );

/**
 * Checks a code against the newest one sent to `phone`. Each try is counted before the code is
 * compared (atomically: concurrent tries cannot exceed the limit); after `maxAttempts` tries the
 * code is dead. A right code is marked used in the same conditional update that only one
 * request can win. Returns the customer's id, creating the account on first sign-in.
 */
export async function verifySignInCode(
  db: Db,
  phone: string,
  code: string,
  now = new Date(),
): Promise<string> {
  const newest = await db
    .selectFrom("platform.customer_codes")
    .select(["id", "code_hash", "expires_at", "attempts", "used_at"])
    .where("phone", "=", phone)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!newest || newest.used_at || newest.expires_at <= now) throw expired();
  const tried = await db
    .updateTable("platform.customer_codes")
    .set({ attempts: sql`attempts + 1` })
    .where("id", "=", newest.id)
    .where("attempts", "<", SIGN_IN_CODE.maxAttempts)
    .where("used_at", "is", null)
    .returning("attempts")
    .executeTakeFirst();
  if (!tried) {
    throw new AppError("SIGN_IN_CODE_LOCKED", "Too many wrong tries. Ask for a new code.");
  }
  if (!sameHash(newest.code_hash, codeHash(newest.id, code))) {
    const left = SIGN_IN_CODE.maxAttempts - tried.attempts;
    const message = "The code is not correct.";
    throw new AppError("SIGN_IN_CODE_INVALID", `${message} ${left} tries left.`, {
      details: [{ path: "code", message }],
    });
  }
  const used = await db
    .updateTable("platform.customer_codes")
    .set({ used_at: now })
    .where("id", "=", newest.id)
    .where("used_at", "is", null)
    .executeTakeFirst();
  if (!used.numUpdatedRows) throw expired();
  const customer = await db
    .insertInto("platform.customers")
    .values({ phone, last_sign_in_at: now })
    .onConflict((oc) => oc.column("phone").doUpdateSet({ last_sign_in_at: now }))
    .returning("id")
    .executeTakeFirstOrThrow();
  return customer.id;
}
