import type { Db } from "../../../db/database";
import { normalizePhone } from "../../../shared/phone";
import type { Language } from "./telegram-links";

/** The contact a Telegram user shared (a `contact` message). */
export type SharedContact = { phone_number: string; user_id?: number | undefined };

/**
 * The phone a contact proves, in E.164: only the sender's own contact (Telegram sets `user_id`
 * to the sender when it was shared with the bot's "share my number" button; a forwarded card
 * of somebody else carries another id or none). Null for anyone else's or a number the
 * platform does not serve.
 */
export function ownPhone(contact: SharedContact, senderId: number): string | null {
  if (contact.user_id === undefined || contact.user_id !== senderId) return null;
  const raw = contact.phone_number.trim();
  // Telegram sends the number in international form, usually without the "+".
  return normalizePhone(raw.startsWith("+") ? raw : `+${raw}`);
}

/**
 * Links a chat to the customer account of a phone Telegram proved (creating the account, as a
 * sign-in by SMS code would): from now on the tickets taken with that phone are told in this
 * chat too. Idempotent.
 */
export async function linkChatToPhone(
  db: Db,
  chatId: string,
  phone: string,
  language: Language,
): Promise<{ customerId: string }> {
  return db.transaction().execute(async (trx) => {
    const customer = await trx
      .insertInto("platform.customers")
      .values({ phone })
      .onConflict((oc) => oc.column("phone").doUpdateSet({ phone }))
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("platform.customer_chats")
      .values({ customer_id: customer.id, chat_id: chatId, language })
      .onConflict((oc) => oc.columns(["customer_id", "chat_id"]).doUpdateSet({ language }))
      .execute();
    return { customerId: customer.id };
  });
}

/** The language a chat was last linked in (a ticket's page asked in it); Uzbek by default. */
export async function chatLanguage(db: Db, chatId: string): Promise<Language> {
  const row = await db
    .selectFrom("platform.ticket_chats")
    .select("language")
    .where("chat_id", "=", chatId)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
  return (row?.language as Language | undefined) ?? "uz";
}
