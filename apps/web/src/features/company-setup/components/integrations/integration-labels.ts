import type { ApiKeyScope, WebhookEvent } from "@equeue/contracts";

/** i18n keys of the scopes (a scope's own name has a colon, i18next's namespace separator). */
export const SCOPE_KEY = {
  "queue:read": "queueRead",
  "tickets:write": "ticketsWrite",
  "bookings:write": "bookingsWrite",
  "reports:read": "reportsRead",
} as const satisfies Record<ApiKeyScope, string>;

/** i18n keys of the events ("ticket.issued" → "ticket_issued": a dot is the key separator). */
const EVENT_KEY = {
  "ticket.issued": "ticket_issued",
  "ticket.called": "ticket_called",
  "ticket.served": "ticket_served",
  "ticket.no_show": "ticket_no_show",
  "ticket.cancelled": "ticket_cancelled",
  "booking.made": "booking_made",
  "booking.changed": "booking_changed",
  "booking.checked_in": "booking_checked_in",
  "booking.cancelled": "booking_cancelled",
  "rating.received": "rating_received",
} as const satisfies Record<WebhookEvent, string>;

export const eventKey = (event: string) => EVENT_KEY[event as WebhookEvent];
