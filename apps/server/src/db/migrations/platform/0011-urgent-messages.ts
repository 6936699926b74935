import type { Migration } from "../migration";

/**
 * A message the customer must act on now ("go to counter 3", a sign-in code) is urgent: it is
 * claimed and sent before the rest of its channel's backlog (rating requests, reminders). A
 * channel with a hard rate (a Telegram bot: about 30 messages a second in all) otherwise makes
 * the call wait behind them.
 */
export const platformUrgentMessages: Migration = {
  version: 11,
  name: "urgent-messages",
  statements: (s) => [
    `alter table ${s}.outbox add column urgent boolean not null default false`,
    `create index outbox_due_urgent on ${s}.outbox (urgent desc, next_attempt_at)
      where status = 'PENDING'`,
  ],
};
