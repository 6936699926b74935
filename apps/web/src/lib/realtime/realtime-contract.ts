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

/** Asks the server for a fresh snapshot over the socket (at most once a second). */
export const REALTIME_SYNC = "sync";

/** Socket.IO is served under the API, so one proxy rule covers both. */
export const REALTIME_PATH = "/api/socket.io";

/** Handshake of a signed-in staff member of `slug` (the server refuses unknown fields). */
export async function companyRealtimeAuth(
  slug: string,
  session: AuthSession<{ mustChangePassword?: boolean }>,
  branchId?: string | null,
): Promise<Record<string, unknown>> {
  const token = (await session.freshToken()) ?? "";
  return branchId ? { slug, token, branchId } : { slug, token };
}

/** Handshake of a paired display board. */
export function deviceRealtimeAuth(slug: string, deviceToken: string): Record<string, unknown> {
  return { slug, deviceToken };
}

/** Handshake of a ticket tracker (whoever holds the ticket's link). */
export function trackerRealtimeAuth(slug: string, ticketToken: string): Record<string, unknown> {
  return { slug, ticketToken };
}
