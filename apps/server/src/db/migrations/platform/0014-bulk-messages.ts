import type { Migration } from "../migration";

/**
 * A message that may wait behind every other of its channel (a rating request, a booking
 * reminder) is bulk. A channel with a hard rate (a Telegram bot: about 30 messages a second in
 * all) is otherwise shared equally: at a busy hour the rating requests of the customers just
 * served pushed "you are nearly up" and "go to counter 3" seconds late. The claim's order is
 * unchanged (urgent, then due time); the channel's lane and its pacing put bulk ones last.
 */
export const platformBulkMessages: Migration = {
  version: 14,
  name: "bulk-messages",
  statements: (s) => [`alter table ${s}.outbox add column bulk boolean not null default false`],
};
