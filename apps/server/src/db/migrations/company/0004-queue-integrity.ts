import type { Migration } from "../migration";

/**
 * Invariants of the queue engine the database enforces itself:
 * - a transfer keeps the customer's printed number, so the successor ticket repeats the
 *   (series, number) of the ticket it came from: only original tickets must be unique;
 * - an operator holds at most one open (CALLED or SERVING) ticket, even when two "call next"
 *   requests of the same operator race;
 * plus the indexes the display board, transfer tracking and call-next lookups read.
 */
export const companyQueueIntegrity: Migration = {
  version: 4,
  name: "queue-integrity",
  statements: (s) => [
    `drop index ${s}.tickets_number`,
    `create unique index tickets_number on ${s}.tickets (branch_id, day, series, number) where transferred_from is null`,
    `create unique index tickets_operator_open on ${s}.tickets (operator_id) where status in ('CALLED','SERVING')`,
    `create index tickets_called on ${s}.tickets (branch_id, called_at desc) where called_at is not null`,
    `create index tickets_successor on ${s}.tickets (transferred_from) where transferred_from is not null`,
    `create index tickets_day_open on ${s}.tickets (branch_id, day) where status in ('BOOKED','WAITING','CALLED','SERVING')`,
  ],
};
