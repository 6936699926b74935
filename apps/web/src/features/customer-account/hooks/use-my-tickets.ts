import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { cancelMyTicket, fetchMyTickets, type MyTickets } from "../api/my-tickets.api";

const KEY = ["customer", "tickets"] as const;

/** My tickets, refreshed every 30 s while the page is open (positions move). */
export function useMyTickets(enabled: boolean) {
  return useQuery({ queryKey: KEY, queryFn: fetchMyTickets, enabled, refetchInterval: 30_000 });
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
