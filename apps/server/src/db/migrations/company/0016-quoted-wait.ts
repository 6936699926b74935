import type { Migration } from "../migration";

/**
 * The wait a ticket was quoted when it was issued (the ETA the customer saw first, whole minutes,
 * with its range), so reports can set what was quoted against the wait that followed. Null for
 * tickets issued before, booked tickets and tickets issued while nobody served the service.
 * X
 */
export const companyQuotedWait: Migration = {
  version: 16,
  name: "quoted-wait",
  statements: (s) => [
    `alter table ${s}.tickets add column quoted_wait_minutes integer,
      add column quoted_wait_low integer, add column quoted_wait_high integer`,
    `create index tickets_quoted on ${s}.tickets (day, branch_id) where quoted_wait_minutes is not null`,
  ],
};
