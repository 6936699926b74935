import {
  DEFAULT_APPOINTMENT_WINDOW,
  TICKET_ACTION,
  TICKET_STATUS,
  TRANSITION_RULES,
  transition,
  type AppointmentWindow,
} from "@equeue/core";
import { sql, type RawBuilder } from "kysely";
import { runPrepared } from "../../../db/prepared";
import type { CompanyQueryDb, TicketView } from "../queue.types";

export type CallNextQuery = {
  /** The operator; its counter, branch and services are read by the statement itself. */
  staffId: string;
  now: Date;
  window?: AppointmentWindow;
};

export type CalledRow = TicketView;

/**
 * What core's CALL does to a waiting ticket at `now`. It reads nothing of the ticket but its
 * status, so the statement below can apply it to whichever ticket it picks.
 */
function callEffect(now: Date) {
  const r = transition(
    {
      status: TICKET_STATUS.WAITING,
      serviceId: "",
      operatorId: null,
      priority: 0,
      queuedAt: now,
      calledAt: null,
      recallCount: 0,
    },
    TICKET_ACTION.CALL,
    { now },
  );
  return { status: r.to, calledAt: r.ticket.calledAt, recallCount: r.ticket.recallCount };
}

/**
 * How many tickets from the head of each service's line the fast form ranks. Within one service
 * the policy's order is (priority, queue time, id) — the tickets_waiting index order — so the
 * next ticket is among the first few unless more than this many of them are locked by other
 * callers at the same moment (more than there are database connections); then, and when the
 * line is empty, the exhaustive form runs.
 */
export const CANDIDATES_PER_SERVICE = 16;

/**
 * "Call next" as ONE statement — one round trip, its own transaction, nothing read beforehand:
 *  - `me`: the caller's counter session, only if the account is active, the operator is
 *    AVAILABLE at a counter and holds no CALLED/SERVING ticket (otherwise nothing is called and
 *    the command explains why from the staff scope);
 *  - `svc`: the services it may call here — assigned to it, offered and enabled at its session's
 *    branch, active — with their head starts;
 *  - `candidates` (fast form): the first CANDIDATES_PER_SERVICE waiting tickets of each of those
 *    services, read in tickets_waiting index order, plus the appointments due now (tickets_due),
 *    so the cost does not grow with the length of the line;
 *  - `picked`: the first ticket this operator may serve — in a status CALL is allowed from
 *    (WAITING), of one of `svc`, not reserved for another operator — in core's
 *    CALL_NEXT_ORDER_BY order: due appointments first (earliest booked time), then priority, then
 *    queue time minus the service's head start, then queue time, then id. FOR UPDATE SKIP
 *    LOCKED: concurrent callers each lock a different ticket and never wait for one another;
 *  - `called`: that ticket becomes CALLED at the operator's counter (the values core's CALL
 *    gives); `logged`: its CALL row in ticket_events.
 * Hand-written SQL on purpose: it runs for every call, and building it through the query
 * builder cost more than executing it. Tables are qualified with the company's schema.
 */
export function callNextStatement(
  schema: string,
  q: CallNextQuery,
  exhaustive = false,
  opts: { logged?: boolean } = {},
): RawBuilder<CalledRow> {
  const window = q.window ?? DEFAULT_APPOINTMENT_WINDOW;
  const dueFrom = new Date(q.now.getTime() - window.lateSeconds * 1000);
  const dueTo = new Date(q.now.getTime() + window.earlySeconds * 1000);
  const due = sql`coalesce(t.appointment_at between ${dueFrom} and ${dueTo}, false)`;
  const effect = callEffect(q.now);
  const t = (name: string) => sql.id(schema, name);
  const tickets = t("tickets");
  // Statuses are literals, not parameters: a prepared statement's generic plan can then use
  // the partial indexes (where status = 'WAITING', …) — with a parameter it scans the table.
  const list = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));
  const waiting = sql.lit(TICKET_STATUS.WAITING);
  const open = list([TICKET_STATUS.CALLED, TICKET_STATUS.SERVING]);
  const mayServe = (x: string) =>
    sql`(${sql.ref(`${x}.preferred_operator_id`)} is null or ${sql.ref(`${x}.preferred_operator_id`)} = ${q.staffId})`;
  const candidates = sql`candidates as (
      select head.id from svc cross join lateral (
        select c.id from ${tickets} c
        where c.branch_id = (select branch_id from me) and c.service_id = svc.id
          and c.status = ${waiting} and ${mayServe("c")}
        order by c.priority desc, c.queued_at asc, c.id asc
        limit ${sql.lit(CANDIDATES_PER_SERVICE)}) head
      union all
      select d.id from ${tickets} d
      where d.branch_id = (select branch_id from me) and d.status = ${waiting}
        and d.appointment_at between ${dueFrom} and ${dueTo}
        and d.service_id in (select id from svc) and ${mayServe("d")}
    ),`;
  return sql<CalledRow>`
    with me as (
      select o.branch_id, o.counter_id, c.number as counter_number
      from ${t("staff")} s
      join ${t("operator_status")} o on o.staff_id = s.id
      join ${t("counters")} c on c.id = o.counter_id
      where s.id = ${q.staffId} and s.is_active and o.status = 'AVAILABLE'
        and not exists (select 1 from ${tickets} x
          where x.operator_id = s.id and x.status in (${open}))
    ), svc as (
      select sv.id, sv.head_start_seconds
      from me
      join ${t("branch_services")} bs on bs.branch_id = me.branch_id and bs.enabled
      join ${t("staff_services")} ss on ss.service_id = bs.service_id and ss.staff_id = ${q.staffId}
      join ${t("services")} sv on sv.id = bs.service_id and sv.is_active
    ), ${exhaustive ? sql`` : candidates} picked as (
      select t.id from ${tickets} as t
      join svc on svc.id = t.service_id
      where ${exhaustive ? sql`t.branch_id = (select branch_id from me)` : sql`t.id = any(array(select id from candidates))`}
        and t.status in (${list(TRANSITION_RULES.CALL.from)})
        and ${mayServe("t")}
      order by ${due} desc,
        case when ${due} then t.appointment_at end asc nulls last,
        t.priority desc,
        case when not ${due} then t.queued_at - svc.head_start_seconds * interval '1 second' end asc nulls last,
        t.queued_at asc,
        t.id asc
      limit 1
      for update of t skip locked
    ), called as (
      update ${tickets} as u
      set status = ${effect.status}, called_at = ${effect.calledAt},
        recall_count = ${effect.recallCount}, operator_id = ${q.staffId},
        counter_id = (select counter_id from me), updated_at = ${q.now}
      from picked where u.id = picked.id
      returning u.*
    )${opts.logged === false ? sql`` : sql`, logged as (${callEvent(schema, q)})`}
    select called.*, s.name as service_name, (select counter_number from me) as counter_number
    from called join ${t("services")} as s on s.id = called.service_id`;
}

/** The CALL row in ticket_events of the ticket the `called` step changed. */
function callEvent(schema: string, q: CallNextQuery) {
  const effect = callEffect(q.now);
  return sql`insert into ${sql.id(schema, "ticket_events")}
        (ticket_id, at, type, from_status, to_status, operator_id, counter_id, data)
      select id, ${q.now}::timestamptz, ${TICKET_ACTION.CALL}::text,
        ${TICKET_STATUS.WAITING}::text, ${effect.status}::text, ${q.staffId}::uuid,
        counter_id, '{}'::jsonb
      from called`;
}

/**
 * Citus: the statement without its `logged` step, which Citus cannot run on the worker in one
 * piece (an INSERT … SELECT from a CTE is planned step by step on the coordinator, and with the
 * FOR UPDATE … SKIP LOCKED step that fails: `invalid input syntax for type uuid: "PGCOPY"`).
 * Without it the whole statement goes to the company's worker as it is. The caller writes the
 * event with logCall in the same transaction.
 */
export const callNextUnlogged = (schema: string, q: CallNextQuery, exhaustive = false) =>
  callNextStatement(schema, q, exhaustive, { logged: false });

/** The CALL event of a ticket callNextUnlogged called, in the same transaction. */
export async function logCall(
  db: CompanyQueryDb,
  schema: string,
  q: CallNextQuery,
  called: Pick<CalledRow, "id" | "counter_id">,
): Promise<void> {
  const effect = callEffect(q.now);
  await sql`insert into ${sql.id(schema, "ticket_events")}
      (ticket_id, at, type, from_status, to_status, operator_id, counter_id, data)
    values (${called.id}::uuid, ${q.now}::timestamptz, ${TICKET_ACTION.CALL}::text,
      ${TICKET_STATUS.WAITING}::text, ${effect.status}::text, ${q.staffId}::uuid,
      ${called.counter_id}::uuid, '{}'::jsonb)`.execute(db);
}

/**
 * The fast form of the call-next statement: the ticket it called, or undefined when it called
 * nobody — because nobody waits at the heads of the lines, or because the operator may not call
 * now; the command then reads the operator's scope to tell which.
 */
export async function callNextFast(
  db: CompanyQueryDb,
  schema: string,
  q: CallNextQuery,
): Promise<CalledRow | undefined> {
  return (await runPrepared(db, callNextStatement(schema, q))).rows[0];
}

/** The exhaustive form (the whole line): when every candidate at the heads was locked at once. */
export async function callNextExhaustive(
  db: CompanyQueryDb,
  schema: string,
  q: CallNextQuery,
): Promise<CalledRow | undefined> {
  return (await callNextStatement(schema, q, true).execute(db)).rows[0];
}
