/**
 * What a company's API key may do. A key holds one or more scopes; every /api/v1 operation names
 * the one it needs, and a key without it is refused (403).
 */
export const API_KEY_SCOPE = {
  READ_QUEUE: "queue:read",
  ISSUE_TICKETS: "tickets:write",
  MANAGE_BOOKINGS: "bookings:write",
  READ_REPORTS: "reports:read",
} as const;
export type ApiKeyScope = (typeof API_KEY_SCOPE)[keyof typeof API_KEY_SCOPE];
export const API_KEY_SCOPES = Object.values(API_KEY_SCOPE) as [ApiKeyScope, ...ApiKeyScope[]];

/** Requests per minute a new key may make unless its admin sets another limit. */
export const API_KEY_RATE_LIMIT = { default: 120, min: 1, max: 6000 } as const;

/** The queue's events a webhook endpoint can subscribe to (from the durable event stream). */
export const WEBHOOK_EVENT = {
  TICKET_ISSUED: "ticket.issued",
  TICKET_CALLED: "ticket.called",
  TICKET_SERVED: "ticket.served",
  TICKET_NO_SHOW: "ticket.no_show",
  TICKET_CANCELLED: "ticket.cancelled",
  BOOKING_MADE: "booking.made",
  BOOKING_CHANGED: "booking.changed",
  BOOKING_CHECKED_IN: "booking.checked_in",
  BOOKING_CANCELLED: "booking.cancelled",
  RATING_RECEIVED: "rating.received",
} as const;
export type WebhookEvent = (typeof WEBHOOK_EVENT)[keyof typeof WEBHOOK_EVENT];
export const WEBHOOK_EVENTS = Object.values(WEBHOOK_EVENT) as [WebhookEvent, ...WebhookEvent[]];
