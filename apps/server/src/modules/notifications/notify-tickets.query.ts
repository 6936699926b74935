import type { Db } from "../../db/database";
import type { I18nText } from "../../db/tables";
import type { EventCompany } from "../events";
import type { CompanyQueryDb } from "../queue";
import { normalizePhone } from "../../shared/phone";

/** The channels a customer can turn off. */
export type MutableChannel = "sms" | "telegram" | "push";

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
  /**
   * Telegram chats following the ticket (or the ticket it was transferred from), and those
   * linked to the account of its phone.
   */
  chats: { chatId: string; language: string }[];
  /** Browsers following it by web push (the ticket, the one it came from, or the account). */
  pushes: { subscriptionId: string; language: string }[];
  /** Channels the ticket's holder or the account of its phone turned off. */
  muted: Set<MutableChannel>;
};

/**
 * The tickets, with service, branch and counter, the Telegram chats and browsers that follow
 * each one, and the channels turned off for it (by the ticket's holder, or the account signed in
 * with its phone). With `reachableOnly`, only tickets that have a phone, a chat or a browser (or, `withEmail`,
 * an e-mail).
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
  const phones = [
    ...new Set(rows.map((r) => (r.customer_phone ? normalizePhone(r.customer_phone) : null))),
  ].filter((p): p is string => p !== null);
  const accounts = phones.length
    ? await db
        .selectFrom("platform.customers")
        .select(["id", "phone", "sms_off", "telegram_off", "push_off"])
        .where("phone", "in", phones)
        .execute()
    : [];
  // Chats whose user proved the phone of an account (shared their own contact with the bot).
  const accountChats = accounts.length
    ? await db
        .selectFrom("platform.customer_chats")
        .select(["customer_id", "chat_id", "language"])
        .where(
          "customer_id",
          "in",
          accounts.map((a) => a.id),
        )
        .orderBy("created_at")
        .execute()
    : [];
  const pushes = await db
    .selectFrom("platform.push_subscriptions")
    .select(["id", "endpoint", "company_id", "ticket_id", "customer_id", "language"])
    .where((eb) =>
      eb.or([
        eb.and([eb("company_id", "=", who.id), eb("ticket_id", "in", [...followed])]),
        ...(accounts.length
          ? [
              eb(
                "customer_id",
                "in",
                accounts.map((a) => a.id),
              ),
            ]
          : []),
      ]),
    )
    .orderBy("created_at")
    .execute();
  const prefs = await db
    .selectFrom("platform.ticket_channel_prefs")
    .select(["ticket_id", "sms_off", "telegram_off", "push_off"])
    .where("company_id", "=", who.id)
    .where("ticket_id", "in", [...followed])
    .execute();
  for (const r of rows) {
    const phone = r.customer_phone ? normalizePhone(r.customer_phone) : null;
    const account = phone ? accounts.find((a) => a.phone === phone) : undefined;
    const mine = [
      ...chats.filter((c) => c.ticket_id === r.id || c.ticket_id === r.transferred_from),
      ...(account ? accountChats.filter((c) => c.customer_id === account.id) : []),
    ].map((c) => ({ chatId: c.chat_id, language: c.language }));
    // One message per chat, however many ways it follows the ticket.
    const unique = [...new Map(mine.map((c) => [c.chatId, c])).values()];
    const ours = (id: string | null) => id !== null && (id === r.id || id === r.transferred_from);
    const muted = new Set<MutableChannel>();
    for (const p of [...prefs.filter((x) => ours(x.ticket_id)), ...(account ? [account] : [])]) {
      if (p.sms_off) muted.add("sms");
      if (p.telegram_off) muted.add("telegram");
      if (p.push_off) muted.add("push");
    }
    // One message per browser (endpoint), however many ways it follows the ticket.
    const browsers = new Map<string, { subscriptionId: string; language: string }>();
    for (const p of pushes) {
      const follows =
        (p.company_id === who.id && ours(p.ticket_id)) ||
        (account !== undefined && p.customer_id === account.id);
      if (follows && !browsers.has(p.endpoint))
        browsers.set(p.endpoint, { subscriptionId: p.id, language: p.language });
    }
    const reachable =
      (r.customer_phone && !muted.has("sms")) ||
      (unique.length > 0 && !muted.has("telegram")) ||
      (browsers.size > 0 && !muted.has("push")) ||
      (opts.withEmail && r.customer_email);
    if (opts.reachableOnly && !reachable) continue;
    out.set(r.id, { ...r, chats: unique, pushes: [...browsers.values()], muted } as TicketToNotify);
  }
  return out;
}
