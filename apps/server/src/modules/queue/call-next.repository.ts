import {
  DEFAULT_APPOINTMENT_WINDOW,
  TICKET_ACTION,
  TICKET_STATUS,
  TRANSITION_RULES,
  transition,
  type AppointmentWindow,
} from "@equeue/core";
import { sql } from "kysely";
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

/** Queue time minus the service's head start, as SQL (the head starts are parameters). */
function virtualQueuedAt(services: CallNextQuery["services"]) {
  const withHeadStart = services.filter((s) => s.headStartSeconds !== 0);
  if (withHeadStart.length === 0) return sql`t.queued_at`;
  const cases = withHeadStart.map((s) => sql`when ${s.id}::uuid then ${s.headStartSeconds}::int`);
  return sql`t.queued_at - (case t.service_id ${sql.join(cases, sql` `)} else 0 end) * interval '1 second'`;
}

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
  return { status: r.to, called_at: r.ticket.calledAt, recall_count: r.ticket.recallCount };
}

/**
 * "Call next" as ONE statement, so it is one round trip and its own transaction:
 *  1. `picked`: the first ticket this operator may serve — WAITING, at its branch, of one of
 *     its services (assigned to it, offered by the branch, active: read with its scope), not
 *     reserved for someone else — in core's
 *     CALL_NEXT_ORDER_BY order (due appointments by booked time, then priority, then queue time
 *     minus the service's head start, then queue time, then id), locked FOR UPDATE SKIP LOCKED
 *     so that concurrent callers each lock a different ticket and never wait for each other;
 *  2. `called`: that ticket becomes CALLED at this operator's counter (values from core);
 *  3. `logged`: the CALL row of ticket_events, in the same statement.
 * Returns the called ticket, or undefined when nobody is waiting for this operator.
 */
export function callNextStatement(db: CompanyQueryDb, q: CallNextQuery) {
  const window = q.window ?? DEFAULT_APPOINTMENT_WINDOW;
  const dueFrom = new Date(q.now.getTime() - window.lateSeconds * 1000);
  const dueTo = new Date(q.now.getTime() + window.earlySeconds * 1000);
  const due = sql<boolean>`coalesce(t.appointment_at between ${dueFrom} and ${dueTo}, false)`;
  const effect = callEffect(q.now);
  return db
    .with("picked", (qb) =>
      qb
        .selectFrom("tickets as t")
        .select("t.id")
        .where("t.branch_id", "=", q.branchId)
        .where("t.status", "in", TRANSITION_RULES.CALL.from)
        .where(
          "t.service_id",
          "in",
          q.services.map((s) => s.id),
        )
        .where((eb) =>
          eb.or([
            eb("t.preferred_operator_id", "is", null),
            eb("t.preferred_operator_id", "=", q.staffId),
          ]),
        )
        .orderBy(due, "desc")
        .orderBy(sql`case when ${due} then t.appointment_at end`, (ob) => ob.asc().nullsLast())
        .orderBy("t.priority", "desc")
        .orderBy(sql`case when not ${due} then ${virtualQueuedAt(q.services)} end`, (ob) =>
          ob.asc().nullsLast(),
        )
        .orderBy("t.queued_at", "asc")
        .orderBy("t.id", "asc")
        .limit(1)
        .forUpdate("t")
        .skipLocked(),
    )
    .with("called", (qb) =>
      qb
        .updateTable("tickets")
        .from("picked")
        .set({
          ...effect,
          operator_id: q.staffId,
          counter_id: q.counterId,
          updated_at: q.now,
        })
        .whereRef("tickets.id", "=", "picked.id")
        .returningAll("tickets"),
    )
    .with("logged", (qb) =>
      qb
        .insertInto("ticket_events")
        .columns([
          "ticket_id",
          "at",
          "type",
          "from_status",
          "to_status",
          "operator_id",
          "counter_id",
          "data",
        ])
        .expression((eb) =>
          eb.selectFrom("called").select([
            "called.id",
            // INSERT … SELECT does not type parameters from the target columns: cast them.
            sql<Date>`${q.now}::timestamptz`.as("at"),
            sql<string>`${TICKET_ACTION.CALL}::text`.as("type"),
            sql<string>`${TICKET_STATUS.WAITING}::text`.as("from_status"),
            sql<string>`${effect.status}::text`.as("to_status"),
            sql<string>`${q.staffId}::uuid`.as("operator_id"),
            sql<string>`${q.counterId}::uuid`.as("counter_id"),
            sql<string>`'{}'::jsonb`.as("data"),
          ]),
        )
        .returning("ticket_events.id"),
    )
    .selectFrom("called")
    .innerJoin("services as s", "s.id", "called.service_id")
    .selectAll("called")
    .select("s.name as service_name");
}

/** Runs the call-next statement; the ticket it called, with its service name. */
export async function callNextInOneStatement(
  db: CompanyQueryDb,
  q: CallNextQuery,
): Promise<Omit<TicketView, "counter_number"> | undefined> {
  return callNextStatement(db, q).executeTakeFirst();
}
