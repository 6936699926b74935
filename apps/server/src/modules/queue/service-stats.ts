import { smoothServiceTime } from "@equeue/core";
import { sql } from "kysely";
import type { CompanyQueryDb } from "./queue.types";

/** Folds one finished service into the branch's smoothed service time (core's moving average). */
export async function recordServiceTime(
  db: CompanyQueryDb,
  q: { branchId: string; serviceId: string; seconds: number; now: Date },
): Promise<void> {
  const prev = await db
    .selectFrom("service_stats")
    .select("smoothed_service_seconds")
    .where("branch_id", "=", q.branchId)
    .where("service_id", "=", q.serviceId)
    .forUpdate()
    .executeTakeFirst();
  const next = smoothServiceTime(prev?.smoothed_service_seconds ?? null, Math.max(0, q.seconds));
  await db
    .insertInto("service_stats")
    .values({
      branch_id: q.branchId,
      service_id: q.serviceId,
      smoothed_service_seconds: next,
      samples: 1,
      updated_at: q.now,
    })
    .onConflict((oc) =>
      oc.columns(["branch_id", "service_id"]).doUpdateSet({
        smoothed_service_seconds: next,
        samples: sql<number>`${sql.ref("service_stats.samples")} + 1`,
        updated_at: q.now,
      }),
    )
    .execute();
}
