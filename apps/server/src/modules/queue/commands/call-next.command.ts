import { TICKET_ACTION, TICKET_STATUS } from "@equeue/core";
import type { CompanyRecord } from "../../tenancy";
import { queueRefusal } from "../queue-errors";
import { runQueueTransaction, type QueueDeps, type QueueTx } from "./queue-transaction";
import type { TicketView } from "../queue.types";
import { loadStaffWorkplace, type CounterSession, type StaffWorkplace } from "../staff-workplace";
import { applyTransition, ticketFact } from "./ticket-transition";
import { isCitus } from "../../../db/database";
import {
  callNextExhaustive,
  callNextFast,
  callNextUnlogged,
  logCall,
  type CallNextQuery,
} from "../sql/call-next.sql";
import type { LockedTicket } from "../sql/ticket.sql";

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
 * waiting for its services. Normally ONE statement (see sql/call-next.sql.ts) that also reads
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
  if (isCitus(deps.db)) return callNextOnCitus(deps, company, staff.staffId, q);
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

/**
 * The same command on Citus: the call statement without its event step (which Citus would plan
 * step by step on the coordinator, and fails with FOR UPDATE … SKIP LOCKED), then the event, in
 * one transaction — BEGIN, call, event, COMMIT: four round trips to the coordinator instead of
 * one. The operator's scope is read between two such transactions, never while one holds a
 * connection (fifty operators finding the line empty at once would starve the pool).
 */
async function callNextOnCitus(
  deps: QueueDeps,
  company: CompanyRecord,
  staffId: string,
  q: CallNextQuery,
): Promise<TicketView | null> {
  const attempt = (exhaustive: boolean) =>
    runQueueTransaction(deps, company, async (tx) => {
      const row = (await callNextUnlogged(tx.schema, q, exhaustive).execute(tx.db)).rows[0];
      if (!row) return null;
      await logCall(tx.db, tx.schema, q, row);
      tx.facts.push(ticketFact(row, TICKET_ACTION.CALL, TICKET_STATUS.WAITING, q.now));
      return row;
    });
  const row = await attempt(false);
  if (row) return row;
  const scope = await loadStaffWorkplace(deps.db, company, staffId);
  requireReadyToCall(scope);
  if (scope.sessionServices.length === 0) throw queueRefusal.noServices();
  return attempt(true);
}
