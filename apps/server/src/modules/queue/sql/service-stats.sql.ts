import { DEFAULT_SMOOTHING_ALPHA, smoothServiceTime } from "@equeue/core";
import { sql } from "kysely";
import { markPrepared } from "../../../db/prepared";
import type { CompanyQueryDb } from "../queue.types";

/**
 * Folds one finished service into the branch's smoothed service time, in ONE atomic upsert:
 * the first sample starts the average, every later one moves it by core's smoothServiceTime
 * (alpha · sample + (1 − alpha) · previous) — computed by the database from the stored value, so
 * two operators finishing at the same moment both count without a read-then-write race.
 * `service-stats.test.ts` checks the stored figures against core's function.
 */
export async function recordServiceTime(
  db: CompanyQueryDb,
  q: { branchId: string; serviceId: string; seconds: number; now: Date },
): Promise<void> {
  const sample = Math.max(0, q.seconds);
  // Core validates the sample (finite, non-negative) and is the reference for the first value.
  const first = smoothServiceTime(null, sample);
  const alpha = DEFAULT_SMOOTHING_ALPHA;
  const upsert = db
    .insertInto("service_stats")
    .values({
      branch_id: q.branchId,
      service_id: q.serviceId,
      smoothed_service_seconds: first,
      samples: 1,
      updated_at: q.now,
    })
    .onConflict((oc) =>
      oc.columns(["branch_id", "service_id"]).doUpdateSet({
        smoothed_service_seconds: sql<number>`${alpha}::float8 * ${sample}::float8 + (1 - ${alpha}::float8) * ${sql.ref("service_stats.smoothed_service_seconds")}`,
        samples: sql<number>`${sql.ref("service_stats.samples")} + 1`,
        updated_at: q.now,
      }),
    );
  // Prepared: it runs in every finish, between the queue's other prepared statements.
  await db.executeQuery(markPrepared(upsert.compile()));
}
