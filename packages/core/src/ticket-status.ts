import { TICKET_STATUS, type TicketStatus } from "@equeue/contracts";

// The statuses themselves are a contract between server and web (@equeue/contracts); the
// domain re-exports them beside its lifecycle rules.
export { TICKET_STATUS, type TicketStatus };

/** States from which the ticket can still move; all of them expire at day end. */
export const OPEN_STATUSES: readonly TicketStatus[] = [
  TICKET_STATUS.BOOKED,
  TICKET_STATUS.WAITING,
  TICKET_STATUS.CALLED,
  TICKET_STATUS.SERVING,
];

/** States a ticket never leaves. A transfer ends the old ticket and issues a new one. */
export const FINAL_STATUSES: readonly TicketStatus[] = [
  TICKET_STATUS.COMPLETED,
  TICKET_STATUS.NO_SHOW,
  TICKET_STATUS.CANCELLED,
  TICKET_STATUS.TRANSFERRED,
  TICKET_STATUS.EXPIRED,
];

/** Every status, in lifecycle order. */
export const ALL_TICKET_STATUSES: readonly TicketStatus[] = [...OPEN_STATUSES, ...FINAL_STATUSES];

/** True for a status the ticket can never leave. */
export function isFinalStatus(status: TicketStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** True for a status from which the ticket can still move. */
export function isOpenStatus(status: TicketStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** True for a string that names a ticket status (for validating input at boundaries). */
export function isTicketStatus(value: string): value is TicketStatus {
  return (ALL_TICKET_STATUSES as readonly string[]).includes(value);
}
