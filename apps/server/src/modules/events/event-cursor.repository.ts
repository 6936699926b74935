import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database";
import { companyDb } from "../tenancy";
import type { DomainEvent, EventCompany } from "./events.types";

type Cursor = { last_tx: string; last_id: number };

/**
 * Takes a subscriber's cursor for this transaction — the run's transaction id, or null when
 * another run (on this node or another) holds it: that one delivers. The claim is a
 * transaction-scoped advisory lock on (company schema, subscriber), taken on the database the app
 * connects to (the coordinator on Citus), and with it the run's transaction id (the coordinator's
 * on Citus), so that this node's other runs can leave the run out of their settled horizon
 * (`readAfter`'s `passing`). The cursor itself is read with the events (`readPending`), in the
 * next statement: its snapshot is taken after the lock, so it sees what the previous holder
 * committed. Until 2026-11-30 the claim was a row lock (`FOR UPDATE SKIP LOCKED`) on the cursor
 * row: during a rolling upgrade from such a version a company's subscriber may run on an old and
 * a new node at once, and redeliver some events (subscribers are idempotent: nothing is sent
 * twice).
 */
export async function claimCursor(
  trx: Db,
  company: EventCompany,
  subscriber: string,
): Promise<string | null> {
  const { rows } = await sql<{ xid: string | null }>`select case
      when pg_try_advisory_xact_lock(hashtext(${company.schema_name}), hashtext(${subscriber}))
      then pg_current_xact_id()::text end as xid`.execute(trx);
  return rows[0]?.xid ?? null;
}

/**
 * The settled horizon: events of transactions below it are final. It is the oldest transaction
 * still running, leaving out `passing` — running transactions known never to write queue events
 * (this node's other delivery runs; a delivery run of the report roll-ups holds its transaction
 * for hundreds of milliseconds, and every event committed meanwhile waited for it) — and this
 * transaction itself, which writes none either (a snapshot's running list leaves it out, its
 * xmin does not). With nothing else running, the horizon is the snapshot's xmax.
 */
const horizon = (passing: readonly string[]) =>
  sql`(with s as (select pg_current_snapshot() as snap)
    select coalesce(
      (select min(x) from s, pg_snapshot_xip(s.snap) as x
        where x <> all(${passing as string[]}::xid8[])),
      (select pg_snapshot_xmax(s.snap) from s)))`;

/**
 * The next events after the cursor, in (tx, id) order, and whether more wait. Only events whose
 * transaction is older than every transaction still running that may write events are delivered
 * (`tx <` the `horizon`): a later one may still be followed by a
 * smaller id that commits late, so the batch stops at the first such event and the run is
 * retried shortly (`held`).
 *
 * On Citus the `tx` default of an event is evaluated on the coordinator (Citus computes an
 * INSERT's volatile defaults there before sending the row to the worker), so the events carry
 * coordinator transaction ids while this statement runs on the worker: the caller then passes the
 * coordinator's horizon (coordinatorHorizon) as `settledBefore`. `passing` names running
 * transactions that never write queue events (see `horizon`).
 */
export async function readAfter(
  trx: Db,
  company: EventCompany,
  cursor: Cursor,
  limit: number,
  settledBefore?: string,
  passing: readonly string[] = [],
): Promise<Batch> {
  const after = sql`(${cursor.last_tx}::xid8, ${cursor.last_id}::bigint)`;
  return readEvents(trx, company, after, limit, settledBefore, passing);
}

/**
 * `readAfter` from the subscriber's stored cursor, read in the same statement (a subscriber new
 * to the company starts at the beginning of the history; `advanceCursor` creates its row): one
 * round trip less in every delivery run.
 */
export async function readPending(
  trx: Db,
  company: EventCompany,
  subscriber: string,
  limit: number,
  settledBefore?: string,
  passing: readonly string[] = [],
): Promise<Batch> {
  const c = sql.id(company.schema_name, "event_cursors");
  const stored = (column: string, start: string) =>
    sql`coalesce((select c.${sql.ref(column)} from ${c} c where c.subscriber = ${subscriber}),
      ${sql.lit(start)})`;
  const after = sql`(${stored("last_tx", "0")}::xid8, ${stored("last_id", "0")}::bigint)`;
  return readEvents(trx, company, after, limit, settledBefore, passing);
}

type Batch = { events: DomainEvent[]; more: boolean; held: boolean };

async function readEvents(
  trx: Db,
  company: EventCompany,
  after: RawBuilder<unknown>,
  limit: number,
  settledBefore: string | undefined,
  passing: readonly string[],
): Promise<Batch> {
  const t = sql.id(company.schema_name, "ticket_events");
  const xmin = settledBefore === undefined ? horizon(passing) : sql`${settledBefore}::xid8`;
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
    where (e.tx, e.id) > ${after}
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

/** Moves the subscriber's cursor past `last` (its row is created on the first advance). */
export async function advanceCursor(
  trx: Db,
  company: EventCompany,
  subscriber: string,
  last: DomainEvent,
): Promise<void> {
  const at = { last_tx: sql<string>`${last.tx}::xid8`, last_id: last.id, updated_at: new Date() };
  await companyDb(trx, company)
    .insertInto("event_cursors")
    .values({ subscriber, ...at })
    .onConflict((oc) => oc.column("subscriber").doUpdateSet(at))
    .execute();
}

/** The settled horizon on the database the app connects to (on Citus: the coordinator's). */
export async function coordinatorHorizon(db: Db, passing: readonly string[]): Promise<string> {
  const { rows } = await sql<{ xmin: string }>`select ${horizon(passing)}::text as xmin`.execute(
    db,
  );
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
