import { COUNTER_COLUMNS, SUM_COLUMNS } from "../../../modules/reports/day-tier";
import {
  backfillMonthTier,
  MONTH_FULL_COLUMNS,
  MONTH_TIERS,
} from "../../../modules/reports/month-tier";
import type { Migration } from "../migration";

// The day tiers' keys with month for day: by branch (and service), or by operator.
const PRIMARY_KEYS: Record<string, string> = {
  report_months: "branch_id, month, source",
  report_month_operators: "branch_id, month, operator_id",
  report_month_services: "branch_id, service_id, month, source",
  report_month_service_operators: "branch_id, service_id, month, operator_id",
  report_month_operator_cells: "operator_id, month, branch_id, service_id, source",
};

/**
 * Month tiers (docs/reports.md): every day tier summed per branch-local month and the same keys,
 * so a report over a year reads about 12 rows per key instead of 365. Each table has the key of
 * its day tier with `month` (the month's first day) in place of `day`; the full ones keep the two
 * histograms and entries and serves by weekday × hour for the heatmap. Filled here from the day
 * rows already stored; the roll-up subscriber keeps them from then on, recomputing every month a
 * batch touches after its days.
 */
export const companyReportMonths: Migration = {
  version: 21,
  name: "report-months",
  statements: (s) => [
    // The backfill's sums (hundreds per row) pass the planner's JIT threshold on a large company,
    // and compiling them costs more than running them.
    "set local jit = off",
    ...MONTH_TIERS.map(
      (t) => `create table ${s}.${t.table} (
      branch_id uuid not null,
      month date not null,
      ${t.keys.map((k) => `${k} ${k === "source" ? "text" : "uuid"} not null`).join(",\n      ")},
      ${COUNTER_COLUMNS},
      ${t.full ? `${MONTH_FULL_COLUMNS},` : ""}
      primary key (${PRIMARY_KEYS[t.table]}))`,
    ),
    // A service's series by day reads only this index (the service's rows are a fifth or less of
    // the wide day rows, spread over all their pages).
    `create index report_day_services_daily on ${s}.report_day_services (branch_id, service_id, day)
      include (${SUM_COLUMNS.map(([c]) => c).join(", ")})`,
    `create index report_month_operator_cells_branch on ${s}.report_month_operator_cells (branch_id, month)`,
    ...MONTH_TIERS.map((t) => backfillMonthTier(s, t)),
  ],
};
