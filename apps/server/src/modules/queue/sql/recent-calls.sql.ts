import { DEFAULT_ETA_MODEL, type EtaCall } from "@equeue/core";
import { sql, type Expression } from "kysely";
import type { CompanyQueryDb } from "../queue.types";

/** A service's recent calls as the database returns them: [called at (epoch ms), wait (s)]. */
export type RecentCallsJson = [number, number][];

/**
 * The calls of one service line within the ETA model's window before `now`, as ONE scalar
 * subquery to select beside the line's other figures (the index on (branch_id, called_at)
 * bounds it to the window): when each was called and how long it had waited since it was
 * queued. Core's `customerWait` reads them through `etaCallsOf`.
 */
export function recentCallsOf(
  db: CompanyQueryDb,
  branchId: string | Expression<string>,
  serviceId: string | Expression<string>,
  now: Date,
  windowSeconds = DEFAULT_ETA_MODEL.windowSeconds,
) {
  const since = new Date(now.getTime() - windowSeconds * 1000);
  return db
    .selectFrom("tickets as rc")
    .select(
      sql<RecentCallsJson>`coalesce(json_agg(json_build_array(
        extract(epoch from rc.called_at) * 1000,
        greatest(0, extract(epoch from rc.called_at - coalesce(rc.queued_at, rc.created_at)))
      )), '[]'::json)`.as("calls"),
    )
    .where("rc.branch_id", "=", branchId)
    .where("rc.service_id", "=", serviceId)
    .where("rc.called_at", ">=", since)
    .where("rc.called_at", "<=", now)
    .as("recent_calls");
}

/** The calls `recentCallsOf` selected, as core's ETA takes them. */
export function etaCallsOf(raw: RecentCallsJson | string | null | undefined): EtaCall[] {
  if (raw === null || raw === undefined) return [];
  const list: RecentCallsJson = typeof raw === "string" ? JSON.parse(raw) : raw;
  return list.map(([at, wait]) => ({ calledAt: new Date(Number(at)), waitSeconds: Number(wait) }));
}
