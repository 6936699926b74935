import type { ScreenLanguage } from "@equeue/contracts";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../../db/database";

/** The language a chat is written to in: a screen language, Uzbek Cyrillic included. */
export type Language = ScreenLanguage;
const LINK_TTL_MS = 2 * 60 * 60_000;
const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** A one-time token for a t.me deep link (Telegram allows 64 characters of [A-Za-z0-9_-]). */
export async function createLinkToken(
  db: Db,
  link: { companyId: string; ticketId: string; language: Language },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + LINK_TTL_MS);
  await db
    .insertInto("platform.telegram_link_tokens")
    .values({
      token_hash: hash(token),
      company_id: link.companyId,
      ticket_id: link.ticketId,
      language: link.language,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/**
 * Links a chat to the ticket a deep-link token names: once (the token is spent), before it
 * expires. The chat's language is the one the page asked in. Null for an unknown, spent or
 * expired token.
 */
export async function redeemLinkToken(
  db: Db,
  token: string,
  chatId: string,
  now = new Date(),
): Promise<{ companyId: string; ticketId: string; language: Language } | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("platform.telegram_link_tokens")
      .set({ used_at: now })
      .where("token_hash", "=", hash(token))
      .where("used_at", "is", null)
      .where("expires_at", ">", now)
      .returning(["company_id", "ticket_id", "language"])
      .executeTakeFirst();
    if (!row) return null;
    await trx
      .insertInto("platform.ticket_chats")
      .values({
        company_id: row.company_id,
        ticket_id: row.ticket_id,
        chat_id: chatId,
        language: row.language,
      })
      .onConflict((oc) => oc.columns(["company_id", "ticket_id", "chat_id"]).doNothing())
      .execute();
    return { companyId: row.company_id, ticketId: row.ticket_id, language: row.language };
  });
}
