import { TICKET_ACTION } from "@equeue/core";
import type { I18nText } from "../../../db/tables";
import type { CompanyRecord } from "../../tenancy";
import type { TicketRow } from "../queue.types";
import { runQueueTransaction, type QueueDeps, type QueueTx } from "./queue-transaction";
import { applyTransition, ticketFact } from "./ticket-transition";

/** An open ticket a sweep chose to expire, locked, with its service's name for the event. */
export type ExpiringTicket = TicketRow & { service_name: I18nText };

/**
 * Expires the tickets `pick` returns — it must lock them (`FOR UPDATE SKIP LOCKED`) and return at
 * most `batch` — one transaction per batch, each with its EXPIRE event and fact, until a batch
 * comes back short. Returns how many expired. The day-end sweep and the late-booking rule both
 * run on it, so an expiry looks the same on every screen whatever ended the ticket.
 */
export async function expireInBatches<T extends ExpiringTicket>(
  deps: QueueDeps,
  company: CompanyRecord,
  now: Date,
  batch: number,
  pick: (tx: QueueTx) => Promise<T[]>,
  why: (ticket: T) => Record<string, unknown>,
): Promise<number> {
  let expired = 0;
  for (;;) {
    const n = await runQueueTransaction(deps, company, async (tx) => {
      const rows = await pick(tx);
      for (const locked of rows) {
        const { row } = await applyTransition(tx, locked, TICKET_ACTION.EXPIRE, {
          ctx: { now },
          actor: { staffId: null, counterId: null },
          data: why(locked),
        });
        const view = { ...row, service_name: locked.service_name, counter_number: null };
        tx.facts.push(ticketFact(view, TICKET_ACTION.EXPIRE, locked.status, now));
      }
      return rows.length;
    });
    expired += n;
    if (n < batch) return expired;
  }
}
