import { adminRequest, asItems } from "./admin-request";
import type { Counter, CounterInput } from "./types";

export const listCounters = (slug: string, branchId: string) =>
  adminRequest<{ items: Counter[] }>(slug, `/branches/${branchId}/counters`).then(asItems);

export const createCounter = (slug: string, branchId: string, body: CounterInput) =>
  adminRequest<Counter>(slug, `/branches/${branchId}/counters`, { method: "POST", body });

export const updateCounter = (slug: string, id: string, body: Partial<CounterInput>) =>
  adminRequest<Counter>(slug, `/counters/${id}`, { method: "PATCH", body });

export const deleteCounter = (slug: string, id: string) =>
  adminRequest<void>(slug, `/counters/${id}`, { method: "DELETE" });
