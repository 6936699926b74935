import type { Migration } from "../migration";

const COUNTERS = `issued integer not null default 0,
      called integer not null default 0,
      served integer not null default 0,
      no_show integer not null default 0,
      cancelled integer not null default 0,
      expired integer not null default 0,
      transferred integer not null default 0,
      booked integer not null default 0,
      checked_in integer not null default 0,
      late integer not null default 0,
      missed integer not null default 0,
      booking_cancelled integer not null default 0,
      wait_count integer not null default 0,
      wait_sum double precision not null default 0,
      target_count integer not null default 0,
      within_target integer not null default 0,
      service_count integer not null default 0,
      service_sum double precision not null default 0`;

/**
 * A coarser roll-up tier for reports without a service or operator filter (docs/reports.md):
 * per branch × local day × ticket source (counters, the two histograms, and entries / serves by
 * local hour for the heatmap), and per branch × local day × operator (counters). The roll-up
 * subscriber recomputes the days a batch touched from the 15-minute rows in the same
 * transaction, so they are replay-safe the same way. `operator_status_log` keeps every operator
 * status change (written with the change), for break, away and idle time.
 */
export const companyReportDays: Migration = {
  version: 15,
  name: "report-days",
  statements: (s) => [
    `create table ${s}.report_days (
      branch_id uuid not null,
      day date not null,
      source text not null,
      ${COUNTERS},
      wait_hist integer[] not null,
      service_hist integer[] not null,
      entered_by_hour integer[] not null,
      served_by_hour integer[] not null,
      primary key (branch_id, day, source))`,
    `create table ${s}.report_day_operators (
      branch_id uuid not null,
      day date not null,
      operator_id uuid not null,
      ${COUNTERS},
      primary key (branch_id, day, operator_id))`,
    `create table ${s}.operator_status_log (
      id bigint generated always as identity primary key,
      staff_id uuid not null,
      branch_id uuid not null,
      status text not null,
      at timestamptz not null)`,
    `create index operator_status_log_branch on ${s}.operator_status_log (branch_id, at)`,
    `create index operator_status_log_staff on ${s}.operator_status_log (staff_id, at)`,
  ],
};
