import type { FastifyInstance } from "fastify";
import type { Db } from "../db/database";

let clients = 0;
const address = () => `10.77.${++clients >> 8}.${clients & 255}`;

const post = (app: FastifyInstance, url: string, body: unknown) =>
  app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/json" },
    payload: JSON.stringify(body),
    remoteAddress: address(),
  });

/** The code in the newest SMS queued for `phone` (what the customer reads on their phone). */
export async function lastSmsCode(db: Db, phone: string): Promise<string> {
  const row = await db
    .selectFrom("platform.outbox")
    .select("body_text")
    .where("channel", "=", "sms")
    .where("recipient", "=", phone)
    // Not a notification about a ticket (those carry a key): a sign-in code.
    .where("dedupe_key", "is", null)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  return /\b(\d{6})\b/.exec(row.body_text)![1]!;
}

/** Signs a customer in with a phone code, as the portal does; `phone` in E.164. */
export async function signInCustomer(p: { app: FastifyInstance; ctx: { db: Db } }, phone: string) {
  const sent = await post(p.app, "/api/customer/auth/request-code", { phone });
  if (sent.statusCode !== 202) throw new Error(`request-code failed: ${sent.body}`);
  const code = await lastSmsCode(p.ctx.db, phone);
  const res = await post(p.app, "/api/customer/auth/verify", { phone, code });
  if (res.statusCode !== 200) throw new Error(`verify failed: ${res.body}`);
  const body = res.json() as { accessToken: string; user: { id: string; phone: string } };
  return { token: body.accessToken, id: body.user.id };
}
