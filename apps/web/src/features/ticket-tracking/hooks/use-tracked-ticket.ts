import { useQuery, useQueryClient } from "@tanstack/react-query";
import { SERVER_EVENT } from "@equeue/contracts";
import { trackerRealtimeAuth } from "../../../lib/realtime/realtime-contract";
import { useRealtime } from "../../../lib/realtime/use-realtime";
import { fetchTrackedTicket, type TrackedTicket } from "../api/tracking.api";

export const trackingKey = (slug: string, token: string) =>
  ["queue", "tracking", slug, token] as const;

/** A ticket followed live: the HTTP answer first, then the socket's snapshot and updates. */
export function useTrackedTicket(slug: string, token: string) {
  const client = useQueryClient();
  const key = trackingKey(slug, token);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchTrackedTicket(slug, token, signal),
    // Without a socket (blocked network) the page still refreshes now and then.
    refetchInterval: 60_000,
  });
  const accept = (ticket: TrackedTicket) => {
    const current = client.getQueryData<TrackedTicket>(key);
    if (!current || Date.parse(ticket.at) >= Date.parse(current.at))
      client.setQueryData(key, ticket);
  };
  const { status } = useRealtime({
    enabled: query.isSuccess,
    key: `tracker:${slug}:${token}`,
    auth: () => trackerRealtimeAuth(slug, token),
    handlers: {
      [SERVER_EVENT.SNAPSHOT]: (payload) => {
        if (payload.audience === "tracker") accept(payload.ticket);
      },
      [SERVER_EVENT.TRACKING]: ({ ticket }) => accept(ticket),
    },
  });
  return { query, connection: status };
}
