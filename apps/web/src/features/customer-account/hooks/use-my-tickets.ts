import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { SERVER_EVENT } from "@equeue/contracts";
import { customerSession } from "../../../lib/auth/customer-session";
import { customerRealtimeAuth } from "../../../lib/realtime/realtime-contract";
import { useRealtime, type ConnectionStatus } from "../../../lib/realtime/use-realtime";
import { cancelMyTicket, fetchMyTickets, type MyTickets } from "../api/my-tickets.api";

const KEY = ["customer", "tickets"] as const;

/** Without the socket (blocked, offline, refused) the list is read again this often. */
export const MY_TICKETS_POLL_MS = 30_000;

/**
 * My tickets, live: the customer's socket says when one of their tickets changed in any
 * company (after the platform's index has it) and the list is read again at once. The socket
 * also says so right after (re)connecting, so nothing missed while away is lost. While it is
 * down, the list falls back to being read every 30 s.
 */
export function useMyTickets(enabled: boolean): {
  query: ReturnType<typeof useMyTicketsQuery>;
  connection: ConnectionStatus;
} {
  const client = useQueryClient();
  const { status } = useRealtime({
    enabled,
    key: "customer",
    auth: () => customerRealtimeAuth(customerSession),
    handlers: {
      [SERVER_EVENT.MY_TICKETS]: () => void client.invalidateQueries({ queryKey: KEY }),
    },
  });
  const query = useMyTicketsQuery(enabled, status === "online" ? false : MY_TICKETS_POLL_MS);
  return { query, connection: status };
}

function useMyTicketsQuery(enabled: boolean, refetchInterval: number | false) {
  return useQuery({ queryKey: KEY, queryFn: fetchMyTickets, enabled, refetchInterval });
}

/** The list with one ticket moved to the history in its new status, as the server answered. */
function withCancelled(list: MyTickets, id: string, status: string): MyTickets {
  const ticket = [...list.active, ...list.booked].find((t) => t.id === id);
  if (!ticket) return list;
  const active = list.active.filter((t) => t.id !== id);
  const booked = list.booked.filter((t) => t.id !== id);
  const moved = { ...ticket, status: status as typeof ticket.status, canCancel: false };
  return {
    active,
    booked,
    history: [moved, ...list.history],
    totals: { active: active.length, booked: booked.length, history: list.totals.history + 1 },
  };
}

/**
 * Cancels one of my tickets. The list is read from the platform's ticket index, which follows
 * the company's queue a moment later, so the answer moves the ticket at once and the list is
 * read again shortly after.
 */
export function useCancelMyTicket() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: cancelMyTicket,
    onSuccess: (answer) => {
      client.setQueryData<MyTickets>(KEY, (list) =>
        list ? withCancelled(list, answer.id, answer.status) : list,
      );
      window.setTimeout(() => void client.invalidateQueries({ queryKey: KEY }), 2_000);
    },
  });
}
