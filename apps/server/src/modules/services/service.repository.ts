import type { Insertable, Kysely, Updateable } from "kysely";
import type { Database, ServicesTable } from "../../db/tables";
import { bookingsOfBranchService } from "../booking";

type Q = Kysely<Database>;

const escapeLike = (s: string) => s.replace(/[%_\\]/g, "\\$&");

export async function listServices(
  q: Q,
  f: { search?: string | undefined; active?: boolean | undefined },
) {
  let base = q.selectFrom("services").selectAll();
  if (f.active !== undefined) base = base.where("is_active", "=", f.active);
  if (f.search) {
    const like = `%${escapeLike(f.search)}%`;
    base = base.where((eb) =>
      eb.or([
        eb("code", "ilike", like),
        eb("letter", "ilike", like),
        eb(eb.cast("name", "text"), "ilike", like),
      ]),
    );
  }
  return base.orderBy("letter").orderBy("code").execute();
}

export const findService = (q: Q, id: string) =>
  q.selectFrom("services").selectAll().where("id", "=", id).executeTakeFirst();

/** Which of `ids` name services of this company. */
export async function findExistingServiceIds(q: Q, ids: string[]) {
  if (!ids.length) return [];
  const rows = await q.selectFrom("services").select("id").where("id", "in", ids).execute();
  return rows.map((r) => r.id);
}

/** A service other than `exceptId` already using this code or letter. */
export const findServiceClash = (
  q: Q,
  f: { code?: string | undefined; letter?: string | undefined },
  exceptId?: string,
) =>
  q
    .selectFrom("services")
    .select(["id", "code", "letter"])
    .where((eb) =>
      eb.or([
        ...(f.code ? [eb("code", "=", f.code)] : []),
        ...(f.letter ? [eb("letter", "=", f.letter)] : []),
      ]),
    )
    .$if(exceptId !== undefined, (qb) => qb.where("id", "<>", exceptId!))
    .executeTakeFirst();

/** Codes starting with `prefix`, to derive a free one. */
export async function codesLike(q: Q, prefix: string) {
  const rows = await q
    .selectFrom("services")
    .select("code")
    .where("code", "like", `${escapeLike(prefix)}%`)
    .execute();
  return new Set(rows.map((r) => r.code));
}

export const insertService = (q: Q, values: Insertable<ServicesTable>) =>
  q.insertInto("services").values(values).returningAll().executeTakeFirstOrThrow();

export const updateServiceRow = (q: Q, id: string, set: Updateable<ServicesTable>) =>
  q
    .updateTable("services")
    .set({ ...set, updated_at: new Date() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteServiceRow = (q: Q, id: string) =>
  q.deleteFrom("services").where("id", "=", id).execute();

export async function countServiceTickets(q: Q, serviceId: string) {
  const row = await q
    .selectFrom("tickets")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("service_id", "=", serviceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Branch assignments of the given services. */
export async function listAssignments(q: Q, serviceIds: string[]) {
  if (!serviceIds.length) return [];
  return q
    .selectFrom("branch_services as bs")
    .select(["bs.service_id", "bs.branch_id", "bs.enabled"])
    .select(bookingsOfBranchService)
    .where("bs.service_id", "in", serviceIds)
    .execute();
}

/** Replaces the branches a service is offered at. */
export async function replaceServiceBranches(
  q: Q,
  serviceId: string,
  rows: { branchId: string; enabled: boolean }[],
) {
  await q.deleteFrom("branch_services").where("service_id", "=", serviceId).execute();
  if (rows.length)
    await q
      .insertInto("branch_services")
      .values(
        rows.map((r) => ({ branch_id: r.branchId, service_id: serviceId, enabled: r.enabled })),
      )
      .execute();
}

/** Operators of branches that no longer offer the service stop serving it. */
export async function pruneServiceOperators(q: Q, serviceId: string, branchIds: string[]) {
  let staff = q.selectFrom("staff").select("id").where("branch_id", "is not", null);
  if (branchIds.length) staff = staff.where("branch_id", "not in", branchIds);
  await q
    .deleteFrom("staff_services")
    .where("service_id", "=", serviceId)
    .where("staff_id", "in", staff)
    .execute();
}

/** Which of `ids` name branches of this company. */
export async function findExistingBranchIds(q: Q, ids: string[]) {
  if (!ids.length) return [];
  const rows = await q.selectFrom("branches").select("id").where("id", "in", ids).execute();
  return rows.map((r) => r.id);
}
