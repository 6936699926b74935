import type { Kysely } from "kysely";
import type { Database } from "../../db/tables";

/** The caller's current role and state, read fresh so that a demotion or deactivation counts at once. */
export const findStaffState = (db: Kysely<Database>, id: string) =>
  db
    .selectFrom("staff")
    .select(["id", "role", "is_active"])
    .where("id", "=", id)
    .executeTakeFirst();

/** Branches a branch manager is responsible for. */
export async function listManagedBranchIds(db: Kysely<Database>, staffId: string) {
  const rows = await db
    .selectFrom("staff_branches")
    .select("branch_id")
    .where("staff_id", "=", staffId)
    .execute();
  return rows.map((r) => r.branch_id);
}
