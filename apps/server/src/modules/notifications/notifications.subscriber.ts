import { CANCEL_REASON, TICKET_ACTION, TICKET_STATUS } from "@equeue/core";
import type { Db } from "../../db/database";
import type { DomainEvent, DurableSubscriber, EventCompany } from "../events";
import {
  enqueueNotifications,
  toGsmFriendly,
  type OutgoingNotification,
  type Skip,
} from "../outbox";
import { nearlyUpTickets, TICKET_EVENT } from "../queue";
import { normalizePhone } from "../../shared/phone";
import type { PushPayload } from "./push/push-transport";
import { notificationText, smsSegments, type TextParts, type Trigger } from "./notification-texts";
import { loadTicketsToNotify, type TicketToNotify } from "./notify-tickets.query";
import { CompanyTextsCache, type CompanyTexts } from "./company-texts";

export type NotificationOptions = {
  /** The platform's public address, for the tracking link /t/{token}. */
  publicUrl: string;
  /** Events older than this are history (a first run over an old log), not news: skipped. */
  staleAfterMs?: number;
  /** How long Telegram or push has to get through before the SMS goes instead (60 s). */
  fallbackAfterMs?: number;
  now?: () => Date;
  /**
   * Called after a batch that queued messages has committed: the outbox worker sends them now
   * rather than at its next poll.
   */
  onQueued?: () => void;
  /** Where the companies' languages and texts are kept between runs (the app drops changed ones). */
  texts?: CompanyTextsCache;
};

/** Triggers the customer must act on at once: their messages are sent before the backlog. */
const URGENT: ReadonlySet<Trigger> = new Set<Trigger>(["CALLED"]);

/**
 * Triggers whose messages may wait behind every other (on a channel with a hard rate, Telegram):
 * asked for a rating, reminded of a booking hours ahead.
 */
const BULK: ReadonlySet<Trigger> = new Set<Trigger>(["RATING_REQUEST", "REMINDER"]);

/**
 * How long a rating request's Telegram/push has before its SMS stand-in goes: it may wait behind
 * a busy hour's calls, and is not worth a paid SMS for a minute's delay. (A reminder keeps the
 * usual wait: one 5 minutes ahead must not arrive after the appointment.)
 */
const RATING_FALLBACK_AFTER_MS = 10 * 60_000;

/** Triggers that may fire again for one ticket: their key carries the event id. */
const REPEATABLE: ReadonlySet<Trigger> = new Set<Trigger>(["CALLED", "BOOKING_RESCHEDULED"]);

/** The trigger an event is, if any. */
export function triggerOf(e: DomainEvent): Trigger | null {
  switch (e.type) {
    case TICKET_EVENT.ISSUE:
      return e.toStatus === TICKET_STATUS.BOOKED ? "BOOKING_CONFIRMED" : "TAKEN";
    case TICKET_EVENT.TRANSFER_IN:
      return "TRANSFERRED";
    case TICKET_EVENT.RESCHEDULE:
      return "BOOKING_RESCHEDULED";
    case TICKET_ACTION.CALL:
      return "CALLED";
    case TICKET_ACTION.MARK_NO_SHOW:
      return "NO_SHOW";
    case TICKET_ACTION.FINISH:
      return "RATING_REQUEST";
    case TICKET_ACTION.CANCEL:
      if (e.fromStatus === TICKET_STATUS.BOOKED) return "BOOKING_CANCELLED";
      return e.data.by === "CUSTOMER" ? null : "CANCELLED_BY_COMPANY";
    default:
      return null;
  }
}

/**
 * Staff's message on an event (a line closed early), or else why the company cancelled (the
 * branch's hours changed), for the customer's text.
 */
function messageOf(e: DomainEvent): Pick<TextParts, "message" | "reason"> {
  const m = e.data.message;
  const reason = Object.values(CANCEL_REASON).find((r) => r === e.data.reason) ?? null;
  return { message: typeof m === "string" && m.trim() !== "" ? m : null, reason };
}

/** Events after which waiting customers move up their line. */
const MOVES_LINE = new Set<string>([
  TICKET_ACTION.CALL,
  TICKET_ACTION.CANCEL,
  TICKET_ACTION.EXPIRE,
  TICKET_ACTION.TRANSFER,
]);

/**
 * Tells customers what happens to their tickets (Telegram to the chats and web push to the
 * browsers that follow it, SMS to the ticket's phone, e-mail for bookings), from the committed
 * queue events — never inside the request. Each
 * message is queued in the outbox in the transaction that advances this subscriber's cursor,
 * under a key naming (ticket, trigger, channel), so a redelivered batch queues nothing twice.
 * "Nearly up" is computed after events that move a line: the waiting tickets of that service
 * now at or above the service's position are told once each.
 */
export function notificationsSubscriber(opts: NotificationOptions): DurableSubscriber {
  const staleAfterMs = opts.staleAfterMs ?? 15 * 60_000;
  const clock = opts.now ?? (() => new Date());
  const texts = opts.texts ?? new CompanyTextsCache();
  return {
    name: "notifications",
    // "Go to counter 3" is late if it waits for the index and the roll-ups.
    prompt: true,
    async handle(tx, company, events) {
      const now = clock();
      const fresh = events.filter((e) => now.getTime() - e.at.getTime() <= staleAfterMs);
      if (fresh.length === 0) return;
      const fired: { event: DomainEvent; trigger: Trigger }[] = [];
      const lines = new Set<string>();
      for (const e of fresh) {
        const trigger = triggerOf(e);
        if (trigger) fired.push({ event: e, trigger });
        if (MOVES_LINE.has(e.type)) lines.add(e.ticketId);
      }
      const ids = new Set([...fired.map((f) => f.event.ticketId), ...lines]);
      if (ids.size === 0) return;
      const info = await texts.get(tx.db, tx.company, company);
      // The waiting tickets now nearly up in the lines these events moved, loaded with the
      // events' own tickets: two statements for all of them.
      const due = await nearlyUpTickets(tx.company, [...lines], now);
      const tickets = await loadTicketsToNotify(tx.db, tx.company, company, [
        ...new Set([...ids, ...due.map((d) => d.ticketId)]),
      ]);
      const send = sender(tx.db, company, info, opts.publicUrl, {
        now,
        fallbackAfterMs: opts.fallbackAfterMs ?? 60_000,
      });
      for (const { event, trigger } of fired) {
        const t = tickets.get(event.ticketId);
        if (t) {
          const occurrence = REPEATABLE.has(trigger) ? String(event.id) : "";
          send(t, trigger, occurrence, null, messageOf(event));
        }
      }
      // A called customer no longer needs "you are nearly up": what has not gone yet is dropped
      // in the statement that queues this run's messages.
      const called = fired.filter((f) => f.trigger === "CALLED").map((f) => f.event.ticketId);
      send.skip(
        called.flatMap((id) => nearlyUpKeys(company.id, tickets.get(id))),
        "Not needed: the ticket was called first.",
      );
      // Each is told once: the outbox's key drops a repeat.
      for (const d of due) {
        const t = tickets.get(d.ticketId);
        if (t) send(t, "NEARLY_UP", "", d.position);
      }
      const queued = await send.flush();
      const { onQueued } = opts;
      if (queued > 0 && onQueued) return onQueued;
    },
  };
}

/**
 * Gathers a trigger's messages for one ticket; `skip` names waiting messages to drop (by key,
 * with the reason); `flush` queues all gathered and drops those named, in one statement.
 */
export type Send = ((
  t: TicketToNotify,
  trigger: Trigger,
  occurrence: string,
  position?: number | null,
  said?: Pick<TextParts, "message" | "reason">,
) => void) & { skip: (keys: string[], reason: string) => void; flush: () => Promise<number> };

/**
 * An SMS as it is sent: Latin Uzbek's ʻ and ʼ become ' so it stays GSM-7 (160 a segment);
 * Cyrillic is UCS-2 (70 a segment) whatever is done, so its text is sent as written.
 */
const forSms = (text: string, lang: string) => (lang === "uz-Cyrl" ? text : toGsmFriendly(text));

/**
 * The keys a ticket's "nearly up" messages may have, one per channel it can reach now (the
 * sender's `key`): exact keys, so dropping them is a probe of the unique key index whatever the
 * outbox's statistics say. A chat or browser that stopped following since is not among them:
 * its "nearly up" may still go.
 */
function nearlyUpKeys(companyId: string, t: TicketToNotify | undefined): string[] {
  if (!t) return [];
  const cause = `${companyId}:${t.id}:NEARLY_UP`;
  return [
    `${cause}:sms`,
    `${cause}:email`,
    ...t.chats.map((c) => `${cause}:telegram:${c.chatId}`),
    ...t.pushes.map((p) => `${cause}:push:${p.subscriptionId}`),
  ];
}

/** Booking triggers also go by e-mail, where the booking has an address. */
const BY_EMAIL: ReadonlySet<Trigger> = new Set<Trigger>([
  "BOOKING_CONFIRMED",
  "BOOKING_RESCHEDULED",
  "BOOKING_CANCELLED",
  "REMINDER",
]);

/**
 * Gathers a trigger's messages for one ticket, by the customer's choice: to each Telegram chat and
 * browser (web push) that follows it, unless that channel is turned off; and an SMS to its phone
 * (unless turned off) — at once when nothing else reaches the customer, else as a stand-in that
 * waits `fallbackAfterMs` (at least 10 minutes for a rating request) and
 * goes only if none of the Telegram/push messages was sent by then.
 */
export function sender(
  db: Db,
  company: EventCompany,
  info: CompanyTexts,
  publicUrl: string,
  rule: { now: Date; fallbackAfterMs: number } = { now: new Date(), fallbackAfterMs: 60_000 },
): Send {
  const { language, templates } = info;
  // One statement for the whole batch's messages (`flush`), not one per message.
  const gathered: OutgoingNotification[] = [];
  const enqueue = (n: OutgoingNotification) => void gathered.push(n);
  const send = (
    t: TicketToNotify,
    trigger: Trigger,
    occurrence: string,
    position?: number | null,
    said?: Pick<TextParts, "message" | "reason">,
  ) => {
    const parts = (screenLang: string): TextParts => {
      const lang = screenLang === "uz-Cyrl" ? "uz" : screenLang; // names are stored per text language
      return {
        label: t.label,
        service: (t.service_name as Record<string, string | undefined>)[lang] ?? t.service_name.uz,
        branch: (t.branch_name as Record<string, string | undefined>)[lang] ?? t.branch_name.uz,
        link: `${publicUrl}/t/${t.token}`,
        counter: t.counter_number,
        position: position ?? null,
        time: t.appointment_at ? formatTime(t.appointment_at, t.time_zone) : null,
        message: said?.message ?? null,
        reason: said?.reason ?? null,
      };
    };
    // "Go to counter 3" goes before the channel's backlog (rating requests, reminders).
    // …and the rating requests and reminders after everything else.
    const put = URGENT.has(trigger)
      ? (n: OutgoingNotification) => enqueue({ ...n, urgent: true })
      : BULK.has(trigger)
        ? (n: OutgoingNotification) => enqueue({ ...n, bulk: true })
        : enqueue;
    const cause = [company.id, t.id, occurrence ? `${trigger}@${occurrence}` : trigger].join(":");
    const key = (channel: string) => `${cause}:${channel}`;
    let preferred = 0;
    if (!t.muted.has("telegram")) {
      for (const chat of t.chats) {
        put({
          channel: "telegram",
          to: chat.chatId,
          text: notificationText(trigger, chat.language, parts(chat.language), templates),
          companyId: company.id,
          key: key(`telegram:${chat.chatId}`),
        });
        preferred++;
      }
    }
    if (!t.muted.has("push")) {
      for (const browser of t.pushes) {
        const p = parts(browser.language);
        const payload: PushPayload = {
          title: `${t.label} · ${p.branch}`,
          body: notificationText(trigger, browser.language, p, templates),
          url: p.link,
          tag: `ticket-${t.id}`,
        };
        put({
          channel: "push",
          to: browser.subscriptionId,
          text: JSON.stringify(payload),
          companyId: company.id,
          key: key(`push:${browser.subscriptionId}`),
        });
        preferred++;
      }
    }
    const phone = t.customer_phone ? normalizePhone(t.customer_phone) : null;
    if (phone && !t.muted.has("sms")) {
      const lang = t.language ?? language;
      const text = forSms(notificationText(trigger, lang, parts(lang), templates), lang);
      put({
        channel: "sms",
        to: phone,
        text,
        companyId: company.id,
        key: key("sms"),
        segments: smsSegments(text).segments,
        ...(preferred > 0 && {
          fallbackOf: cause,
          notBefore: new Date(
            rule.now.getTime() +
              (trigger === "RATING_REQUEST"
                ? Math.max(rule.fallbackAfterMs, RATING_FALLBACK_AFTER_MS)
                : rule.fallbackAfterMs),
          ),
        }),
      });
    }
    if (t.customer_email && BY_EMAIL.has(trigger)) {
      const lang = t.language ?? language;
      const p = parts(lang);
      put({
        channel: "email",
        to: t.customer_email,
        subject: `${p.service} — ${p.branch} (${t.label})`,
        text: notificationText(trigger, lang, p, templates),
        companyId: company.id,
        key: key("email"),
      });
    }
  };
  let dropping: Skip | undefined;
  const skip = (keys: string[], reason: string) => {
    // One reason a batch (its only use: "called first"); the last one given stands.
    dropping = { keys: [...(dropping?.keys ?? []), ...keys], reason };
  };
  const flush = () => {
    const dropped = dropping;
    dropping = undefined;
    return enqueueNotifications(db, gathered.splice(0), dropped);
  };
  return Object.assign(send, { skip, flush });
}

/** "30.11 14:30" in the branch's time zone. */
function formatTime(at: Date, timeZone: string): string {
  const p = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const get = (type: string) => p.find((x) => x.type === type)?.value ?? "";
  return `${get("day")}.${get("month")} ${get("hour")}:${get("minute")}`;
}
