import { sql, type Insertable, type Kysely, type Updateable } from "kysely";
import type { Database, StaffRole, StaffTable } from "../../db/tables";

type Q = Kysely<Database>;

const escapeLike = (s: string) => s.replace(/[%_\\]/g, "\\$&");

export const staffColumns = [
  "id",
  "email",
  "name",
  "role",
  "phone",
  "is_active",
  "must_change_password",
  "locked_until",
  "last_login_at",
  "branch_id",
  "counter_id",
  "weekly_schedule",
  "created_at",
  "updated_at",
] as const;

export type StaffFilter = {
  search?: string | undefined;
  role?: StaffRole | undefined;
  branchId?: string | undefined;
  active?: boolean | undefined;
  page: number;
  pageSize: number;
};

/** Staff by filter; `operatorsOf` limits the list to operators of those branches (managers). */
export async function listStaff(q: Q, f: StaffFilter, operatorsOf: string[] | null) {
  let base = q.selectFrom("staff");
  if (operatorsOf) {
    if (!operatorsOf.length) return { items: [], total: 0 };
    base = base.where("role", "=", "OPERATOR").where("branch_id", "in", operatorsOf);
  }
  if (f.role) base = base.where("role", "=", f.role);
  if (f.active !== undefined) base = base.where("is_active", "=", f.active);
  if (f.branchId) {
    const id = f.branchId;
    base = base.where((eb) =>
      eb.or([
        eb("branch_id", "=", id),
        eb(
          "id",
          "in",
          eb.selectFrom("staff_branches").select("staff_id").where("branch_id", "=", id),
        ),
      ]),
    );
  }
  if (f.search) {
    const like = `%${escapeLike(f.search)}%`;
    base = base.where((eb) => eb.or([eb("name", "ilike", like), eb("email", "ilike", like)]));
  }
  const counted = await base
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const items = await base
    .select([...staffColumns])
    .orderBy("name")
    .orderBy("id")
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: Number(counted.total) };
}

export const findStaff = (q: Q, id: string) =>
  q
    .selectFrom("staff")
    .select([...staffColumns])
    .where("id", "=", id)
    .executeTakeFirst();

export const findStaffIdByEmail = (q: Q, email: string) =>
  q
    .selectFrom("staff")
    .select("id")
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.toLowerCase()))
    .executeTakeFirst();

export const insertStaff = (q: Q, values: Insertable<StaffTable>) =>
  q.insertInto("staff").values(values).returning("id").executeTakeFirstOrThrow();

export const updateStaffRow = (q: Q, id: string, set: Updateable<StaffTable>) =>
  q
    .updateTable("staff")
    .set({ ...set, updated_at: new Date() })
    .where("id", "=", id)
    .execute();

export async function listStaffServiceIds(q: Q, staffIds: string[]) {
  if (!staffIds.length) return [];
  return q
    .selectFrom("staff_services")
    .select(["staff_id", "service_id"])
    .where("staff_id", "in", staffIds)
    .execute();
}

export async function listStaffBranchIds(q: Q, staffIds: string[]) {
  if (!staffIds.length) return [];
  return q
    .selectFrom("staff_branches")
    .select(["staff_id", "branch_id"])
    .where("staff_id", "in", staffIds)
    .execute();
}

export async function replaceStaffServices(q: Q, staffId: string, serviceIds: string[]) {
  await q.deleteFrom("staff_services").where("staff_id", "=", staffId).execute();
  if (serviceIds.length)
    await q
      .insertInto("staff_services")
      .values(serviceIds.map((service_id) => ({ staff_id: staffId, service_id })))
      .execute();
}

export async function replaceStaffBranches(q: Q, staffId: string, branchIds: string[]) {
  await q.deleteFrom("staff_branches").where("staff_id", "=", staffId).execute();
  if (branchIds.length)
    await q
      .insertInto("staff_branches")
      .values(branchIds.map((branch_id) => ({ staff_id: staffId, branch_id })))
      .execute();
}

/** Active company admins, locked until the transaction ends so two demotions cannot race. */
export async function lockActiveAdmins(q: Q) {
  const rows = await q
    .selectFrom("staff")
    .select("id")
    .where("role", "=", "COMPANY_ADMIN")
    .where("is_active", "=", true)
    .orderBy("id")
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/** Services of `serviceIds` that exist, and whether `branchId` offers each. */
export async function servicesForBranch(q: Q, branchId: string, serviceIds: string[]) {
  if (!serviceIds.length) return [];
  return q
    .selectFrom("services as s")
    .leftJoin("branch_services as bs", (j) =>
      j.onRef("bs.service_id", "=", "s.id").on("bs.branch_id", "=", branchId),
    )
    .select(["s.id", "s.letter", sql<boolean>`bs.branch_id is not null`.as("offered")])
    .where("s.id", "in", serviceIds)
    .execute();
}
