import { TICKET_ACTION, TICKET_STATUS } from "@equeue/core";
import { AppError, notFound } from "../../../shared/app-error";
import type { CompanyRecord } from "../../tenancy";
import type { TicketView } from "../queue.types";
import { MAX_TRANSFER_HOPS, lockSuccessor, lockTicketByToken } from "../sql/ticket.sql";
import { runQueueTransaction, type QueueDeps, type QueueTx } from "./queue-transaction";
import { applyTransition, ticketFact } from "./ticket-transition";

const STATE_WORDS: Partial<Record<string, string>> = {
  CALLED: "it has been called: go to the counter, or tell the operator",
  SERVING: "it is being served",
  COMPLETED: "it has been served",
  NO_SHOW: "it was closed as a no-show",
  CANCELLED: "it is already cancelled",
  TRANSFERRED: "it was moved to another line",
  EXPIRED: "the day it was for is over",
};

function cannotCancel(row: TicketView): AppError {
  const why = STATE_WORDS[row.status] ?? `it is ${row.status.toLowerCase()}`;
  return new AppError("INVALID_STATE", `${row.label} cannot be cancelled now: ${why}.`);
}

/**
 * The ticket's holder gives up the place: a booked or waiting ticket becomes CANCELLED through
 * core's state machine, with no staff member in the event log (`by: "CUSTOMER"`). A ticket
 * already called is the operator's to close. Runs in the caller's locked transaction; the
 * change reaches boards, operators and the index as any cancel does. `refusal` words the
 * answer for a ticket past cancelling (a booking speaks of itself as a booking).
 */
export async function cancelAsHolder<T extends TicketView>(
  tx: QueueTx,
  row: T,
  now: Date,
  refusal: (row: T) => AppError = cannotCancel,
): Promise<T> {
  if (row.status !== TICKET_STATUS.BOOKED && row.status !== TICKET_STATUS.WAITING) {
    throw refusal(row);
  }
  const { row: changed } = await applyTransition(tx, row, TICKET_ACTION.CANCEL, {
    ctx: { now },
    actor: { staffId: null, counterId: null },
    data: { by: "CUSTOMER" },
  });
  const view = { ...row, ...changed };
  tx.facts.push(ticketFact(view, TICKET_ACTION.CANCEL, row.status, now));
  return view;
}

/**
 * "I am leaving": whoever holds the ticket's link (its QR code, printed or on screen) cancels
 * it, so the operator does not call an empty hall and the people behind move up. A ticket moved
 * to another line is followed there, as its page follows it.
 */
export function leaveQueue(
  deps: QueueDeps,
  company: CompanyRecord,
  token: string,
  now = new Date(),
): Promise<TicketView> {
  return runQueueTransaction(deps, company, async (tx) => {
    let row = await lockTicketByToken(tx.db, token);
    if (!row) throw notFound("The ticket");
    // Moved to another line: the link shows the place there, so leaving gives up that one.
    for (let hop = 0; row.status === TICKET_STATUS.TRANSFERRED && hop < MAX_TRANSFER_HOPS; hop++) {
      const next = await lockSuccessor(tx.db, row.id);
      if (!next) break;
      row = next;
    }
    return cancelAsHolder(tx, row, now);
  });
}
