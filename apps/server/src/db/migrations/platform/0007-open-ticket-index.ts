import type { Migration } from "../migration";

/**
 * What the platform's metrics count on every scrape, without reading history that only grows:
 * the open tickets of the cross-company index by status, and the outbox messages that gave up.
 */
export const platformOpenTicketIndex: Migration = {
  version: 7,
  name: "open-ticket-index",
  statements: (s) => [
    `create index ticket_index_open on ${s}.ticket_index (status)
      where status in ('BOOKED','WAITING','CALLED','SERVING')`,
    `create index outbox_failed on ${s}.outbox (channel) where status = 'FAILED'`,
  ],
};
