import type { Migration } from "../migration";

/**
 * Notifications to customers: an outbox message may carry a key naming its cause (ticket,
 * trigger, channel), unique, so a redelivered queue event never queues a second message; the
 * SMS gateway's message id, delivery status and segment count; and the Telegram chats that
 * follow a ticket, reached through one-time deep-link tokens (stored hashed).
 */
export const platformNotifications: Migration = {
  version: 5,
  name: "notifications",
  statements: (s) => [
    `alter table ${s}.outbox add column dedupe_key text`,
    `create unique index outbox_dedupe_key on ${s}.outbox (dedupe_key) where dedupe_key is not null`,
    `alter table ${s}.outbox add column provider_id text`,
    `alter table ${s}.outbox add column delivery_status text`,
    `alter table ${s}.outbox add column delivered_at timestamptz`,
    `alter table ${s}.outbox add column segments integer`,
    `create index outbox_provider_id on ${s}.outbox (provider_id) where provider_id is not null`,
    `create table ${s}.telegram_link_tokens (
      token_hash text primary key,
      company_id uuid not null,
      ticket_id uuid not null,
      language text not null default 'uz' check (language in ('uz','ru','en')),
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now())`,
    `create table ${s}.ticket_chats (
      company_id uuid not null,
      ticket_id uuid not null,
      chat_id text not null,
      language text not null default 'uz' check (language in ('uz','ru','en')),
      created_at timestamptz not null default now(),
      primary key (company_id, ticket_id, chat_id))`,
  ],
};
