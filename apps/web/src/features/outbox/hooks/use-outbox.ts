import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { listOutbox, type OutboxParams } from "../api/outbox.api";

export function useOutbox(params: OutboxParams) {
  return useQuery({
    queryKey: ["platform", "outbox", params],
    queryFn: () => listOutbox(params),
    placeholderData: keepPreviousData,
    // Messages change state in the background (worker retries); keep the list fresh.
    refetchInterval: 15_000,
  });
}
