import { DEFAULT_SMOOTHING_ALPHA, smoothServiceTime } from "@equeue/core";
import { sql, type RawBuilder } from "kysely";
import { runPrepared } from "../../../db/prepared";
import type { CompanyQueryDb } from "../queue.types";

/**
 * Folds one finished service into the branch's smoothed service time, as ONE atomic upsert:
 * the first sample starts the average, every later one moves it by core's smoothServiceTime
 * (alpha · sample + (1 − alpha) · previous) — computed by the database from the stored value, so
 * two operators finishing at the same moment both count without a read-then-write race.
 * `line` is the branch's service: the finished ticket as a finish's update returns it
 * (`"changed"`, so the finish is one statement), or given ids.
 * `service-stats.test.ts` checks the stored figures against core's function.
 */
export function serviceTimeUpsert(
  schema: string,
  line: "changed" | { branchId: string; serviceId: string },
  q: { seconds: number; now: Date },
): RawBuilder<unknown> {
  const sample = Math.max(0, q.seconds);
  // Core validates the sample (finite, non-negative) and is the reference for the first value.
  const first = smoothServiceTime(null, sample);
  const alpha = DEFAULT_SMOOTHING_ALPHA;
  const start = sql`${first}::float8, 1, ${q.now}::timestamptz`;
  // Citus loses the parameters' types in an INSERT … SELECT from anything but a distributed
  // table: given ids go in as VALUES.
  const rows =
    line === "changed"
      ? sql`select changed.branch_id, changed.service_id, ${start} from changed`
      : sql`values (${line.branchId}::uuid, ${line.serviceId}::uuid, ${start})`;
  // No operator has two parameters for operands (Citus again: "unknown * unknown").
  return sql`insert into ${sql.id(schema, "service_stats")}
      (branch_id, service_id, smoothed_service_seconds, samples, updated_at)
    ${rows}
    on conflict (branch_id, service_id) do update set
      smoothed_service_seconds = service_stats.smoothed_service_seconds * ${1 - alpha}::float8
        + ${alpha * sample}::float8,
      samples = service_stats.samples + 1,
      updated_at = excluded.updated_at`;
}

/** Folds one service time of a branch's service into its average (serviceTimeUpsert). */
export async function recordServiceTime(
  db: CompanyQueryDb,
  schema: string,
  q: { branchId: string; serviceId: string; seconds: number; now: Date },
): Promise<void> {
  await runPrepared(db, serviceTimeUpsert(schema, q, q));
}
