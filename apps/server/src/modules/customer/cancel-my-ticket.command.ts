import { TICKET_ACTION, TICKET_STATUS } from "@equeue/core";
import { AppError, notFound } from "../../shared/app-error";
import { normalizePhone } from "../../shared/phone";
import { runQueueTransaction, type QueueDeps } from "../queue";
import type { TicketView } from "../queue";
import { applyTransition, ticketFact } from "../queue";
import { lockTicket } from "../queue";
import type { CompanyRecord } from "../tenancy";

/**
 * A signed-in customer cancels one of their tickets (booked, or waiting in a line) in its
 * company, as its holder would: the ticket is locked, its phone checked again against the
 * customer's (the index may lag), and core's state machine decides. The event log records no
 * staff member, and the change reaches boards, operators and the index as any cancel does.
 */
export async function cancelMyTicket(
  deps: QueueDeps,
  company: CompanyRecord,
  phone: string,
  ticketId: string,
  now = new Date(),
): Promise<TicketView> {
  return runQueueTransaction(deps, company, async (tx) => {
    const row = await lockTicket(tx.db, ticketId, "ALL");
    // Reception may have typed the number its own way; compare it as E.164.
    const owner = row?.customer_phone ? normalizePhone(row.customer_phone) : null;
    if (!row || owner !== phone) throw notFound("The ticket");
    if (row.status !== TICKET_STATUS.BOOKED && row.status !== TICKET_STATUS.WAITING) {
      throw new AppError(
        "INVALID_STATE",
        `${row.label} cannot be cancelled now: it is ${row.status.toLowerCase()}.`,
      );
    }
    const { row: changed } = await applyTransition(tx, row, TICKET_ACTION.CANCEL, {
      ctx: { now },
      actor: { staffId: null, counterId: null },
      data: { by: "CUSTOMER" },
    });
    const view = { ...row, ...changed };
    tx.facts.push(ticketFact(view, TICKET_ACTION.CANCEL, row.status, now));
    return view;
  });
}
