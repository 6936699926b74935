import { DEFAULT_SMOOTHING_ALPHA, smoothServiceTime } from "@equeue/core";
import { sql, type RawBuilder } from "kysely";
import { runPrepared } from "../../../db/prepared";
import type { CompanyQueryDb } from "../queue.types";

/**
 * Folds one finished service into the branch's smoothed service time, as ONE atomic upsert:
 * the first sample starts the average, every later one moves it by core's smoothServiceTime
 * (alpha · sample + (1 − alpha) · previous) — computed by the database from the stored value, so
 * two operators finishing at the same moment both count without a read-then-write race.
 * `source` is a row source with `branch_id` and `service_id`: the finished ticket as a finish's
 * update returns it (`changed`, so the finish is one statement), or given values.
 * `service-stats.test.ts` checks the stored figures against core's function.
 */
export function serviceTimeUpsert(
  schema: string,
  source: RawBuilder<unknown>,
  q: { seconds: number; now: Date },
): RawBuilder<unknown> {
  const sample = Math.max(0, q.seconds);
  // Core validates the sample (finite, non-negative) and is the reference for the first value.
  const first = smoothServiceTime(null, sample);
  const alpha = DEFAULT_SMOOTHING_ALPHA;
  return sql`insert into ${sql.id(schema, "service_stats")}
      (branch_id, service_id, smoothed_service_seconds, samples, updated_at)
    select src.branch_id, src.service_id, ${first}::float8, 1, ${q.now}::timestamptz
    from ${source} src
    on conflict (branch_id, service_id) do update set
      smoothed_service_seconds = ${alpha}::float8 * ${sample}::float8
        + (1 - ${alpha}::float8) * service_stats.smoothed_service_seconds,
      samples = service_stats.samples + 1,
      updated_at = excluded.updated_at`;
}

/** Folds one service time of a branch's service into its average (serviceTimeUpsert). */
export async function recordServiceTime(
  db: CompanyQueryDb,
  schema: string,
  q: { branchId: string; serviceId: string; seconds: number; now: Date },
): Promise<void> {
  const source = sql`(select ${q.branchId}::uuid as branch_id, ${q.serviceId}::uuid as service_id)`;
  await runPrepared(db, serviceTimeUpsert(schema, source, q));
}
