import { sql } from "kysely";
import { recentCallsOf, type CompanyQueryDb } from "../queue";

const PUBLIC_BRANCH_COLUMNS = [
  "b.id",
  "b.slug",
  "b.name",
  "b.address",
  "b.latitude",
  "b.longitude",
  "b.phone",
  "b.time_zone",
  "b.status",
  "b.weekly_hours",
  "b.booking_horizon_days",
  "b.number_scheme",
] as const;

/** Branches a customer may visit: those offering at least one active service, by name. */
export function listPublicBranches(db: CompanyQueryDb) {
  return db
    .selectFrom("branches as b")
    .select(PUBLIC_BRANCH_COLUMNS)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("branch_services as bs")
          .innerJoin("services as s", "s.id", "bs.service_id")
          .select(sql`1`.as("one"))
          .whereRef("bs.branch_id", "=", "b.id")
          .where("bs.enabled", "=", true)
          .where("s.is_active", "=", true),
      ),
    )
    .orderBy(sql`b.name->>'uz'`)
    .execute();
}

export type PublicBranchRow = Awaited<ReturnType<typeof listPublicBranches>>[number];

/** One branch by its address in URLs (slug). */
export function findPublicBranch(db: CompanyQueryDb, slug: string) {
  return db
    .selectFrom("branches as b")
    .select(PUBLIC_BRANCH_COLUMNS)
    .where("b.slug", "=", slug)
    .executeTakeFirst();
}

/** Closed days and short days of the given branches from `fromDay` on, for the week ahead. */
export function listExceptionsFrom(
  db: CompanyQueryDb,
  branchIds: readonly string[],
  fromDay: string,
  toDay: string,
) {
  if (branchIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("branch_exceptions")
    .select(["branch_id", "day", "kind", "opens_at", "closes_at", "note"])
    .where("branch_id", "in", [...branchIds])
    .where("day", ">=", fromDay)
    .where("day", "<=", toDay)
    .orderBy("day")
    .execute();
}

export type ExceptionRow = Awaited<ReturnType<typeof listExceptionsFrom>>[number];

/**
 * The services a branch offers now, each with its line: people waiting, operators at their
 * counter for it (available), the smoothed service time and the recent calls the ETA weighs —
 * one statement.
 */
export function listServiceLines(db: CompanyQueryDb, branchId: string, now: Date) {
  return db
    .selectFrom("services as s")
    .innerJoin("branch_services as bs", "bs.service_id", "s.id")
    .leftJoin("service_stats as st", (join) =>
      join.onRef("st.service_id", "=", "s.id").on("st.branch_id", "=", branchId),
    )
    .select((eb) => [
      "s.id",
      "s.letter",
      "s.name",
      "s.description",
      "s.duration_minutes",
      "s.online_booking",
      "st.smoothed_service_seconds",
      eb
        .selectFrom("tickets as t")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("t.branch_id", "=", branchId)
        .whereRef("t.service_id", "=", "s.id")
        .where("t.status", "=", "WAITING")
        .as("waiting"),
      eb
        .selectFrom("operator_status as o")
        .innerJoin("staff_services as ss", "ss.staff_id", "o.staff_id")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("o.branch_id", "=", branchId)
        .where("o.status", "=", "AVAILABLE")
        .whereRef("ss.service_id", "=", "s.id")
        .as("serving"),
      recentCallsOf(db, branchId, sql.ref("s.id"), now),
    ])
    .where("bs.branch_id", "=", branchId)
    .where("bs.enabled", "=", true)
    .where("s.is_active", "=", true)
    .orderBy("s.letter")
    .execute();
}

export type ServiceLineRow = Awaited<ReturnType<typeof listServiceLines>>[number];
