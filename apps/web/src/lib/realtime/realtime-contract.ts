import type { RealtimeAuth } from "@equeue/contracts";
import type { AuthSession } from "../auth/auth-session";

// The events, their payloads and the socket path are @equeue/contracts' (the server emits by the
// same map); this file builds the handshake of each audience.

/** Handshake of a signed-in staff member of `slug` (the server refuses unknown fields). */
export async function companyRealtimeAuth(
  slug: string,
  session: AuthSession<{ mustChangePassword?: boolean }>,
  branchId?: string | null,
): Promise<RealtimeAuth> {
  const token = (await session.freshToken()) ?? "";
  return branchId ? { slug, token, branchId } : { slug, token };
}

/** Handshake of a paired display board. */
export function deviceRealtimeAuth(slug: string, deviceToken: string): RealtimeAuth {
  return { slug, deviceToken };
}

/** Handshake of a ticket tracker (whoever holds the ticket's link). */
export function trackerRealtimeAuth(slug: string, ticketToken: string): RealtimeAuth {
  return { slug, ticketToken };
}

/**
 * Handshake of a signed-in portal customer (the customer realm's access token); the server
 * decides their room from it (an empty token is refused, and the list falls back to polling).
 */
export async function customerRealtimeAuth(
  session: AuthSession<{ mustChangePassword?: boolean }>,
): Promise<RealtimeAuth> {
  return { customerToken: (await session.freshToken()) ?? "" };
}
