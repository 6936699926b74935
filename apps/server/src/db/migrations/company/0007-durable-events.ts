import type { Migration } from "../migration";

/**
 * Durable queue events (ADR 0004). Every ticket_events row is already written in the statement
 * that makes the change; `tx` records the writing transaction (filled by the default, so no
 * INSERT changes and no round trip is added), so a dispatcher can take only events whose
 * transaction is older than every running one and never skip one that commits late with a
 * smaller id. `event_cursors` holds, per subscriber, the last event it has handled.
 */
export const companyDurableEvents: Migration = {
  version: 7,
  name: "durable-events",
  statements: (s) => [
    `alter table ${s}.ticket_events add column tx xid8 not null default pg_current_xact_id()`,
    `create index ticket_events_tx on ${s}.ticket_events (tx, id)`,
    `create table ${s}.event_cursors (
      subscriber text primary key,
      last_tx xid8 not null default '0',
      last_id bigint not null default 0,
      updated_at timestamptz not null default now())`,
  ],
};
