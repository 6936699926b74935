import type { Migration } from "@equeue/server/db";

export const PROBE_VERSION = 999;

/** The one new migration applied to every company: a table with an index. */
export const probeMigration: Migration = {
  version: PROBE_VERSION,
  name: "bench-probe",
  statements: (s) => [
    `create table ${s}.bench_probe (
      id bigint generated always as identity primary key,
      note text not null default '',
      created_at timestamptz not null default now())`,
    `create index bench_probe_created on ${s}.bench_probe (created_at)`,
  ],
};
