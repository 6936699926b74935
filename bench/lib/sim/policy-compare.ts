import { waitOf, type SimResult } from "./day-sim";

export type PolicyRow = {
  policy: string;
  tickets: number;
  average_wait_s: number;
  p50_wait_s: number;
  p90_wait_s: number;
  max_wait_s: number;
  walk_in_average_wait_s: number;
  appointment_average_wait_s: number;
  /** Share of customers called within 15 minutes. */
  within_15_min: number;
  /** When the last customer finished, hours after opening (averaged over days). */
  last_finish_h: number;
};

/** Nearest-rank percentile of a sorted list. */
function rank(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function policyRow(policy: string, days: readonly SimResult[]): PolicyRow {
  // Customers who left without being called have no wait to compare (none unless patience is set).
  const tickets = days.flatMap((d) => d.tickets).filter((t) => t.calledSeconds !== null);
  const waits = tickets.map((t) => waitOf(t)!).sort((a, b) => a - b);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return {
    policy,
    tickets: tickets.length,
    average_wait_s: mean(waits),
    p50_wait_s: rank(waits, 0.5),
    p90_wait_s: rank(waits, 0.9),
    max_wait_s: waits[waits.length - 1]!,
    walk_in_average_wait_s: mean(
      tickets.filter((t) => t.kind === "walk-in").map((t) => waitOf(t)!),
    ),
    appointment_average_wait_s: mean(
      tickets.filter((t) => t.kind === "appointment").map((t) => waitOf(t)!),
    ),
    within_15_min: waits.filter((w) => w <= 15 * 60).length / Math.max(1, waits.length),
    last_finish_h: mean(days.map((d) => d.endSeconds / 3600)),
  };
}
