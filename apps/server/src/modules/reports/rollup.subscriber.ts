import type { TicketSource } from "@equeue/core";
import { sql } from "kysely";
import type { Db } from "../../db/database";
import type { DomainEvent, DurableSubscriber } from "../events";
import type { CompanyQueryDb } from "../queue";
import { quoteIdent } from "../../db/migrator";
import { DAY_TIERS, tierColumns, tierOnly, tierSelect } from "./day-tier";
import { foldDays, monthTierOf } from "./month-tier";
import {
  COUNTERS,
  foldEvent,
  HISTOGRAM_SIZE,
  sumDeltas,
  type FoldEvent,
  type RollupRow,
} from "./rollup-fold";

/** Events after (tx, id) in delivery order; tx is an xid8 as text. */
const after = (e: { tx: string; id: number }, tx: string, id: number) => {
  const a = BigInt(e.tx);
  const b = BigInt(tx);
  return a > b || (a === b && e.id > id);
};

/**
 * Keeps `report_rollups` from the queue events (docs/reports.md). It runs in the transaction
 * that advances its cursor and keeps its own last (tx, id) there too, so a batch handed to it
 * again — a replay — adds nothing. One read of the batch's tickets, one of their earlier events
 * (a wait needs the entry into the line, a service time the start), one upsert.
 */
export const reportRollupSubscriber: DurableSubscriber = {
  name: "report-rollups",
  // A day's refresh costs the same for one event as for a thousand: on a busy company, one a
  // second, not one per command (the roll-ups' figures may lag by that second).
  unhurried: true,
  async handle(tx, _company, events) {
    const q = tx.company;
    const state = await q
      .selectFrom("report_rollup_state")
      .select([sql<string>`last_tx::text`.as("last_tx"), "last_id"])
      .where("id", "=", 1)
      .forUpdate()
      .executeTakeFirst();
    const fresh = state
      ? events.filter((e) => after(e, state.last_tx, Number(state.last_id)))
      : events;
    if (fresh.length === 0) return;
    const rows = await applyEvents(q, fresh);
    await refreshDays(tx.db, _company.schema_name, rows);
    const last = fresh[fresh.length - 1]!;
    await q
      .insertInto("report_rollup_state")
      .values({ id: 1, last_tx: sql<string>`${last.tx}::xid8` as never, last_id: last.id })
      .onConflict((oc) =>
        oc.column("id").doUpdateSet({
          last_tx: sql<string>`excluded.last_tx` as never,
          last_id: sql<number>`excluded.last_id` as never,
          // The inserted row's default (now()): Citus refuses a function that is not
          // IMMUTABLE in ON CONFLICT … DO UPDATE on a distributed table.
          updated_at: sql<Date>`excluded.updated_at` as never,
        }),
      )
      .execute();
  },
};

/** Folds `events` into the roll-up rows (no replay check: the subscriber does that). */
export async function applyEvents(q: CompanyQueryDb, events: DomainEvent[]): Promise<RollupRow[]> {
  const ticketIds = [...new Set(events.map((e) => e.ticketId))];
  const maxId = Math.max(...events.map((e) => e.id));
  const [tickets, targets, history] = await Promise.all([
    q
      .selectFrom("tickets")
      .select(["id", "branch_id", "service_id", "source", "appointment_at"])
      .where("id", "in", ticketIds)
      .execute(),
    q
      .selectFrom("services")
      .select(["id", sql<number | null>`target_wait_minutes`.as("target")])
      .execute(),
    q
      .selectFrom("ticket_events")
      .select(["id", "ticket_id", "at", "type", "from_status", "to_status", "operator_id"])
      .where("ticket_id", "in", ticketIds)
      .where("id", "<=", maxId)
      .orderBy("id")
      .execute(),
  ]);
  const target = new Map(targets.map((s) => [s.id, s.target]));
  const byTicket = new Map<string, FoldEvent[]>();
  for (const h of history) {
    const list = byTicket.get(h.ticket_id) ?? [];
    list.push({
      id: Number(h.id),
      at: h.at,
      type: h.type,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      operatorId: h.operator_id,
    });
    byTicket.set(h.ticket_id, list);
  }
  const ticketOf = new Map(tickets.map((t) => [t.id, t]));
  const rows = new Map<string, RollupRow>();
  for (const e of events) {
    const t = ticketOf.get(e.ticketId);
    if (!t) continue;
    const minutes = target.get(t.service_id) ?? null;
    const before = (byTicket.get(e.ticketId) ?? []).filter((h) => h.id < e.id);
    sumDeltas(
      foldEvent(e, before, {
        branchId: t.branch_id,
        serviceId: t.service_id,
        source: t.source as TicketSource,
        appointmentAt: t.appointment_at,
        targetSeconds: minutes === null ? null : minutes * 60,
      }),
      rows,
    );
  }
  if (rows.size === 0) return [];
  await upsertRows(q, [...rows.values()]);
  return [...rows.values()];
}

/**
 * Recomputes every day tier (DAY_TIERS: per branch, service, operator and source) for the
 * branches' local days that hold `touched` buckets, from the 15-minute rows: delete the day,
 * insert its sums, so a replayed or repeated call gives the same rows. Each month tier follows
 * its day tier: the day's old rows are taken out of their month before, the new ones added after
 * (the month stays the sum of its days).
 */
export async function refreshDays(
  db: Db,
  schema: string,
  touched: { branchId: string; bucket: Date }[],
): Promise<void> {
  if (touched.length === 0) return;
  const seen = new Set<string>();
  const branchIds: string[] = [];
  const buckets: string[] = [];
  for (const t of touched) {
    const k = `${t.branchId}|${t.bucket.toISOString()}`;
    if (seen.has(k)) continue;
    seen.add(k);
    branchIds.push(t.branchId);
    buckets.push(t.bucket.toISOString());
  }
  const { rows: touchedDays } = await sql<{ branch_id: string; day: string }>`select distinct
      b.id as branch_id, to_char(x.bucket at time zone b.time_zone, 'YYYY-MM-DD') as day
    from unnest(${branchIds}::uuid[], ${buckets}::timestamptz[]) as x(branch_id, bucket)
    join ${sql.id(schema, "branches")} b on b.id = x.branch_id`.execute(db);
  // The days go in as date[]: a text → date cast of a column is STABLE (it reads DateStyle), and
  // Citus refuses a STABLE function over a column in a DELETE or UPDATE.
  const days = sql`(select d.branch_id, d.day, b.time_zone as tz
    from unnest(${touchedDays.map((d) => d.branch_id)}::uuid[],
      ${touchedDays.map((d) => d.day)}::date[]) as d(branch_id, day)
    join ${sql.id(schema, "branches")} b on b.id = d.branch_id)`;
  // Each day's rows by its own index range (lateral), whatever the number of days: a plain join
  // over many days is planned as a scan of the whole table.
  const rows = sql`(select r.*, extract(hour from r.bucket at time zone d.tz)::int as h
    from ${sql.id(schema, "report_rollups")} r where r.branch_id = d.branch_id
      and r.bucket >= (d.day::timestamp at time zone d.tz)
      and r.bucket < ((d.day + 1)::timestamp at time zone d.tz)) r`;
  for (const t of DAY_TIERS) {
    const T = sql.id(schema, t.table);
    const keys = sql.raw(t.keys.map((k) => `r.${k}`).join(", "));
    // The day's month tier: the day is taken out before it is recomputed and added back after.
    const month = monthTierOf(t.table);
    const fold = async (op: "+" | "-") => {
      if (touchedDays.length === 0) return;
      for (const statement of foldDays(quoteIdent(schema), month, op, touchedDays))
        await statement.execute(db);
    };
    await fold("-");
    await sql`delete from ${T} x using ${days} d
      where x.branch_id = d.branch_id and x.day = d.day`.execute(db);
    await sql`insert into ${T} (branch_id, day, ${sql.raw(t.keys.join(", "))},
        ${sql.raw(tierColumns(t))})
      select d.branch_id, d.day, x.* from ${days} d cross join lateral (
        select ${keys}, ${sql.raw(tierSelect(t))} from ${rows}
        ${sql.raw(tierOnly(t) ? `where ${tierOnly(t)}` : "")} group by ${keys}) x`.execute(db);
    await fold("+");
  }
}

// Element by element as an array constructor, like the day tiers' sums: Citus refuses a
// subquery (`array(select … from unnest(…))`) in an INSERT's ON CONFLICT on a distributed table.
const addArrays = (column: "wait_hist" | "service_hist") =>
  sql<number[]>`array[${sql.join(
    Array.from(
      { length: HISTOGRAM_SIZE },
      (_, i) =>
        sql`${sql.ref(`report_rollups.${column}`)}[${sql.lit(i + 1)}] + ${sql.ref(`excluded.${column}`)}[${sql.lit(i + 1)}]`,
    ),
  )}]`;

/** Adds rows to the stored roll-ups, element by element for the histograms. */
export async function upsertRows(q: CompanyQueryDb, rows: RollupRow[]): Promise<void> {
  const sum = (c: string) => sql`${sql.ref(`report_rollups.${c}`)} + ${sql.ref(`excluded.${c}`)}`;
  for (let i = 0; i < rows.length; i += 500) {
    await q
      .insertInto("report_rollups")
      .values(
        rows.slice(i, i + 500).map((r) => ({
          branch_id: r.branchId,
          bucket: r.bucket,
          service_id: r.serviceId,
          operator_id: r.operatorId,
          source: r.source,
          ...r.counts,
          wait_sum: r.waitSum,
          wait_hist: r.waitHist,
          service_sum: r.serviceSum,
          service_hist: r.serviceHist,
        })),
      )
      .onConflict((oc) =>
        oc.columns(["branch_id", "bucket", "service_id", "operator_id", "source"]).doUpdateSet({
          ...(Object.fromEntries(
            [...COUNTERS, "wait_sum", "service_sum"].map((c) => [c, sum(c)]),
          ) as Record<string, never>),
          wait_hist: addArrays("wait_hist") as never,
          service_hist: addArrays("service_hist") as never,
        }),
      )
      .execute();
  }
}
