import { TICKET_ACTION, TICKET_STATUS, isEligible, type TicketAction } from "@equeue/core";
import { AppError, notFound } from "../../../shared/app-error";
import type { CompanyRecord } from "../../tenancy";
import { callLockedTicket, requireReadyToCall } from "./call-next.command";
import { staffCheckInColumns } from "../check-in-rules";
import { queueRefusal } from "../queue-errors";
import { runQueueTransaction, type QueueDeps, type QueueTx } from "./queue-transaction";
import type { TicketView } from "../queue.types";
import { serviceTimeUpsert } from "../sql/service-stats.sql";
import { workplaceFromRow, type StaffWorkplace } from "../staff-workplace";
import { ticketFact, tryApplyTransition } from "./ticket-transition";
import {
  lockTicket,
  readTicketForStaff,
  type LockedTicket,
  type VersionedTicket,
} from "../sql/ticket.sql";

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

/** How often an action is re-decided when the ticket changed between reading and writing it. */
const MAX_ATTEMPTS = 3;

/**
 * One staff action on one ticket; foreign or out-of-reach tickets answer 404. Optimistic: the
 * caller's scope and the ticket are read in one round trip without a lock, core's state machine
 * decides, and the change is written in one statement only if the ticket's row version is still
 * the one read — otherwise everything is read and decided again (a concurrent recall, finish or
 * transfer is seen, never overwritten). A finish also folds the service time into the branch's
 * average, in the same transaction.
 */
export async function actOnTicket(
  deps: QueueDeps,
  company: CompanyRecord,
  staff: { staffId: string },
  ticketId: string,
  action: StaffTicketAction,
  opts: TicketActionOptions = {},
): Promise<TicketView> {
  const now = opts.now ?? new Date();
  for (let attempt = 1; ; attempt++) {
    const read = await readTicketForStaff(deps.db, company.schema_name, staff.staffId, ticketId);
    const scope = workplaceFromRow(company.id, read.scope);
    if (action === TICKET_ACTION.CALL) return callSpecific(deps, company, scope, ticketId, now);
    const ticket = reachableTicket(scope, read.ticket, action);
    // Every action is one statement (a finish folds its service time in it too).
    const view = await runQueueTransaction(
      deps,
      company,
      (tx) => transitionRead(tx, ticket, scope, action, now, opts.note ?? null),
      { singleStatement: true },
    );
    if (view) return view;
    if (attempt === MAX_ATTEMPTS) {
      throw new AppError(
        "INVALID_STATE",
        `${ticket.label} changed meanwhile; reload and try again.`,
      );
    }
  }
}

/** The ticket if this caller may take `action` on it now; else the refusal. */
function reachableTicket(
  scope: StaffWorkplace,
  ticket: VersionedTicket | undefined,
  action: Exclude<StaffTicketAction, "CALL">,
): VersionedTicket {
  const holderOnly = HOLDER_ACTIONS.includes(action);
  const session = scope.session;
  if (holderOnly && !session) throw queueRefusal.noSession();
  const branches = holderOnly && session ? [session.branchId] : scope.branches;
  if (!ticket || (branches !== "ALL" && !branches.includes(ticket.branch_id))) {
    throw notFound("The ticket");
  }
  const mayOverride = scope.role !== "OPERATOR" && action === TICKET_ACTION.CANCEL;
  if (isHeld(ticket) && ticket.operator_id !== scope.staffId && !mayOverride) {
    throw queueRefusal.notYourTicket(ticket.label);
  }
  return ticket;
}

/** Writes the action on the ticket as read; null when the ticket changed since. */
async function transitionRead(
  tx: QueueTx,
  read: VersionedTicket,
  scope: StaffWorkplace,
  action: Exclude<StaffTicketAction, "CALL">,
  now: Date,
  note: string | null,
): Promise<TicketView | null> {
  const session = scope.session;
  const checkIn = action === TICKET_ACTION.CHECK_IN ? staffCheckInColumns(read, now) : null;
  const served = action === TICKET_ACTION.FINISH ? read.started_at : null;
  const applied = await tryApplyTransition(
    tx,
    read,
    action,
    {
      ctx: { now, graceSeconds: read.grace_seconds },
      actor: { staffId: scope.staffId, counterId: session?.counterId ?? null },
      ...(action === TICKET_ACTION.FINISH && note !== null && { extra: { outcome_note: note } }),
      ...(checkIn && { extra: checkIn }),
      ...(note !== null && { data: { note } }),
      // A finish folds the service time into the branch's average, in the same statement.
      ...(served && {
        also: serviceTimeUpsert(tx.schema, "changed", {
          seconds: (now.getTime() - served.getTime()) / 1000,
          now,
        }),
      }),
    },
    read.version,
  );
  if (!applied) return null;
  const { row } = applied;
  const view = {
    ...row,
    service_name: read.service_name,
    counter_number: row.counter_id === read.counter_id ? read.counter_number : null,
  };
  tx.facts.push(ticketFact(view, action, read.status, now));
  return view;
}

async function callSpecific(
  deps: QueueDeps,
  company: CompanyRecord,
  scope: StaffWorkplace,
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
