import { COUNTERS, HISTOGRAM_SIZE, NO_OPERATOR, type RollupRow } from "./rollup-fold";
import type { DayTier } from "./day-tier";

/** A tier row as the tests compare it: counters (sums rounded), and for full tiers the arrays. */
type TierValue = {
  counts: Record<string, number>;
  waitHist?: number[];
  serviceHist?: number[];
  entered?: number[];
  served?: number[];
};

const FIELD: Record<string, keyof RollupRow> = {
  source: "source",
  operator_id: "operatorId",
  service_id: "serviceId",
};

const rounded = (c: Record<string, number>) => ({
  ...c,
  wait_sum: Math.round(c.wait_sum ?? 0),
  service_sum: Math.round(c.service_sum ?? 0),
});

/**
 * What a day tier must hold: the recounted 15-minute rows summed per branch, branch-local day
 * and the tier's keys (`localOf` gives a row's local day and hour). A month tier is the same with
 * `localOf` giving the local month and weekday × hour, in `hours` = 168 slots.
 */
export function expectedTier(
  t: DayTier,
  rows: Iterable<RollupRow>,
  localOf: (branchId: string, at: Date) => { day: string; hour: number },
  hours = 24,
): Record<string, TierValue> {
  const out = new Map<string, TierValue>();
  for (const r of rows) {
    if (t.operatorsOnly && r.operatorId === NO_OPERATOR) continue;
    const { day, hour } = localOf(r.branchId, r.bucket);
    const k = [r.branchId, day, ...t.keys.map((c) => String(r[FIELD[c]!]))].join("|");
    const v = out.get(k) ?? {
      counts: {},
      ...(t.full && {
        waitHist: new Array<number>(HISTOGRAM_SIZE).fill(0),
        serviceHist: new Array<number>(HISTOGRAM_SIZE).fill(0),
        entered: new Array<number>(hours).fill(0),
        served: new Array<number>(hours).fill(0),
      }),
    };
    for (const c of COUNTERS) v.counts[c] = (v.counts[c] ?? 0) + r.counts[c];
    v.counts.wait_sum = (v.counts.wait_sum ?? 0) + r.waitSum;
    v.counts.service_sum = (v.counts.service_sum ?? 0) + r.serviceSum;
    if (t.full) {
      r.waitHist.forEach((n, i) => (v.waitHist![i]! += n));
      r.serviceHist.forEach((n, i) => (v.serviceHist![i]! += n));
      v.entered![hour]! += r.counts.issued + r.counts.checked_in;
      v.served![hour]! += r.counts.served;
    }
    out.set(k, v);
  }
  return Object.fromEntries([...out].map(([k, v]) => [k, { ...v, counts: rounded(v.counts) }]));
}

/**
 * The stored rows of a tier (selected with `day_text`, the day or month as YYYY-MM-DD) in that
 * shape; `hourly` names the entries and serves columns.
 */
export function storedTier(
  t: DayTier,
  rows: Record<string, unknown>[],
  hourly: [string, string] = ["entered_by_hour", "served_by_hour"],
): Record<string, TierValue> {
  return Object.fromEntries(
    rows.map((r) => [
      [r.branch_id, r.day_text, ...t.keys.map((c) => r[c])].join("|"),
      {
        counts: rounded(
          Object.fromEntries(
            [...COUNTERS, "wait_sum", "service_sum"].map((c) => [c, Number(r[c])]),
          ),
        ),
        ...(t.full && {
          waitHist: r.wait_hist as number[],
          serviceHist: r.service_hist as number[],
          entered: r[hourly[0]] as number[],
          served: r[hourly[1]] as number[],
        }),
      },
    ]),
  );
}
