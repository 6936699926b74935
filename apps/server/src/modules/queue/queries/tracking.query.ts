import {
  DEFAULT_APPOINTMENT_WINDOW,
  TICKET_STATUS,
  customerWait,
  isTicketToken,
  type EtaCall,
} from "@equeue/core";
import { sql, type ExpressionBuilder } from "kysely";
import type { Database, I18nText, TicketsTable } from "../../../db/tables";
import { markPrepared } from "../../../db/prepared";
import type { TrackingDto } from "../http/queue-views.schema";
import type { CompanyQueryDb, TicketView } from "../queue.types";
import { etaCallsOf, recentCallsOf } from "../sql/recent-calls.sql";
import { MAX_TRANSFER_HOPS } from "../sql/ticket.sql";

type TrackedRow = TicketView & { branch_name: I18nText; duration_minutes: number };

/** The tracking result of one followed ticket: where it is now and what its holder sees. */
export type Tracked = { ticketId: string; branchId: string; serviceId: string; view: TrackingDto };

function trackedQuery(db: CompanyQueryDb) {
  return db
    .selectFrom("tickets as x")
    .innerJoin("services as s", "s.id", "x.service_id")
    .innerJoin("branches as b", "b.id", "x.branch_id")
    .leftJoin("counters as c", "c.id", "x.counter_id")
    .selectAll("x")
    .select([
      "s.name as service_name",
      "s.duration_minutes",
      "b.name as branch_name",
      "c.number as counter_number",
    ]);
}

/** Where the ticket a token names is now (transfers followed), without computing its view. */
export async function locateTicket(
  db: CompanyQueryDb,
  id: string,
): Promise<{ ticketId: string; branchId: string; serviceId: string } | undefined> {
  let row = await db
    .selectFrom("tickets")
    .select(["id", "branch_id", "service_id", "status"])
    .where("id", "=", id)
    .executeTakeFirst();
  for (let hop = 0; row?.status === "TRANSFERRED" && hop < MAX_TRANSFER_HOPS; hop++) {
    const next = await db
      .selectFrom("tickets")
      .select(["id", "branch_id", "service_id", "status"])
      .where("transferred_from", "=", row.id)
      .executeTakeFirst();
    if (!next) break;
    row = next;
  }
  return row && { ticketId: row.id, branchId: row.branch_id, serviceId: row.service_id };
}

/** Follows transfers so that a token keeps showing where its customer is now. */
async function followTransfers(db: CompanyQueryDb, rows: TrackedRow[]): Promise<TrackedRow[]> {
  let current = rows;
  for (let hop = 0; hop < MAX_TRANSFER_HOPS; hop++) {
    const moved = current.filter((r) => r.status === "TRANSFERRED");
    if (moved.length === 0) break;
    const next = await trackedQuery(db)
      .where(
        "x.transferred_from",
        "in",
        moved.map((r) => r.id),
      )
      .execute();
    const successor = new Map(next.map((r) => [r.transferred_from, r]));
    current = current.map((r) => successor.get(r.id) ?? r);
    if (next.length === 0) break;
  }
  return current;
}

/**
 * Tracking views for several tickets at once (the realtime fan-out recomputes every tracker of
 * a service in one pass). Keys of the result are the ids asked for. Positions and the wait
 * figures of every line involved come from ONE statement, whatever the number of tickets.
 */
export async function trackingViews(
  db: CompanyQueryDb,
  ticketIds: readonly string[],
  now: Date,
): Promise<Map<string, Tracked>> {
  if (ticketIds.length === 0) return new Map();
  const asked = await trackedQuery(db)
    .where("x.id", "in", [...ticketIds])
    .execute();
  return viewsOf(db, asked, now);
}

/**
 * The tracking view of the ticket a tracking token names (the status page's read): the token
 * is looked up in the same statement as the ticket. Undefined for an unknown token.
 */
export async function trackingViewByToken(
  db: CompanyQueryDb,
  token: string,
  now: Date,
): Promise<Tracked | undefined> {
  if (!isTicketToken(token)) return undefined;
  // The usual case — a ticket that was not transferred — is ONE statement, position included.
  const query = trackedQuery(db)
    .where("x.token", "=", token)
    .select((eb) => [servingNow(eb), smoothedNow(eb), peopleAheadNow(eb, now)])
    .select(recentCallsOf(db, sql.ref("x.branch_id"), sql.ref("x.service_id"), now));
  const [row] = (await db.executeQuery(markPrepared(query.compile()))).rows;
  if (!row) return undefined;
  if (row.status === TICKET_STATUS.TRANSFERRED) {
    return [...(await viewsOf(db, [row], now)).values()][0];
  }
  const position =
    row.ahead === null
      ? undefined
      : {
          ahead: row.ahead,
          operatorsServing: row.serving ?? 0,
          smoothed: row.smoothed ?? null,
          calls: etaCallsOf(row.recent_calls),
        };
  return trackedOf(row, position, now);
}

/** What a tracker sees of a ticket: its view, with its place in line while it waits. */
function trackedOf(row: TrackedRow, position: LinePosition | undefined, now: Date): Tracked {
  let view: TrackingDto = baseView(row, now);
  if (row.status === TICKET_STATUS.WAITING && position) {
    view = withPosition(view, row, position, now);
  }
  return { ticketId: row.id, branchId: row.branch_id, serviceId: row.service_id, view };
}

async function viewsOf(
  db: CompanyQueryDb,
  asked: TrackedRow[],
  now: Date,
): Promise<Map<string, Tracked>> {
  const out = new Map<string, Tracked>();
  const followed = await followTransfers(db, asked);
  const waiting = followed.filter((r) => r.status === "WAITING").map((r) => r.id);
  const positions = await linePositions(db, waiting, now);
  for (let i = 0; i < asked.length; i++) {
    const row = followed[i]!;
    out.set(asked[i]!.id, trackedOf(row, positions.get(row.id), now));
  }
  return out;
}

type LinePosition = {
  ahead: number;
  operatorsServing: number;
  smoothed: number | null;
  /** The line's recent calls (the ETA's delay history). */
  calls: EtaCall[];
};

// Up to this many tickets, each one's people-ahead is a count; beyond, the lines are ranked once.
const COUNT_AHEAD_UP_TO = 2;

/**
 * Core's call order (compareCandidates, CALL_NEXT_ORDER_BY) within ONE service line as a SQL sort
 * key: due appointments first (earliest booked time), then priority, then queue time, then id.
 * Everybody in a line has the same head start, so it cannot change their order and drops out.
 * Ascending on every column, so two keys compare as rows (`<`) and sort with plain ORDER BY.
 */
export function lineOrderKey(alias: string, now: Date, window = DEFAULT_APPOINTMENT_WINDOW) {
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  const dueFrom = new Date(now.getTime() - window.lateSeconds * 1000);
  const dueTo = new Date(now.getTime() + window.earlySeconds * 1000);
  const due = sql`coalesce(${col("appointment_at")} between ${dueFrom} and ${dueTo}, false)`;
  return sql`(case when ${due} then 0 else 1 end),
    (case when ${due} then ${col("appointment_at")} else 'infinity'::timestamptz end),
    (-${col("priority")}),
    coalesce(${col("queued_at")}, ${col("created_at")}),
    ${col("id")}`;
}

/** A query over one ticket aliased `x` (trackedQuery, linePositions). */
type OverTicket = ExpressionBuilder<Database & { x: TicketsTable }, "x">;

/** Operators available now at the ticket's branch for its service. */
const servingNow = (eb: OverTicket) =>
  eb
    .selectFrom("operator_status as o")
    .innerJoin("staff_services as ss", "ss.staff_id", "o.staff_id")
    .select(sql<number>`count(*)::int`.as("n"))
    .whereRef("o.branch_id", "=", "x.branch_id")
    .where("o.status", "=", sql.lit("AVAILABLE"))
    .whereRef("ss.service_id", "=", "x.service_id")
    .as("serving");

/** The branch's smoothed service time for the ticket's service. */
const smoothedNow = (eb: OverTicket) =>
  eb
    .selectFrom("service_stats as st")
    .select("st.smoothed_service_seconds")
    .whereRef("st.branch_id", "=", "x.branch_id")
    .whereRef("st.service_id", "=", "x.service_id")
    .as("smoothed");

/** People ahead of the ticket in its line: one indexed count in core's call order. */
const peopleAheadNow = (eb: OverTicket, now: Date) =>
  eb
    .selectFrom("tickets as o")
    .select(sql<number>`count(*)::int`.as("n"))
    .whereRef("o.branch_id", "=", "x.branch_id")
    .whereRef("o.service_id", "=", "x.service_id")
    // A literal, so the prepared status poll's generic plan can use the partial tickets_waiting.
    .where("o.status", "=", sql.lit(TICKET_STATUS.WAITING))
    .whereRef("o.id", "<>", "x.id")
    .where(sql<boolean>`(${lineOrderKey("o", now)}) < (${lineOrderKey("x", now)})`)
    .as("ahead");

/**
 * People ahead of each WAITING ticket in its service line (core's countPeopleAhead, computed by
 * the database instead of loading the line), with the line's serving operators and smoothed
 * service time. A few tickets: one indexed count each; many (a line's trackers): row_number()
 * over each line, once.
 */
async function linePositions(
  db: CompanyQueryDb,
  ids: readonly string[],
  now: Date,
): Promise<Map<string, LinePosition>> {
  const out = new Map<string, LinePosition>();
  if (ids.length === 0) return out;
  const base = db
    .selectFrom("tickets as x")
    .where("x.id", "in", [...ids])
    .where("x.status", "=", TICKET_STATUS.WAITING)
    .select((eb) => ["x.id", servingNow(eb), smoothedNow(eb)])
    .select(recentCallsOf(db, sql.ref("x.branch_id"), sql.ref("x.service_id"), now));
  const rows =
    ids.length <= COUNT_AHEAD_UP_TO
      ? await base.select((eb) => peopleAheadNow(eb, now)).execute()
      : await base
          .leftJoin(
            (eb) =>
              eb
                .selectFrom("tickets as w")
                .select([
                  "w.id",
                  sql<number>`(row_number() over (partition by w.branch_id, w.service_id
                    order by ${lineOrderKey("w", now)}) - 1)::int`.as("ahead"),
                ])
                .where("w.status", "=", TICKET_STATUS.WAITING)
                .where(
                  sql<boolean>`(w.branch_id, w.service_id) in (${db
                    .selectFrom("tickets")
                    .select(["branch_id", "service_id"])
                    .where("id", "in", [...ids])})`,
                )
                .as("r"),
            (join) => join.onRef("r.id", "=", "x.id"),
          )
          .select("r.ahead")
          .execute();
  for (const r of rows) {
    if (r.ahead === null) continue;
    out.set(r.id, {
      ahead: r.ahead,
      operatorsServing: r.serving ?? 0,
      smoothed: r.smoothed ?? null,
      calls: etaCallsOf(r.recent_calls),
    });
  }
  return out;
}

/**
 * The tracking view of a ticket at the counter, from the ticket a command just changed — no
 * read needed: a called or served ticket shows no position or estimate.
 */
export function atCounterView(ticket: TicketView, branchName: I18nText, now: Date): TrackingDto {
  return baseView({ ...ticket, branch_name: branchName, duration_minutes: 0 }, now);
}

function baseView(row: TrackedRow, now: Date): TrackingDto {
  const atCounter = row.status === "CALLED" || row.status === "SERVING";
  return {
    label: row.label,
    status: row.status,
    serviceName: row.service_name,
    branchName: row.branch_name,
    queuedAt: row.queued_at,
    appointmentAt: row.appointment_at,
    calledAt: row.called_at,
    counterNumber: atCounter ? row.counter_number : null,
    position: null,
    peopleAhead: null,
    estimate: null,
    at: now,
  };
}

function withPosition(
  view: TrackingDto,
  row: TrackedRow,
  line: LinePosition,
  now: Date,
): TrackingDto {
  const ahead = line.ahead;
  const e = customerWait({
    now,
    peopleAhead: ahead,
    operatorsServing: line.operatorsServing,
    smoothedServiceSeconds: line.smoothed,
    expectedServiceSeconds: row.duration_minutes * 60,
    recentCalls: line.calls,
  });
  return {
    ...view,
    position: ahead + 1,
    peopleAhead: ahead,
    estimate: {
      minutes: e.minutes,
      lowMinutes: e.lowMinutes,
      highMinutes: e.highMinutes,
      noOperators: e.noOperators,
    },
  };
}
