import { notFound } from "../../shared/app-error";
import { normalizePhone } from "../../shared/phone";
import { cancelAsHolder, lockTicket, runQueueTransaction, type QueueDeps } from "../queue";
import type { TicketView } from "../queue";
import type { CompanyRecord } from "../tenancy";

/**
 * A signed-in customer cancels one of their tickets (booked, or waiting in a line) in its
 * company, as its holder would: the ticket is locked, its phone checked again against the
 * customer's (the index may lag), then it is cancelled as its holder would (queue's
 * `cancelAsHolder`).
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
    return cancelAsHolder(tx, row, now);
  });
}
