import { sql } from "kysely";
import type { Db } from "../../db/database";
import { companyDb } from "../tenancy";
import type { DomainEvent, EventCompany } from "./events.types";

type Cursor = { last_tx: string; last_id: number };

/**
 * Takes a subscriber's cursor for this transaction, or returns null when another run (on this
 * node or another) holds it: that one delivers. The claim is a transaction-scoped advisory lock
 * on (company schema, subscriber), not a row lock: a row lock gives the run a transaction id at
 * once, and every event committed after that id is held back (`readAfter`'s settled rule) until
 * the run commits — a heavy run (report roll-ups over 500 events) then delayed every company's
 * notifications by its whole length. Without the row lock the run takes its id only when it
 * first writes, near its end. A subscriber new to the company gets its cursor row here, at the
 * start of the history.
 */
export async function claimCursor(
  trx: Db,
  company: EventCompany,
  subscriber: string,
): Promise<Cursor | null> {
  const { rows } = await sql<{ claimed: boolean }>`select pg_try_advisory_xact_lock(
      hashtext(${company.schema_name}), hashtext(${subscriber})) as claimed`.execute(trx);
  if (!rows[0]?.claimed) return null;
  const cdb = companyDb(trx, company);
  const cursor = () =>
    cdb
      .selectFrom("event_cursors")
      .select([sql<string>`last_tx::text`.as("last_tx"), "last_id"])
      .where("subscriber", "=", subscriber)
      .executeTakeFirst();
  const held = await cursor();
  if (held) return held;
  await cdb
    .insertInto("event_cursors")
    .values({ subscriber })
    .onConflict((oc) => oc.column("subscriber").doNothing())
    .execute();
  return (await cursor()) ?? null;
}

/**
 * The next events after the cursor, in (tx, id) order, and whether more wait. Only events whose
 * transaction is older than every transaction still running are delivered
 * (`tx < pg_snapshot_xmin(pg_current_snapshot())`): a later one may still be followed by a
 * smaller id that commits late, so the batch stops at the first such event and the run is
 * retried shortly (`held`).
 *
 * On Citus the `tx` default of an event is evaluated on the coordinator (Citus computes an
 * INSERT's volatile defaults there before sending the row to the worker), so the events carry
 * coordinator transaction ids while this statement runs on the worker: the caller then passes
 * the coordinator's xmin (coordinatorXmin) as `settledBefore`.
 */
export async function readAfter(
  trx: Db,
  company: EventCompany,
  cursor: Cursor,
  limit: number,
  settledBefore?: string,
): Promise<{ events: DomainEvent[]; more: boolean; held: boolean }> {
  const t = sql.id(company.schema_name, "ticket_events");
  const xmin =
    settledBefore === undefined
      ? sql`pg_snapshot_xmin(pg_current_snapshot())`
      : sql`${settledBefore}::xid8`;
  const { rows } = await sql<{
    id: number;
    tx: string;
    ticket_id: string;
    at: Date;
    type: string;
    from_status: string | null;
    to_status: string;
    operator_id: string | null;
    counter_id: string | null;
    data: Record<string, unknown>;
    settled: boolean;
  }>`select e.id, e.tx::text as tx, e.ticket_id, e.at, e.type, e.from_status, e.to_status,
      e.operator_id, e.counter_id, e.data, e.tx < ${xmin} as settled
    from ${t} e
    where (e.tx, e.id) > (${cursor.last_tx}::xid8, ${cursor.last_id}::bigint)
    order by e.tx, e.id
    limit ${limit + 1}`.execute(trx);
  const events: DomainEvent[] = [];
  for (const r of rows) {
    if (!r.settled || events.length === limit) break;
    events.push({
      id: Number(r.id),
      tx: r.tx,
      ticketId: r.ticket_id,
      at: r.at,
      type: r.type,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      operatorId: r.operator_id,
      counterId: r.counter_id,
      data: r.data,
    });
  }
  const held = rows.some((r) => !r.settled);
  return { events, more: !held && rows.length > limit, held };
}

export async function advanceCursor(
  trx: Db,
  company: EventCompany,
  subscriber: string,
  last: DomainEvent,
): Promise<void> {
  await companyDb(trx, company)
    .updateTable("event_cursors")
    .set({ last_tx: sql`${last.tx}::xid8`, last_id: last.id, updated_at: new Date() })
    .where("subscriber", "=", subscriber)
    .execute();
}

/** The oldest transaction still running on this node (on Citus: the coordinator's). */
export async function coordinatorXmin(db: Db): Promise<string> {
  const { rows } = await sql<{
    xmin: string;
  }>`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`.execute(db);
  return rows[0]!.xmin;
}

/**
 * Which of `subscribers` have events after their cursor in this company: one statement, no
 * transaction, so a sweep over thousands of idle companies costs one cheap index probe each.
 */
export async function subscribersBehind(
  db: Db,
  company: EventCompany,
  subscribers: string[],
): Promise<string[]> {
  const s = (name: string) => sql.id(company.schema_name, name);
  const { rows } = await sql<{ name: string }>`select n.name
    from unnest(${subscribers}::text[]) as n(name)
    left join ${s("event_cursors")} c on c.subscriber = n.name
    where exists (select 1 from ${s("ticket_events")} e
      where (e.tx, e.id) > (coalesce(c.last_tx, '0'::xid8), coalesce(c.last_id, 0)))`.execute(db);
  return rows.map((r) => r.name);
}
