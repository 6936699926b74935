import { WEBHOOK_EVENT, type WebhookEvent } from "@equeue/contracts";
import { TICKET_ACTION, TICKET_STATUS } from "@equeue/core";
import type { DomainEvent } from "../events";
import { TICKET_EVENT } from "../queue";

/**
 * The webhook event a queue event is, if integrators are told of it: issue (a place now, or a
 * booking), call, service finished, no-show, cancel (of a booking or of a place), a booking
 * moved or checked in, a finished visit rated. Starting service, returns and transfers are the operators' own detail.
 */
export function webhookEventOf(
  e: Pick<DomainEvent, "type" | "fromStatus" | "toStatus">,
): WebhookEvent | null {
  switch (e.type) {
    case TICKET_EVENT.ISSUE:
      return e.toStatus === TICKET_STATUS.BOOKED
        ? WEBHOOK_EVENT.BOOKING_MADE
        : WEBHOOK_EVENT.TICKET_ISSUED;
    case TICKET_EVENT.RESCHEDULE:
      return WEBHOOK_EVENT.BOOKING_CHANGED;
    case TICKET_EVENT.RATE:
      return WEBHOOK_EVENT.RATING_RECEIVED;
    case TICKET_ACTION.CHECK_IN:
      return WEBHOOK_EVENT.BOOKING_CHECKED_IN;
    case TICKET_ACTION.CALL:
    case TICKET_ACTION.RECALL:
      return WEBHOOK_EVENT.TICKET_CALLED;
    case TICKET_ACTION.FINISH:
      return WEBHOOK_EVENT.TICKET_SERVED;
    case TICKET_ACTION.MARK_NO_SHOW:
      return WEBHOOK_EVENT.TICKET_NO_SHOW;
    case TICKET_ACTION.CANCEL:
      return e.fromStatus === TICKET_STATUS.BOOKED
        ? WEBHOOK_EVENT.BOOKING_CANCELLED
        : WEBHOOK_EVENT.TICKET_CANCELLED;
    default:
      return null;
  }
}

/** What a ticket is, as an event's payload tells it. */
export type TicketFacts = {
  id: string;
  label: string;
  branch_id: string;
  service_id: string;
  source: string;
  status: string;
  appointment_at: Date | null;
};

/**
 * The body sent for one event (its `id` is stable: a re-send carries the same one, so a receiver
 * can drop duplicates).
 */
export function webhookPayload(
  companyId: string,
  type: WebhookEvent,
  e: DomainEvent,
  ticket: TicketFacts | undefined,
) {
  return {
    id: `${companyId}.${e.id}`,
    type,
    occurredAt: e.at.toISOString(),
    data: {
      ticketId: e.ticketId,
      label: ticket?.label ?? null,
      branchId: ticket?.branch_id ?? null,
      serviceId: ticket?.service_id ?? null,
      source: ticket?.source ?? null,
      fromStatus: e.fromStatus,
      status: e.toStatus,
      counterId: e.counterId,
      appointmentAt: ticket?.appointment_at ? ticket.appointment_at.toISOString() : null,
      ...(type === WEBHOOK_EVENT.RATING_RECEIVED && { rating: ratingOf(e) }),
    },
  };
}

/** The stars (1–5) and comment a rating event recorded. */
function ratingOf(e: DomainEvent) {
  const { stars, comment } = e.data;
  return {
    stars: typeof stars === "number" ? stars : null,
    comment: typeof comment === "string" ? comment : null,
  };
}
