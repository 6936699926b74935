import { COUNTERS, HISTOGRAM_SIZE, NO_OPERATOR } from "./rollup-fold";

/**
 * The day tiers of the roll-ups (docs/reports.md): each is the 15-minute rows summed per branch,
 * branch-local day and a few keys. `full` tiers also keep the two histograms and the entries and
 * serves by local hour (for the heatmap); the others only the counters. The subscriber
 * recomputes a branch's day in every tier from the 15-minute rows (`refreshDays`), and the
 * migrations and the benchmark fill them with the same sums (`backfillTier`).
 */
export type DayTier = {
  table: string;
  /** The key columns after (branch_id, day). */
  keys: readonly string[];
  full: boolean;
  /** Leaves out the figures of no operator (NO_OPERATOR rows). */
  operatorsOnly?: boolean;
};

/** The SQL condition on 15-minute rows `r` that a tier keeps, or null for all. */
export const tierOnly = (t: DayTier) =>
  t.operatorsOnly ? `r.operator_id <> '${NO_OPERATOR}'` : null;

export const DAY_TIERS: readonly DayTier[] = [
  { table: "report_days", keys: ["source"], full: true },
  { table: "report_day_operators", keys: ["operator_id"], full: false },
  { table: "report_day_services", keys: ["service_id", "source"], full: true },
  { table: "report_day_service_operators", keys: ["service_id", "operator_id"], full: false },
  {
    table: "report_day_operator_cells",
    keys: ["operator_id", "service_id", "source"],
    full: true,
    operatorsOnly: true,
  },
];

/** Each summed column with its sum over rows `r`. */
export const SUM_COLUMNS: [string, string][] = [
  ...COUNTERS.map((c): [string, string] => [c, `sum(r.${c})::int`]),
  ["wait_sum", "sum(r.wait_sum)::float8"],
  ["service_sum", "sum(r.service_sum)::float8"],
];
/** The element-wise sum of a histogram column over rows `r`. */
export const histSum = (column: string) =>
  `array[${Array.from({ length: HISTOGRAM_SIZE }, (_, i) => `sum(r.${column}[${i + 1}])::int`).join(", ")}]`;
const byHour = (expr: string) =>
  `array[${Array.from({ length: 24 }, (_, h) => `coalesce(sum(${expr}) filter (where r.h = ${h}), 0)::int`).join(", ")}]`;

/** The tier's value columns, in the order of `tierSelect`. */
export const tierColumns = (t: DayTier) =>
  [
    ...SUM_COLUMNS.map(([c]) => c),
    ...(t.full ? ["wait_hist", "service_hist", "entered_by_hour", "served_by_hour"] : []),
  ].join(", ");

/** The sums of 15-minute rows `r` (with `r.h`, the local hour) for the tier's value columns. */
export const tierSelect = (t: DayTier) =>
  [
    ...SUM_COLUMNS.map(([, e]) => e),
    ...(t.full
      ? [
          histSum("wait_hist"),
          histSum("service_hist"),
          byHour("r.issued + r.checked_in"),
          byHour("r.served"),
        ]
      : []),
  ].join(", ");

/** The value columns' definitions (for the tables' creation). */
export const COUNTER_COLUMNS = [
  ...COUNTERS.map((c) => `${c} integer not null default 0`),
  "wait_sum double precision not null default 0",
  "service_sum double precision not null default 0",
].join(",\n      ");
export const FULL_COLUMNS = `wait_hist integer[] not null,
      service_hist integer[] not null,
      entered_by_hour integer[] not null,
      served_by_hour integer[] not null`;

/**
 * Fills a tier from every 15-minute row (the tier must be empty): one statement, each row's local
 * day and hour from its branch's time zone.
 */
export function backfillTier(schema: string, t: DayTier): string {
  const keys = t.keys.map((k) => `r.${k}`).join(", ");
  return `insert into ${schema}.${t.table} (branch_id, day, ${t.keys.join(", ")}, ${tierColumns(t)})
    select r.branch_id, r.day, ${keys}, ${tierSelect(t)}
    from (select x.*, (x.bucket at time zone b.time_zone)::date as day,
        extract(hour from x.bucket at time zone b.time_zone)::int as h
      from ${schema}.report_rollups x join ${schema}.branches b on b.id = x.branch_id) r
    ${tierOnly(t) ? `where ${tierOnly(t)}` : ""}
    group by r.branch_id, r.day, ${keys}`;
}
