/** Every state a ticket can be in (the lifecycle rules live in @equeue/core). */
export const TICKET_STATUS = {
  BOOKED: "BOOKED",
  WAITING: "WAITING",
  CALLED: "CALLED",
  SERVING: "SERVING",
  COMPLETED: "COMPLETED",
  NO_SHOW: "NO_SHOW",
  CANCELLED: "CANCELLED",
  TRANSFERRED: "TRANSFERRED",
  EXPIRED: "EXPIRED",
} as const;
export type TicketStatus = (typeof TICKET_STATUS)[keyof typeof TICKET_STATUS];

/**
 * Why the company cancelled a booking, for the customer's text and page when no one wrote a
 * message: HOURS — the branch's hours (a day off, shorter hours) no longer have room for it;
 * SERVICE — the branch no longer offers its service (paused or removed there, or retired).
 */
export const CANCEL_REASON = { HOURS: "HOURS", SERVICE: "SERVICE" } as const;
export type CancelReason = (typeof CANCEL_REASON)[keyof typeof CANCEL_REASON];
export const CANCEL_REASONS = Object.values(CANCEL_REASON) as [CancelReason, ...CancelReason[]];

/** Where a ticket was taken. It follows from the caller, never from a request body. */
export const TICKET_SOURCE = {
  ONLINE: "ONLINE",
  KIOSK: "KIOSK",
  WALK_IN: "WALK_IN",
  /** A company's own systems through the public API (an API key of the company). */
  API: "API",
} as const;
export type TicketSource = (typeof TICKET_SOURCE)[keyof typeof TICKET_SOURCE];

/** Every ticket source, for schemas and iteration. */
export const TICKET_SOURCES = Object.values(TICKET_SOURCE) as [TicketSource, ...TicketSource[]];

/**
 * The operator's screen keeps one waiting list per source; this names each list in the workplace
 * snapshot (`waiting.online`, …), so a new source cannot be added without its list.
 */
export const WAITING_LIST_OF_SOURCE = {
  ONLINE: "online",
  KIOSK: "kiosk",
  WALK_IN: "walkIn",
  // Taken remotely like the portal's, so the operator sees them with the online places.
  API: "online",
} as const satisfies Record<TicketSource, string>;
export type WaitingListKey = (typeof WAITING_LIST_OF_SOURCE)[TicketSource];
