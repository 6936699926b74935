import { sql } from "kysely";
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
  const phones = [
    ...new Set(rows.map((r) => (r.customer_phone ? normalizePhone(r.customer_phone) : null))),
  ].filter((p): p is string => p !== null);
  const { chats, accounts, accountChats, pushes, prefs } = await followersOf(
    db,
    who.id,
    [...followed],
    phones,
  );
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

type Muting = { sms_off: boolean; telegram_off: boolean; push_off: boolean };
type Followers = {
  chats: { ticket_id: string; chat_id: string; language: string }[];
  accounts: ({ id: string; phone: string } & Muting)[];
  accountChats: { customer_id: string; chat_id: string; language: string }[];
  pushes: {
    id: string;
    endpoint: string;
    company_id: string;
    ticket_id: string;
    customer_id: string | null;
    language: string;
  }[];
  prefs: ({ ticket_id: string } & Muting)[];
};

/**
 * Who follows `tickets` of the company, in ONE statement (it runs in every notification batch):
 * the Telegram chats following them, the accounts of `phones` with their chats, the browsers
 * following a ticket or an account (oldest first), and the channels turned off per ticket.
 */
async function followersOf(
  db: Db,
  companyId: string,
  tickets: string[],
  phones: string[],
): Promise<Followers> {
  const mine = sql`company_id = ${companyId} and ticket_id = any(${tickets}::uuid[])`;
  const { rows } = await sql<Followers>`with accounts as (
      select id, phone, sms_off, telegram_off, push_off from platform.customers
      where phone = any(${phones}::text[]))
    select
      (select coalesce(json_agg(json_build_object('ticket_id', c.ticket_id, 'chat_id', c.chat_id,
          'language', c.language)), '[]') from platform.ticket_chats c where ${mine}) as "chats",
      (select coalesce(json_agg(a), '[]') from accounts a) as "accounts",
      (select coalesce(json_agg(json_build_object('customer_id', c.customer_id,
          'chat_id', c.chat_id, 'language', c.language) order by c.created_at), '[]')
        from platform.customer_chats c where c.customer_id in (select id from accounts))
        as "accountChats",
      (select coalesce(json_agg(json_build_object('id', p.id, 'endpoint', p.endpoint,
          'company_id', p.company_id, 'ticket_id', p.ticket_id, 'customer_id', p.customer_id,
          'language', p.language) order by p.created_at), '[]')
        from platform.push_subscriptions p
        where (${mine}) or p.customer_id in (select id from accounts)) as "pushes",
      (select coalesce(json_agg(json_build_object('ticket_id', x.ticket_id, 'sms_off', x.sms_off,
          'telegram_off', x.telegram_off, 'push_off', x.push_off)), '[]')
        from platform.ticket_channel_prefs x where ${mine}) as "prefs"`.execute(db);
  return rows[0]!;
}
