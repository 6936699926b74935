import type { Migration } from "../migration";

/**
 * Web push and the customer's choice of channels: the browsers that follow a ticket by push (one
 * row per endpoint and ticket, with the account that subscribed when signed in), the channels a
 * ticket or an account turned off, an outbox SMS that stands in for an undelivered Telegram or
 * push message (`fallback_of` names the messages it stands in for), and SKIPPED for a stand-in
 * that was not needed.
 */
export const platformPushAndChannelChoice: Migration = {
  version: 6,
  name: "push-and-channel-choice",
  statements: (s) => [
    `create table ${s}.push_subscriptions (
      id uuid primary key default gen_random_uuid(),
      endpoint text not null,
      p256dh text not null,
      auth text not null,
      company_id uuid not null,
      ticket_id uuid not null,
      customer_id uuid references ${s}.customers(id) on delete cascade,
      language text not null default 'uz' check (language in ('uz','ru','en')),
      created_at timestamptz not null default now())`,
    `create unique index push_subscriptions_ticket on ${s}.push_subscriptions (company_id, ticket_id, endpoint)`,
    `create index push_subscriptions_endpoint on ${s}.push_subscriptions (endpoint)`,
    `create index push_subscriptions_customer on ${s}.push_subscriptions (customer_id) where customer_id is not null`,
    `create table ${s}.ticket_channel_prefs (
      company_id uuid not null,
      ticket_id uuid not null,
      sms_off boolean not null default false,
      telegram_off boolean not null default false,
      push_off boolean not null default false,
      updated_at timestamptz not null default now(),
      primary key (company_id, ticket_id))`,
    `alter table ${s}.customers add column sms_off boolean not null default false`,
    `alter table ${s}.customers add column telegram_off boolean not null default false`,
    `alter table ${s}.customers add column push_off boolean not null default false`,
    `alter table ${s}.outbox add column fallback_of text`,
    // A stand-in SMS looks up the messages of its trigger by key prefix (LIKE 'prefix%').
    `create index outbox_dedupe_key_prefix on ${s}.outbox (dedupe_key text_pattern_ops) where dedupe_key is not null`,
    `alter table ${s}.outbox drop constraint outbox_status_check`,
    `alter table ${s}.outbox add constraint outbox_status_check
      check (status in ('PENDING','SENT','FAILED','SKIPPED'))`,
  ],
};
