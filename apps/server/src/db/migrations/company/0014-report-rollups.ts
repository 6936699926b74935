import type { Migration } from "../migration";

/**
 * Reports read roll-ups, not raw events: per branch × 15-minute interval × service × operator ×
 * ticket source, the counters and the wait / service time sums and fixed-bucket histograms a
 * durable subscriber keeps from the queue events (docs/reports.md). `report_rollup_state` is the
 * last event the roll-ups hold, written in the same transaction, so a replayed batch changes
 * nothing. A service's target wait (for the service level) may already exist (it is a set-up
 * setting too), hence `if not exists`.
 */
export const companyReportRollups: Migration = {
  version: 14,
  name: "report-rollups",
  statements: (s) => [
    `alter table ${s}.services add column if not exists target_wait_minutes integer
      constraint services_target_wait_minutes_check check (target_wait_minutes between 1 and 480)`,
    `create table ${s}.report_rollups (
      branch_id uuid not null,
      bucket timestamptz not null,
      service_id uuid not null,
      operator_id uuid not null,
      source text not null,
      issued integer not null default 0,
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
      wait_hist integer[] not null,
      target_count integer not null default 0,
      within_target integer not null default 0,
      service_count integer not null default 0,
      service_sum double precision not null default 0,
      service_hist integer[] not null,
      primary key (branch_id, bucket, service_id, operator_id, source))`,
    `create table ${s}.report_rollup_state (
      id integer primary key check (id = 1),
      last_tx xid8 not null,
      last_id bigint not null,
      updated_at timestamptz not null default now())`,
  ],
};
