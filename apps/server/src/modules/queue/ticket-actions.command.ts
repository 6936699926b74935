import { TICKET_ACTION, TICKET_STATUS, isEligible, type TicketAction } from "@equeue/core";
import { AppError, notFound } from "../../shared/app-error";
import type { CompanyRecord } from "../tenancy/company-directory";
import { callLockedTicket, requireReadyToCall } from "./call-next.command";
import { queueRefusal } from "./queue-errors";
import { runQueueTransaction, type QueueDeps, type QueueTx } from "./queue-transaction";
import type { TicketView } from "./queue.types";
import { recordServiceTime } from "./service-stats";
import type { StaffScope } from "./staff-scope";
import { applyTransition, ticketFact } from "./ticket-transition";
import { lockTicket, type LockedTicket } from "./ticket.repository";

/** What staff can do to one ticket through the ticket endpoints (transfer has its own command). */
export const STAFF_TICKET_ACTIONS = [
  TICKET_ACTION.CALL,
  TICKET_ACTION.RECALL,
  TICKET_ACTION.START,
  TICKET_ACTION.MARK_NO_SHOW,
  TICKET_ACTION.FINISH,
  TICKET_ACTION.RETURN_TO_QUEUE,
  TICKET_ACTION.CANCEL,
  TICKET_ACTION.CHECK_IN,
] as const;
export type StaffTicketAction = (typeof STAFF_TICKET_ACTIONS)[number];

// Actions on the customer at the counter: only the operator holding the ticket may take them.
const HOLDER_ACTIONS: readonly TicketAction[] = [
  TICKET_ACTION.RECALL,
  TICKET_ACTION.START,
  TICKET_ACTION.MARK_NO_SHOW,
  TICKET_ACTION.FINISH,
  TICKET_ACTION.RETURN_TO_QUEUE,
];

export type TicketActionOptions = { now?: Date; note?: string | null };

const isHeld = (t: LockedTicket) =>
  t.status === TICKET_STATUS.CALLED || t.status === TICKET_STATUS.SERVING;

/** One staff action on one ticket; foreign or out-of-reach tickets answer 404. */
export async function actOnTicket(
  deps: QueueDeps,
  company: CompanyRecord,
  scope: StaffScope,
  ticketId: string,
  action: StaffTicketAction,
  opts: TicketActionOptions = {},
): Promise<TicketView> {
  const now = opts.now ?? new Date();
  if (action === TICKET_ACTION.CALL) return callSpecific(deps, company, scope, ticketId, now);
  const holderOnly = HOLDER_ACTIONS.includes(action);
  const session = scope.session;
  if (holderOnly && !session) throw queueRefusal.noSession();
  return runQueueTransaction(deps, company, async (tx) => {
    const branches = holderOnly && session ? [session.branchId] : scope.branches;
    const locked = await lockTicket(tx.db, ticketId, branches);
    if (!locked) throw notFound("The ticket");
    const mayOverride = scope.role !== "OPERATOR" && action === TICKET_ACTION.CANCEL;
    if (isHeld(locked) && locked.operator_id !== scope.staffId && !mayOverride) {
      throw queueRefusal.notYourTicket(locked.label);
    }
    return transitionLocked(tx, locked, scope, action, now, opts.note ?? null);
  });
}

async function transitionLocked(
  tx: QueueTx,
  locked: LockedTicket,
  scope: StaffScope,
  action: Exclude<StaffTicketAction, "CALL">,
  now: Date,
  note: string | null,
): Promise<TicketView> {
  const session = scope.session;
  const { row } = await applyTransition(tx, locked, action, {
    ctx: { now, graceSeconds: locked.grace_seconds },
    actor: { staffId: scope.staffId, counterId: session?.counterId ?? null },
    ...(action === TICKET_ACTION.FINISH && note !== null && { extra: { outcome_note: note } }),
    ...(note !== null && { data: { note } }),
  });
  if (action === TICKET_ACTION.FINISH && locked.started_at) {
    await recordServiceTime(tx.db, {
      branchId: row.branch_id,
      serviceId: row.service_id,
      seconds: (now.getTime() - locked.started_at.getTime()) / 1000,
      now,
    });
  }
  const view = {
    ...row,
    service_name: locked.service_name,
    counter_number: row.counter_id === locked.counter_id ? locked.counter_number : null,
  };
  tx.facts.push(ticketFact(view, action, locked.status, now));
  return view;
}

async function callSpecific(
  deps: QueueDeps,
  company: CompanyRecord,
  scope: StaffScope,
  ticketId: string,
  now: Date,
): Promise<TicketView> {
  const session = requireReadyToCall(scope);
  return runQueueTransaction(deps, company, async (tx) => {
    const locked = await lockTicket(tx.db, ticketId, [session.branchId]);
    if (!locked) throw notFound("The ticket");
    if (locked.status === TICKET_STATUS.WAITING) {
      const serviceIds = scope.sessionServices.map((s) => s.id);
      const candidate = {
        id: locked.id,
        serviceId: locked.service_id,
        status: locked.status,
        priority: locked.priority,
        queuedAt: locked.queued_at ?? now,
        appointmentAt: locked.appointment_at,
        operatorId: locked.preferred_operator_id,
      };
      if (!isEligible(candidate, { now, operatorId: scope.staffId, serviceIds })) {
        throw new AppError(
          "TICKET_NOT_ELIGIBLE",
          `${locked.label} is not for you: it is for another service or reserved for another operator.`,
        );
      }
    }
    return callLockedTicket(tx, locked, scope, session, now);
  });
}
