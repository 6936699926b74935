import type { Db } from "../../db/database";
import type { I18nText } from "../../db/tables";
import type { EventCompany } from "../events";
import type { CompanyQueryDb } from "../queue";

/** A ticket with what its notifications say and where they go. */
export type TicketToNotify = {
  id: string;
  branch_id: string;
  service_id: string;
  label: string;
  token: string;
  customer_phone: string | null;
  customer_email: string | null;
  /** The customer's language when the ticket was taken (null: the company's). */
  language: string | null;
  appointment_at: Date | null;
  transferred_from: string | null;
  service_name: I18nText;
  branch_name: I18nText;
  time_zone: string;
  counter_number: number | null;
  /** Telegram chats following the ticket (or the ticket it was transferred from). */
  chats: { chatId: string; language: string }[];
};

/**
 * The tickets, with service, branch and counter, and the Telegram chats that follow each one.
 * With `reachableOnly`, only tickets that have a phone or a chat (or, `withEmail`, an e-mail).
 */
export async function loadTicketsToNotify(
  db: Db,
  company: CompanyQueryDb,
  who: EventCompany,
  ids: string[],
  opts: { reachableOnly?: boolean; withEmail?: boolean } = {},
): Promise<Map<string, TicketToNotify>> {
  const out = new Map<string, TicketToNotify>();
  if (ids.length === 0) return out;
  const rows = await company
    .selectFrom("tickets as t")
    .innerJoin("services as s", "s.id", "t.service_id")
    .innerJoin("branches as b", "b.id", "t.branch_id")
    .leftJoin("counters as c", "c.id", "t.counter_id")
    .select([
      "t.id",
      "t.branch_id",
      "t.service_id",
      "t.label",
      "t.token",
      "t.customer_phone",
      "t.customer_email",
      "t.language",
      "t.appointment_at",
      "t.transferred_from",
      "s.name as service_name",
      "b.name as branch_name",
      "b.time_zone",
      "c.number as counter_number",
    ])
    .where("t.id", "in", ids)
    .execute();
  const followed = new Set<string>();
  for (const r of rows) {
    followed.add(r.id);
    if (r.transferred_from) followed.add(r.transferred_from);
  }
  const chats = await db
    .selectFrom("platform.ticket_chats")
    .select(["ticket_id", "chat_id", "language"])
    .where("company_id", "=", who.id)
    .where("ticket_id", "in", [...followed])
    .execute();
  for (const r of rows) {
    const mine = chats
      .filter((c) => c.ticket_id === r.id || c.ticket_id === r.transferred_from)
      .map((c) => ({ chatId: c.chat_id, language: c.language }));
    const unique = [...new Map(mine.map((c) => [c.chatId, c])).values()];
    const email = opts.withEmail && r.customer_email;
    if (opts.reachableOnly && !r.customer_phone && unique.length === 0 && !email) continue;
    out.set(r.id, { ...r, chats: unique } as TicketToNotify);
  }
  return out;
}
