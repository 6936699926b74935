import {
  DEFAULT_APPOINTMENT_WINDOW,
  TICKET_ACTION,
  TICKET_STATUS,
  TRANSITION_RULES,
  transition,
  type AppointmentWindow,
} from "@equeue/core";
import { sql, type RawBuilder } from "kysely";
import type { CompanyQueryDb, TicketView } from "./queue.types";

export type CallNextQuery = {
  branchId: string;
  staffId: string;
  counterId: string;
  /** The operator's services at this branch (see StaffScope.sessionServices); not empty. */
  services: readonly { id: string; headStartSeconds: number }[];
  now: Date;
  window?: AppointmentWindow;
};

type CalledRow = Omit<TicketView, "counter_number">;

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

/** Queue time minus the service's head start (head starts are parameters, not a join). */
function virtualQueuedAt(services: CallNextQuery["services"]) {
  const withHeadStart = services.filter((s) => s.headStartSeconds !== 0);
  if (withHeadStart.length === 0) return sql`t.queued_at`;
  const cases = withHeadStart.map((s) => sql`when ${s.id}::uuid then ${s.headStartSeconds}::int`);
  return sql`t.queued_at - (case t.service_id ${sql.join(cases, sql` `)} else 0 end) * interval '1 second'`;
}

/**
 * How many tickets from the head of each service's line the fast form ranks. Within one service
 * the policy's order is (priority, queue time, id) — the tickets_waiting index order — so the
 * next ticket is among the first few unless more than this many of them are locked by other
 * callers at the same moment (more than there are database connections); then, and when the
 * line is empty, the exhaustive form runs.
 */
export const CANDIDATES_PER_SERVICE = 64;

/**
 * "Call next" as ONE statement — one round trip, its own transaction:
 *  0. `candidates` (fast form): the first CANDIDATES_PER_SERVICE waiting tickets of each of the
 *     operator's services, read in index order, plus the appointments due now (tickets_due), so
 *     the cost does not grow with the length of the line;
 *  1. `picked`: the first ticket this operator may serve — in a status CALL is allowed from
 *     (WAITING), at its branch, of one of its services (assigned, offered by the branch, active:
 *     read with its scope), not reserved for another operator — in core's CALL_NEXT_ORDER_BY
 *     order: due appointments first (earliest booked time), then priority, then queue time minus
 *     the service's head start, then queue time, then id. FOR UPDATE SKIP LOCKED: concurrent
 *     callers each lock a different ticket and never wait for one another;
 *  2. `called`: that ticket becomes CALLED at this operator's counter (the values core's CALL
 *     gives);
 *  3. `logged`: its CALL row in ticket_events.
 * Hand-written SQL on purpose: it runs for every call, and building it through the query
 * builder cost more than executing it. Tables are qualified with the company's schema.
 */
export function callNextStatement(
  schema: string,
  q: CallNextQuery,
  exhaustive = false,
): RawBuilder<CalledRow> {
  const window = q.window ?? DEFAULT_APPOINTMENT_WINDOW;
  const dueFrom = new Date(q.now.getTime() - window.lateSeconds * 1000);
  const dueTo = new Date(q.now.getTime() + window.earlySeconds * 1000);
  const due = sql`coalesce(t.appointment_at between ${dueFrom} and ${dueTo}, false)`;
  const effect = callEffect(q.now);
  const tickets = sql.id(schema, "tickets");
  const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`));
  const serviceIds = list(q.services.map((s) => s.id));
  const mayServe = (x: string) =>
    sql`(${sql.ref(`${x}.preferred_operator_id`)} is null or ${sql.ref(`${x}.preferred_operator_id`)} = ${q.staffId})`;
  const candidates = sql`candidates as (
      select head.id from ${sql.id(schema, "services")} sv cross join lateral (
        select c.id from ${tickets} c
        where c.branch_id = ${q.branchId} and c.service_id = sv.id
          and c.status = ${TICKET_STATUS.WAITING} and ${mayServe("c")}
        order by c.priority desc, c.queued_at asc, c.id asc
        limit ${sql.lit(CANDIDATES_PER_SERVICE)}) head
      where sv.id in (${serviceIds})
      union all
      select d.id from ${tickets} d
      where d.branch_id = ${q.branchId} and d.status = ${TICKET_STATUS.WAITING}
        and d.appointment_at between ${dueFrom} and ${dueTo}
        and d.service_id in (${serviceIds}) and ${mayServe("d")}
    ),`;
  return sql<CalledRow>`
    with ${exhaustive ? sql`` : candidates} picked as (
      select t.id from ${tickets} as t
      where ${exhaustive ? sql`t.branch_id = ${q.branchId}` : sql`t.id = any(array(select id from candidates))`}
        and t.status in (${list(TRANSITION_RULES.CALL.from)})
        and t.service_id in (${serviceIds})
        and ${mayServe("t")}
      order by ${due} desc,
        case when ${due} then t.appointment_at end asc nulls last,
        t.priority desc,
        case when not ${due} then ${virtualQueuedAt(q.services)} end asc nulls last,
        t.queued_at asc,
        t.id asc
      limit 1
      for update of t skip locked
    ), called as (
      update ${tickets} as u
      set status = ${effect.status}, called_at = ${effect.calledAt},
        recall_count = ${effect.recallCount}, operator_id = ${q.staffId},
        counter_id = ${q.counterId}, updated_at = ${q.now}
      from picked where u.id = picked.id
      returning u.*
    ), logged as (
      insert into ${sql.id(schema, "ticket_events")}
        (ticket_id, at, type, from_status, to_status, operator_id, counter_id, data)
      select id, ${q.now}::timestamptz, ${TICKET_ACTION.CALL}::text,
        ${TICKET_STATUS.WAITING}::text, ${effect.status}::text, ${q.staffId}::uuid,
        ${q.counterId}::uuid, '{}'::jsonb
      from called
    )
    select called.*, s.name as service_name
    from called join ${sql.id(schema, "services")} as s on s.id = called.service_id`;
}

/**
 * Runs the call-next statement: the ticket it called, or undefined when nobody waits. When the
 * fast form finds nothing (an empty line — or every candidate locked at once), the exhaustive
 * form makes sure nobody waiting is missed.
 */
export async function callNextInOneStatement(
  db: CompanyQueryDb,
  schema: string,
  q: CallNextQuery,
): Promise<CalledRow | undefined> {
  const fast = await callNextStatement(schema, q).execute(db);
  if (fast.rows[0]) return fast.rows[0];
  return (await callNextStatement(schema, q, true).execute(db)).rows[0];
}
