import type { Migration } from "../migration";

/**
 * The cross-company ticket index (the latest state of every ticket, kept by a durable event
 * subscriber; read by the portal's "my tickets" and the bare tracking link), and the outbox's
 * channels beyond e-mail and SMS.
 */
export const platformTicketIndexAndChannels: Migration = {
  version: 3,
  name: "ticket-index-and-channels",
  statements: (s) => [
    `create table ${s}.ticket_index (
      company_id uuid not null,
      ticket_id uuid not null,
      branch_id uuid not null,
      service_id uuid not null,
      label text not null,
      status text not null,
      source text not null,
      customer_phone text,
      appointment_at timestamptz,
      token text not null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      last_event_id bigint not null,
      primary key (company_id, ticket_id))`,
    `create unique index ticket_index_token on ${s}.ticket_index (token)`,
    `create index ticket_index_phone on ${s}.ticket_index (customer_phone, created_at desc) where customer_phone is not null`,
    `alter table ${s}.outbox drop constraint outbox_channel_check`,
    `alter table ${s}.outbox add constraint outbox_channel_check
      check (channel in ('email','sms','telegram','push'))`,
    `create index outbox_due_channel on ${s}.outbox (channel, next_attempt_at) where status = 'PENDING'`,
  ],
};
