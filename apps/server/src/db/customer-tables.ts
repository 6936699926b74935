/**
 * What the platform keeps about customers and the messages sent to them, across companies: the
 * outbox, Telegram and web-push links, channel choices, portal customers and their sign-in codes,
 * the cross-company ticket index and each company's ratings in sum; and, per company, the
 * notification settings, long-wait alerts and booking reminders.
 */
import type { OutboxStatus, TicketSource, TicketStatus } from "@equeue/contracts";
import type { Generated } from "kysely";
import type { Json, NullableTimestamp, Timestamp } from "./column-types";

export type { OutboxStatus };

export type OutboxChannel = "email" | "sms" | "telegram" | "push";

export type OutboxTable = {
  id: Generated<string>;
  channel: OutboxChannel;
  recipient: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: Timestamp;
  company_id: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  /** (ticket, trigger, channel) of a notification: unique, so a replay queues nothing new. */
  dedupe_key: string | null;
  provider_id: string | null;
  delivery_status: string | null;
  delivered_at: NullableTimestamp;
  segments: number | null;
  /** An SMS standing in for the Telegram/push messages whose keys start with this. */
  fallback_of: string | null;
  /** Times a worker claimed it; more than `attempts` when a claim never recorded its outcome. */
  claims: Generated<number>;
  /** The customer must act on it now (called, a sign-in code): claimed and sent first. */
  urgent: Generated<boolean>;
  /** It may wait behind every other message of its channel (a rating request, a reminder). */
  bulk: Generated<boolean>;
  /** It carries a code or a one-time password: listed without its text where it really goes out. */
  secret: Generated<boolean>;
};

export type TelegramLinkTokensTable = {
  token_hash: string;
  company_id: string;
  ticket_id: string;
  language: Generated<"uz" | "uz-Cyrl" | "ru" | "en">;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
  created_at: Generated<Date>;
};

/** A browser that follows a ticket by web push (and the account that subscribed it). */
export type PushSubscriptionsTable = {
  id: Generated<string>;
  endpoint: string;
  p256dh: string;
  auth: string;
  company_id: string;
  ticket_id: string;
  customer_id: string | null;
  language: Generated<"uz" | "uz-Cyrl" | "ru" | "en">;
  created_at: Generated<Date>;
};

/** The channels a ticket's holder turned off. */
export type TicketChannelPrefsTable = {
  company_id: string;
  ticket_id: string;
  sms_off: Generated<boolean>;
  telegram_off: Generated<boolean>;
  push_off: Generated<boolean>;
  updated_at: Generated<Date>;
};

export type TicketChatsTable = {
  company_id: string;
  ticket_id: string;
  chat_id: string;
  language: Generated<"uz" | "uz-Cyrl" | "ru" | "en">;
  created_at: Generated<Date>;
};

/** The latest state of every ticket of every company, kept by a durable event subscriber. */
export type TicketIndexTable = {
  company_id: string;
  ticket_id: string;
  branch_id: string;
  service_id: string;
  label: string;
  status: TicketStatus;
  source: TicketSource;
  customer_phone: string | null;
  appointment_at: NullableTimestamp;
  token: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_event_id: number;
};

/** A portal customer: one proven phone number (E.164). */
export type CustomersTable = {
  id: Generated<string>;
  phone: string;
  created_at: Generated<Date>;
  last_sign_in_at: NullableTimestamp;
  sms_off: Generated<boolean>;
  telegram_off: Generated<boolean>;
  push_off: Generated<boolean>;
};

/** A Telegram chat of a customer account (its user shared their own contact with the bot). */
export type CustomerChatsTable = {
  customer_id: string;
  chat_id: string;
  language: Generated<"uz" | "uz-Cyrl" | "ru" | "en">;
  created_at: Generated<Date>;
};

/** A one-time sign-in code sent by SMS, stored hashed. */
export type CustomerCodesTable = {
  id: Generated<string>;
  phone: string;
  code_hash: string;
  expires_at: Timestamp;
  attempts: Generated<number>;
  used_at: NullableTimestamp;
  created_at: Generated<Date>;
};

/** Each company's ratings in sum, for the directory's average. */
export type CompanyRatingsTable = {
  company_id: string;
  ratings: Generated<number>;
  stars_total: Generated<number>;
};

/** The company's notification settings: one row. */
export type NotificationSettingsTable = {
  id: Generated<boolean>;
  /** Trigger → language → text; a missing or empty one is the default text. */
  templates: Json<Partial<Record<string, Partial<Record<"uz" | "ru" | "en", string>>>>>;
  /** "18:00": a reminder the day before at that branch time (null: none). */
  reminder_day_before_at: string | null;
  /** A reminder this many minutes before the appointment (null: none). */
  reminder_minutes_before: number | null;
  /** Reminders falling between these branch times wait until `quiet_to`. */
  quiet_from: string | null;
  quiet_to: string | null;
  updated_at: Generated<Date>;
};

/** A (branch, service) whose longest wait is over its target since `started_at`. */
export type WaitAlertsTable = { branch_id: string; service_id: string; started_at: Date };

/** A reminder sent for a booking at an appointment time. */
export type TicketRemindersTable = {
  ticket_id: string;
  kind: "DAY_BEFORE" | "BEFORE";
  appointment_at: Date;
  sent_at: Generated<Date>;
};
