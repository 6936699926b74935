import { TICKET_ACTION, TICKET_STATUS } from "@equeue/core";
import type { CompanyRecord } from "../tenancy/company-directory";
import { queueRefusal } from "./queue-errors";
import { runQueueTransaction, type QueueDeps, type QueueTx } from "./queue-transaction";
import type { TicketView } from "./queue.types";
import { loadStaffWorkplace, type CounterSession, type StaffWorkplace } from "./staff-workplace";
import { applyTransition, ticketFact } from "./ticket-transition";
import { callNextExhaustive, callNextFast } from "./call-next.repository";
import type { LockedTicket } from "./ticket.repository";

/** The counter session of an operator who may receive a customer now, or a clear refusal. */
export function requireReadyToCall(scope: StaffWorkplace): CounterSession {
  const session = scope.session;
  if (!session) throw queueRefusal.noSession();
  if (session.status !== "AVAILABLE")
    throw queueRefusal.notAvailable(session.status, session.reason);
  if (scope.currentTicket) throw queueRefusal.ticketInProgress(scope.currentTicket.label);
  return session;
}

/** WAITING → CALLED for a ticket already locked in this transaction, to this operator's counter. */
export async function callLockedTicket(
  tx: QueueTx,
  locked: LockedTicket,
  scope: StaffWorkplace,
  session: CounterSession,
  now: Date,
): Promise<TicketView> {
  const { row } = await applyTransition(tx, locked, TICKET_ACTION.CALL, {
    ctx: { now },
    actor: { staffId: scope.staffId, counterId: session.counterId },
  });
  const view = { ...row, service_name: locked.service_name, counter_number: session.counterNumber };
  tx.facts.push(ticketFact(view, TICKET_ACTION.CALL, locked.status, now));
  return view;
}

/**
 * "Call next": the operator's next customer by the call-next policy, or null when nobody is
 * waiting for its services. Normally ONE statement (see call-next.repository.ts) that also reads
 * the operator's counter session and services, safe under any number of concurrent callers on
 * PostgreSQL (SKIP LOCKED) and on PGlite (one connection). Only when it calls nobody is the
 * operator's scope read, to refuse with the reason (no counter, on a break, a customer still at
 * the counter, no services) or to make sure, over the whole line, that nobody is waiting.
 */
export async function callNextTicket(
  deps: QueueDeps,
  company: CompanyRecord,
  staff: { staffId: string },
  opts: { now?: Date } = {},
): Promise<TicketView | null> {
  const now = opts.now ?? new Date();
  const q = { staffId: staff.staffId, now };
  return runQueueTransaction(
    deps,
    company,
    async (tx) => {
      let row = await callNextFast(tx.db, tx.schema, q);
      if (!row) {
        const scope = await loadStaffWorkplace(deps.db, company, staff.staffId);
        requireReadyToCall(scope);
        if (scope.sessionServices.length === 0) throw queueRefusal.noServices();
        row = await callNextExhaustive(tx.db, tx.schema, q);
        if (!row) return null;
      }
      tx.facts.push(ticketFact(row, TICKET_ACTION.CALL, TICKET_STATUS.WAITING, now));
      return row;
    },
    { singleStatement: true },
  );
}
