import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { cancelMyTicket, fetchMyTickets } from "../api/my-tickets.api";

const KEY = ["customer", "tickets"] as const;

/** My tickets, refreshed every 30 s while the page is open (positions move). */
export function useMyTickets(enabled: boolean) {
  return useQuery({ queryKey: KEY, queryFn: fetchMyTickets, enabled, refetchInterval: 30_000 });
}

export function useCancelMyTicket() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: cancelMyTicket,
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
