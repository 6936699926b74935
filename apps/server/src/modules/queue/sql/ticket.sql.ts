import { DEFAULT_ETA_MODEL, type NumberScheme, type TicketStatus } from "@equeue/core";
import { sql, type Insertable, type RawBuilder, type Updateable } from "kysely";
import type { I18nText, LateArrivalRule, TicketsTable, WeeklyHours } from "../../../db/tables";
import type { BranchDayException } from "../branch-hours";
import type {
  CompanyQueryDb,
  TicketActor,
  TicketEventType,
  TicketRow,
  TicketView,
} from "../queue.types";
import type { Db } from "../../../db/database";
import { affineDb } from "../../../db/company-affinity";
import { runPrepared } from "../../../db/prepared";
import type { BranchScope } from "../../access";
import { staffWorkplaceQuery, type WorkplaceRow } from "../staff-workplace";
import type { RecentCallsJson } from "./recent-calls.sql";

/** A ticket locked for change, with what the state machine and the screens need beside it. */
export type LockedTicket = TicketView & { grace_seconds: number; time_zone: string };

/**
 * The ticket_events row of the tickets a data-modifying CTE (`created` or `changed`) returned:
 * the status they left (`from`; none for a new ticket) and the one they are in now.
 */
function eventOf(
  schema: string,
  cte: "created" | "changed",
  e: {
    at: Date;
    type: TicketEventType;
    from?: TicketStatus;
    actor: TicketActor;
    data?: Record<string, unknown>;
  },
) {
  return sql`insert into ${sql.id(schema, "ticket_events")}
      (ticket_id, at, type, from_status, to_status, operator_id, counter_id, data)
    select id, ${e.at}::timestamptz, ${e.type}::text, ${e.from ?? null}::text, status,
      ${e.actor.staffId}::uuid, ${e.actor.counterId}::uuid, ${JSON.stringify(e.data ?? {})}::jsonb
    from ${sql.raw(cte)}`;
}

/** What issuing a ticket reads first, in one round trip (see readIssueTarget). */
export type IssueTarget = {
  branch: {
    id: string;
    status: "OPEN" | "CLOSED";
    time_zone: string;
    weekly_hours: WeeklyHours;
    number_scheme: NumberScheme;
    daily_ticket_limit: number | null;
    booking_horizon_days: number;
  } | null;
  service: {
    id: string;
    name: I18nText;
    letter: string;
    priority: number;
    is_active: boolean;
    enabled: boolean | null;
  } | null;
  /** The branch's exceptions around the day (a day before to a day after `at` in UTC). */
  exceptions: (BranchDayException & { day: string })[];
  /** The issuing staff member's scope (staffWorkplaceQuery), when one was asked for. */
  scope: WorkplaceRow | null;
  /**
   * The service's line as a ticket issued now joins it (for the wait quoted at issue): people
   * waiting, operators serving, smoothed and configured service time and the recent calls.
   * Absent when the caller read the target itself (bookings, which are not quoted).
   */
  line?: {
    waiting: number;
    serving: number;
    smoothed: number | null;
    duration_minutes: number;
    calls: RecentCallsJson;
  } | null;
};

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Everything issuing a ticket needs to decide, in ONE statement: the branch, the service as the
 * branch offers it, the branch's exceptions on the days `at` can fall on in any time zone (the
 * command picks the business day with core's businessDay), the issuing staff's scope, and the
 * service's line for the wait quoted at issue (recent calls: the ETA model's window before now).
 */
export async function readIssueTarget(
  db: Db,
  schema: string,
  input: { branchId: string; serviceId: string; appointmentAt?: Date | null },
  staffId: string | null,
  now = new Date(),
): Promise<IssueTarget> {
  const t = (name: string) => sql.id(schema, name);
  const at = (input.appointmentAt ?? now).getTime();
  const since = new Date(now.getTime() - DEFAULT_ETA_MODEL.windowSeconds * 1000);
  const result = await runPrepared(
    affineDb(db, schema),
    sql<IssueTarget>`
    select
      (select row_to_json(b) from (
        select id, status, time_zone, weekly_hours, number_scheme, daily_ticket_limit,
          booking_horizon_days
        from ${t("branches")} where id = ${input.branchId}) b) as branch,
      (select row_to_json(v) from (
        select s.id, s.name, s.letter, s.priority, s.is_active, bs.enabled
        from ${t("services")} s
        left join ${t("branch_services")} bs
          on bs.service_id = s.id and bs.branch_id = ${input.branchId}
        where s.id = ${input.serviceId}) v) as service,
      (select coalesce(json_agg(e), '[]'::json) from (
        select day, kind, opens_at, closes_at from ${t("branch_exceptions")}
        where branch_id = ${input.branchId}
          and day between ${isoDay(at - 86_400_000)}::date and ${isoDay(at + 86_400_000)}::date) e
      ) as exceptions,
      ${staffId === null ? sql`null` : sql`(select row_to_json(sc) from (${staffWorkplaceQuery(schema, staffId)}) sc)`} as scope,
      ${
        input.appointmentAt
          ? sql`null`
          : sql`(select json_build_object(
        'waiting', (select count(*) from ${t("tickets")} w
          where w.branch_id = ${input.branchId} and w.service_id = ${input.serviceId}
            and w.status = 'WAITING'),
        'serving', (select count(*) from ${t("operator_status")} o
          join ${t("staff_services")} ss on ss.staff_id = o.staff_id
          where o.branch_id = ${input.branchId} and o.status = 'AVAILABLE'
            and ss.service_id = ${input.serviceId}),
        'smoothed', (select st.smoothed_service_seconds from ${t("service_stats")} st
          where st.branch_id = ${input.branchId} and st.service_id = ${input.serviceId}),
        'duration_minutes', s.duration_minutes,
        'calls', (select coalesce(json_agg(json_build_array(
            extract(epoch from rc.called_at) * 1000,
            greatest(0, extract(epoch from rc.called_at - coalesce(rc.queued_at, rc.created_at))))),
            '[]'::json)
          from ${t("tickets")} rc
          where rc.branch_id = ${input.branchId} and rc.service_id = ${input.serviceId}
            and rc.called_at >= ${since} and rc.called_at <= ${now}))
        from ${t("services")} s where s.id = ${input.serviceId})`
      } as line`,
  );
  return result.rows[0]!;
}

/**
 * The ticket label in SQL, as core's formatTicketNumber writes it: the series, a dash, the
 * number with at least three digits ("K-007", "K-1234"). Tested against core.
 */
export const ticketLabelSql = (series: RawBuilder<unknown>, n: RawBuilder<unknown>) =>
  sql<string>`${series} || '-' || case when ${n} < 1000 then lpad(${n}::text, 3, '0') else ${n}::text end`;

// Not a ticket series (those are Latin capitals): the branch's running total for the day.
const DAY_TOTAL_SERIES = "*";

/**
 * A booking's condition on the insert: `taken` (SQL) counts the places already held in its slot;
 * the ticket is written only while that count is below `capacity`.
 */
export type SlotGuard = { taken: RawBuilder<number>; capacity: number };

/** What insertNumberedTicket wrote, or why it wrote nothing. */
export type NumberedTicketResult =
  { row: TicketRow; refused: null } | { row: undefined; refused: "DAILY_LIMIT" | "SLOT_FULL" };

/**
 * Issues a numbered ticket in ONE statement (data-modifying CTEs): with a slot guard, counts the
 * places held in the booking's slot and goes on only while one is left; counts it against the
 * branch's daily limit when there is one, takes the next number of its series for the branch
 * and day (an atomic counter row, never max()+1), inserts the ticket with its label and appends
 * its first event. A refusal (full slot, daily limit reached) writes nothing.
 */
export async function insertNumberedTicket(
  db: CompanyQueryDb,
  schema: string,
  values: Omit<Insertable<TicketsTable>, "number" | "label">,
  e: { at: Date; type: TicketEventType; actor: TicketActor; data?: Record<string, unknown> },
  dailyLimit: number | null,
  guard: SlotGuard | null = null,
): Promise<NumberedTicketResult> {
  // Column names come from this code (Insertable<TicketsTable>), never from a request.
  const entries = Object.entries(values).filter(([, value]) => value !== undefined);
  const series = sql.id(schema, "ticket_series");
  const key = sql`(branch_id, day, series)`;
  const slot = guard === null ? sql`` : sql`slot as (select (${guard.taken})::int as taken),`;
  const place = guard === null ? sql`true` : sql`(select taken from slot) < ${guard.capacity}::int`;
  // The day's total counts every ticket the branch issued that day, also those issued before a
  // limit was set (or while it was lifted): the running total starts from, and never falls
  // below, the tickets there are; its row, locked by the upsert, lets one issue at a time past.
  const quota =
    dailyLimit === null
      ? sql``
      : sql`quota as (
      insert into ${series} (branch_id, day, series, last_number)
      select ${values.branch_id}, ${values.day}, ${DAY_TOTAL_SERIES}, issued.n + 1
      from (
        select count(*)::int as n from ${sql.id(schema, "tickets")}
        where branch_id = ${values.branch_id} and day = ${values.day} and transferred_from is null
      ) issued
      where ${place} and issued.n < ${dailyLimit}
      on conflict ${key} do update
        set last_number = greatest(ticket_series.last_number, excluded.last_number - 1) + 1
        where greatest(ticket_series.last_number, excluded.last_number - 1) < ${dailyLimit}
      returning 1
    ),`;
  const result = await runPrepared(
    db,
    sql<TicketRow & { slot_taken: number | null }>`
    with ${slot} ${quota} num as (
      insert into ${series} (branch_id, day, series, last_number)
      select ${values.branch_id}, ${values.day}, ${values.series}, 1
      where ${place} ${dailyLimit === null ? sql`` : sql`and exists (select 1 from quota)`}
      on conflict ${key} do update set last_number = ticket_series.last_number + 1
      returning last_number
    ), created as (
      insert into ${sql.id(schema, "tickets")}
        (${sql.join(entries.map(([c]) => sql.id(c)))}, number, label)
      select ${sql.join(entries.map(([, v]) => sql`${v}`))}, num.last_number,
        ${ticketLabelSql(sql`${values.series}::text`, sql.ref("num.last_number"))}
      from num
      returning *
    ), logged as (${eventOf(schema, "created", e)})
    select created.*, ${guard === null ? sql`null::int` : sql`(select taken from slot)`} as slot_taken
    from (select 1) one left join created on true`,
  );
  const { slot_taken: taken, ...row } = result.rows[0]!;
  if (row.id) return { row, refused: null };
  const full = guard !== null && taken !== null && taken >= guard.capacity;
  return { row: undefined, refused: full ? "SLOT_FULL" : "DAILY_LIMIT" };
}

/** Creates a ticket and its first event in ONE statement (a data-modifying CTE). */
export async function insertTicketWithEvent(
  db: CompanyQueryDb,
  schema: string,
  values: Insertable<TicketsTable>,
  e: { at: Date; type: TicketEventType; actor: TicketActor; data?: Record<string, unknown> },
): Promise<TicketRow> {
  // Column names come from this code (Insertable<TicketsTable>), never from a request.
  const entries = Object.entries(values).filter(([, value]) => value !== undefined);
  const result = await sql<TicketRow>`
    with created as (
      insert into ${sql.id(schema, "tickets")} (${sql.join(entries.map(([c]) => sql.id(c)))})
      values (${sql.join(entries.map(([, v]) => sql`${v}`))})
      returning *
    ), logged as (${eventOf(schema, "created", e)})
    select * from created`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error("insert returned no ticket");
  return row;
}

/**
 * Changes a ticket still in `from` — and, when `version` is given, not changed at all since it
 * was read (its row version, PostgreSQL's xmin) — and appends its event in ONE statement (a
 * data-modifying CTE). Undefined when the ticket is no longer as expected.
 */
export async function updateTicketWithEvent(
  db: CompanyQueryDb,
  schema: string,
  id: string,
  from: TicketStatus,
  patch: Updateable<TicketsTable>,
  e: { at: Date; type: TicketEventType; actor: TicketActor; data?: Record<string, unknown> },
  version?: string,
  /** A further write over the changed row (`changed`), in the same statement. */
  also?: RawBuilder<unknown>,
): Promise<TicketRow | undefined> {
  // Column names come from this code (Updateable<TicketsTable>), never from a request.
  const set = Object.entries(patch)
    .filter(([, value]) => value !== undefined)
    .map(([column, value]) => sql`${sql.id(column)} = ${value}`);
  const result = await runPrepared(
    db,
    sql<TicketRow>`
    with changed as (
      update ${sql.id(schema, "tickets")} set ${sql.join(set)}
      where id = ${id} and status = ${from}${version === undefined ? sql`` : sql` and xmin = ${version}::xid`}
      returning *
    ), logged as (${eventOf(schema, "changed", { ...e, from })})
    ${also ? sql`, also as (${also})` : sql``}
    select * from changed`,
  );
  return result.rows[0];
}

function lockedTicketQuery(db: CompanyQueryDb) {
  return db
    .selectFrom("tickets as t")
    .innerJoin("services as s", "s.id", "t.service_id")
    .innerJoin("branches as b", "b.id", "t.branch_id")
    .leftJoin("counters as c", "c.id", "t.counter_id")
    .selectAll("t")
    .select([
      "s.name as service_name",
      "c.number as counter_number",
      "b.no_show_grace_seconds as grace_seconds",
      "b.time_zone as time_zone",
    ]);
}

/** Locks one ticket of the given branches for change; undefined when it is not there. */
export async function lockTicket(
  db: CompanyQueryDb,
  id: string,
  branches: BranchScope,
): Promise<LockedTicket | undefined> {
  if (branches !== "ALL" && branches.length === 0) return undefined;
  return lockedTicketQuery(db)
    .where("t.id", "=", id)
    .$if(branches !== "ALL", (qb) => qb.where("t.branch_id", "in", branches as string[]))
    .forUpdate("t")
    .executeTakeFirst();
}

/** Locks the ticket a link's token names, for its holder's change; undefined when none. */
export function lockTicketByToken(
  db: CompanyQueryDb,
  token: string,
): Promise<LockedTicket | undefined> {
  return lockedTicketQuery(db).where("t.token", "=", token).forUpdate("t").executeTakeFirst();
}

// A chain of transfers longer than this is not a real customer journey.
export const MAX_TRANSFER_HOPS = 10;

/**
 * Locks the ticket a transfer made of the given one (its place in the other line); undefined
 * when there is none.
 */
export function lockSuccessor(
  db: CompanyQueryDb,
  transferredId: string,
): Promise<LockedTicket | undefined> {
  return lockedTicketQuery(db)
    .where("t.transferred_from", "=", transferredId)
    .forUpdate("t")
    .executeTakeFirst();
}

/** A ticket as read for an optimistic change: `version` is its row version (xmin). */
export type VersionedTicket = LockedTicket & {
  version: string;
  check_in_early_minutes: number;
  check_in_late_minutes: number;
  late_arrival: LateArrivalRule;
};

/**
 * ONE round trip for a staff action on a ticket: the caller's scope (staffWorkplaceQuery, as JSON)
 * and the ticket with its row version, unlocked. The change is then written only if the row
 * version is still the same (updateTicketWithEvent), so no lock is held between the two.
 */
export async function readTicketForStaff(
  db: Db,
  schema: string,
  staffId: string,
  ticketId: string,
): Promise<{ scope: WorkplaceRow | null; ticket: VersionedTicket | undefined }> {
  const t = (name: string) => sql.id(schema, name);
  const result = await runPrepared(
    affineDb(db, schema),
    sql<VersionedTicket & { scope: WorkplaceRow | null }>`
    select tk.*, (select row_to_json(sc) from (${staffWorkplaceQuery(schema, staffId)}) sc) as scope
    from (select 1) one
    left join lateral (
      select t.*, t.xmin::text as version, s.name as service_name, c.number as counter_number,
        b.no_show_grace_seconds as grace_seconds, b.time_zone, b.check_in_early_minutes,
        b.check_in_late_minutes, b.late_arrival
      from ${t("tickets")} t
      join ${t("services")} s on s.id = t.service_id
      join ${t("branches")} b on b.id = t.branch_id
      left join ${t("counters")} c on c.id = t.counter_id
      where t.id = ${ticketId}) tk on true`,
  );
  const { scope, ...ticket } = result.rows[0]!;
  return { scope, ticket: ticket.id ? ticket : undefined };
}

/** The ticket a transfer created from `id`, if any. */
export async function findSuccessor(
  db: CompanyQueryDb,
  id: string,
): Promise<TicketRow | undefined> {
  return db.selectFrom("tickets").selectAll().where("transferred_from", "=", id).executeTakeFirst();
}
