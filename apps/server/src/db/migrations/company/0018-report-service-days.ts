import {
  backfillTier,
  COUNTER_COLUMNS,
  DAY_TIERS,
  FULL_COLUMNS,
} from "../../../modules/reports/day-tier";
import type { Migration } from "../migration";

const tier = (table: string) => DAY_TIERS.find((t) => t.table === table)!;

/**
 * Day tiers for reports with a service or an operator filter (docs/reports.md), so that no
 * report reads the 15-minute rows: per branch × service × local day × source (counters, the two
 * histograms, entries and serves by local hour), per branch × service × day × operator (the
 * counters), and per operator × day × branch × service × source (all of it; the no-operator
 * figures left out). Filled here from the 15-minute rows; the roll-up subscriber keeps them
 * from then on, recomputing every day a batch touches like the branch day tier.
 */
export const companyReportServiceDays: Migration = {
  version: 18,
  name: "report-service-days",
  statements: (s) => [
    `create table ${s}.report_day_services (
      branch_id uuid not null,
      service_id uuid not null,
      day date not null,
      source text not null,
      ${COUNTER_COLUMNS},
      ${FULL_COLUMNS},
      primary key (branch_id, service_id, day, source))`,
    `create table ${s}.report_day_service_operators (
      branch_id uuid not null,
      service_id uuid not null,
      day date not null,
      operator_id uuid not null,
      ${COUNTER_COLUMNS},
      primary key (branch_id, service_id, day, operator_id))`,
    `create table ${s}.report_day_operator_cells (
      operator_id uuid not null,
      day date not null,
      branch_id uuid not null,
      service_id uuid not null,
      source text not null,
      ${COUNTER_COLUMNS},
      ${FULL_COLUMNS},
      primary key (operator_id, day, branch_id, service_id, source))`,
    `create index report_day_operator_cells_branch on ${s}.report_day_operator_cells (branch_id, day)`,
    backfillTier(s, tier("report_day_services")),
    backfillTier(s, tier("report_day_service_operators")),
    backfillTier(s, tier("report_day_operator_cells")),
  ],
};
