import { TICKET_STATUS, type CallCandidate, type OrderingContext } from "@equeue/core";
import type { CompanyQueryDb, TicketView } from "../queue.types";

/** WAITING tickets of one branch (optionally some services), with what ordering needs. */
export async function loadWaitingLine(
  db: CompanyQueryDb,
  branchId: string,
  serviceIds?: readonly string[],
): Promise<{ tickets: TicketView[]; headStart: Record<string, number> }> {
  if (serviceIds && serviceIds.length === 0) return { tickets: [], headStart: {} };
  const rows = await db
    .selectFrom("tickets as t")
    .innerJoin("services as s", "s.id", "t.service_id")
    .selectAll("t")
    .select(["s.name as service_name", "s.head_start_seconds"])
    .where("t.branch_id", "=", branchId)
    .where("t.status", "=", TICKET_STATUS.WAITING)
    .$if(serviceIds !== undefined, (qb) => qb.where("t.service_id", "in", serviceIds ?? []))
    .execute();
  const headStart: Record<string, number> = {};
  const tickets = rows.map(({ head_start_seconds, ...t }) => {
    headStart[t.service_id] = head_start_seconds;
    return { ...t, counter_number: null };
  });
  return { tickets, headStart };
}

/** The call-next policy's view of a waiting ticket. */
export function toCandidate(t: TicketView): CallCandidate {
  return {
    id: t.id,
    serviceId: t.service_id,
    status: t.status,
    priority: t.priority,
    queuedAt: t.queued_at ?? t.created_at,
    appointmentAt: t.appointment_at,
    operatorId: t.preferred_operator_id,
  };
}

export function orderingContext(now: Date, headStart: Record<string, number>): OrderingContext {
  return { now, serviceHeadStartSeconds: headStart };
}
