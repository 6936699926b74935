import type { AuthSession } from "../auth/auth-session";

/**
 * The socket contract of the server (apps/server/src/modules/realtime/realtime.events.ts and
 * docs/realtime.md): a snapshot on every (re)connect, then deltas.
 */
export const REALTIME_EVENT = {
  SNAPSHOT: "snapshot",
  TICKET_CHANGED: "ticket.changed",
  QUEUE_COUNTS: "queue.counts",
  OPERATOR_CHANGED: "operator.changed",
  DISPLAY_CALL: "display.call",
  TRACKING: "ticket.tracking",
} as const;

/** Asks the server for a fresh snapshot over the socket. */
export const REALTIME_SYNC = "sync";

/** Handshake of a signed-in staff member of `slug`. */
export async function companyRealtimeAuth(
  slug: string,
  session: AuthSession<{ mustChangePassword?: boolean }>,
): Promise<Record<string, unknown>> {
  return { company: slug, token: await session.freshToken() };
}

/** Handshake of a paired display board. */
export function deviceRealtimeAuth(slug: string, deviceToken: string): Record<string, unknown> {
  return { company: slug, deviceToken };
}

/** Handshake of a ticket tracker (whoever holds the ticket's link). */
export function trackerRealtimeAuth(slug: string, ticketToken: string): Record<string, unknown> {
  return { company: slug, ticketToken };
}
