import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createCounter, deleteCounter, listCounters, updateCounter } from "../api/counters.api";
import type { CounterInput } from "../api/types";
import { setupKeys } from "./setup-keys";

export function useCounters(slug: string, branchId: string | null) {
  return useQuery({
    queryKey: setupKeys.counters(slug, branchId ?? ""),
    queryFn: () => listCounters(slug, branchId ?? ""),
    enabled: Boolean(branchId),
  });
}

export function useCounterCommands(slug: string, branchId: string) {
  const client = useQueryClient();
  const refresh = () => {
    void client.invalidateQueries({ queryKey: setupKeys.counters(slug, branchId) });
    void client.invalidateQueries({ queryKey: setupKeys.overview(slug) });
  };
  const create = useMutation({
    mutationFn: (input: CounterInput) => createCounter(slug, branchId, input),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: Partial<CounterInput> }) =>
      updateCounter(slug, id, patch),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteCounter(slug, id),
    onSuccess: refresh,
  });
  return { create, update, remove };
}
