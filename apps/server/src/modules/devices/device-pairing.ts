import { createHash, randomInt, timingSafeEqual } from "node:crypto";
import type { Kysely } from "kysely";
import type { Db } from "../../db/database";
import type { Database } from "../../db/tables";
import type { Actor } from "../../shared/actor";
import { AppError, notFound } from "../../shared/app-error";
import { recordAudit } from "../audit/audit.repository";
import { companyDb, type CompanyRecord } from "../tenancy/company-directory";
import { newDeviceToken } from "../access";
import {
  findDevice,
  listPendingPairings,
  lockPendingPairings,
  updateDeviceRow,
} from "./device.repository";
import { PAIRING_CODE_TTL_MINUTES } from "./device.schema";
import { deviceView } from "./device-settings";
import type { PairingLimiter } from "./pairing-limiter";

/** Salted with the device id, so equal codes of two devices never share a hash. */
const codeHash = (deviceId: string, code: string) =>
  createHash("sha256").update(`${deviceId}:${code}`).digest("base64url");

const sameHash = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * A fresh 6-digit code for `deviceId` that no other live code of the company matches, with its
 * hash and expiry. Only the hash is stored; the code is shown once to the admin.
 */
export async function newPairingCode(q: Kysely<Database>, deviceId: string) {
  const others = (await listPendingPairings(q)).filter((d) => d.id !== deviceId);
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const clashes = others.some((d) => sameHash(d.pairing_code_hash!, codeHash(d.id, code)));
    if (clashes) continue;
    return {
      code,
      hash: codeHash(deviceId, code),
      expiresAt: new Date(Date.now() + PAIRING_CODE_TTL_MINUTES * 60_000),
    };
  }
}

type Outcome =
  { kind: "invalid" | "expired" } | { kind: "paired"; deviceId: string; token: string };

/**
 * Exchanges a pairing code for a device token. The code is single use and expires. A wrong code
 * changes nothing stored; it counts against the client address that sent it (`limiter`), which
 * must wait after too many.
 */
export async function pairDevice(
  db: Db,
  company: CompanyRecord,
  code: string,
  actor: Actor,
  limiter: PairingLimiter,
) {
  const address = actor.ip ?? "unknown";
  const takeBack = limiter.attempt(address);
  let outcome: Outcome;
  let wrong = false;
  try {
    outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
      const q = companyDb(trx, company);
      const now = new Date();
      const pending = await lockPendingPairings(q);
      const match = pending.find((d) => sameHash(d.pairing_code_hash!, codeHash(d.id, code)));
      if (!match) return { kind: "invalid" };
      if (!match.pairing_expires_at || match.pairing_expires_at <= now) return { kind: "expired" };
      const token = newDeviceToken();
      await updateDeviceRow(q, match.id, {
        token_hash: token.hash,
        paired_at: now,
        last_seen_at: now,
        pairing_code_hash: null,
        pairing_expires_at: null,
        pairing_attempts: 0,
      });
      await recordAudit(trx, actor, {
        action: "device.pair",
        companyId: company.id,
        targetType: "device",
        targetId: match.id,
      });
      return { kind: "paired", deviceId: match.id, token: token.raw };
    });
    wrong = outcome.kind === "invalid";
  } finally {
    // Only a wrong code counts against the address (a database failure does not either).
    if (!wrong) takeBack();
  }
  switch (outcome.kind) {
    case "invalid":
      throw new AppError(
        "PAIRING_CODE_INVALID",
        "This pairing code is not valid or was already used. Check the code in the admin panel, or make a new one there.",
        { details: [{ path: "code", message: "Wrong or already used code." }] },
      );
    case "expired":
      throw new AppError(
        "PAIRING_CODE_EXPIRED",
        `This pairing code has expired (codes last ${PAIRING_CODE_TTL_MINUTES} minutes). Make a new one in the admin panel.`,
      );
    case "paired": {
      const q = companyDb(db, company);
      const row = await findDevice(q, outcome.deviceId);
      if (!row) throw notFound("The device");
      return { deviceToken: outcome.token, device: await deviceView(q, row) };
    }
    default: {
      const never: never = outcome;
      throw new Error(`unhandled pairing outcome ${String(never)}`);
    }
  }
}
