import type { Insertable, Kysely, Updateable } from "kysely";
import type { BranchExceptionsTable, BranchesTable, Database } from "../../db/tables";
import { bookingsOfBranchService } from "../booking";
import { LIST_MAX } from "@equeue/contracts/schemas";

type Q = Kysely<Database>;

const escapeLike = (s: string) => s.replace(/[%_\\]/g, "\\$&");

/** Branches, optionally only `ids`, by name/slug/code search and status; by code. */
export async function listBranches(
  q: Q,
  f: { search?: string | undefined; status?: "OPEN" | "CLOSED" | undefined; ids: string[] | null },
) {
  if (f.ids && f.ids.length === 0) return [];
  let base = q.selectFrom("branches").selectAll();
  if (f.ids) base = base.where("id", "in", f.ids);
  if (f.status) base = base.where("status", "=", f.status);
  if (f.search) {
    const like = `%${escapeLike(f.search)}%`;
    base = base.where((eb) =>
      eb.or([
        eb("slug", "ilike", like),
        eb("code", "ilike", like),
        eb(eb.cast("name", "text"), "ilike", like),
      ]),
    );
  }
  return base.orderBy("code").execute();
}

export const findBranch = (q: Q, id: string) =>
  q.selectFrom("branches").selectAll().where("id", "=", id).executeTakeFirst();

/** A branch other than `exceptId` already using this slug or code. */
export const findBranchClash = (
  q: Q,
  slug: string | undefined,
  code: string | undefined,
  exceptId?: string,
) =>
  q
    .selectFrom("branches")
    .select(["id", "slug", "code"])
    .where((eb) =>
      eb.or([...(slug ? [eb("slug", "=", slug)] : []), ...(code ? [eb("code", "=", code)] : [])]),
    )
    .$if(exceptId !== undefined, (qb) => qb.where("id", "<>", exceptId!))
    .executeTakeFirst();

export const insertBranch = (q: Q, values: Insertable<BranchesTable>) =>
  q.insertInto("branches").values(values).returningAll().executeTakeFirstOrThrow();

export const updateBranchRow = (q: Q, id: string, set: Updateable<BranchesTable>) =>
  q
    .updateTable("branches")
    .set({ ...set, updated_at: new Date() })
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirstOrThrow();

export const deleteBranchRow = (q: Q, id: string) =>
  q.deleteFrom("branches").where("id", "=", id).execute();

export async function countBranchTickets(q: Q, branchId: string) {
  const row = await q
    .selectFrom("tickets")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("branch_id", "=", branchId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export const listExceptions = (q: Q, branchId: string, from?: string, to?: string) =>
  q
    .selectFrom("branch_exceptions")
    .selectAll()
    .where("branch_id", "=", branchId)
    .$if(from !== undefined, (qb) => qb.where("day", ">=", from!))
    .$if(to !== undefined, (qb) => qb.where("day", "<=", to!))
    .orderBy("day")
    .limit(LIST_MAX.exceptions)
    .execute();

export const findExceptionOnDay = (q: Q, branchId: string, day: string) =>
  q
    .selectFrom("branch_exceptions")
    .select("id")
    .where("branch_id", "=", branchId)
    .where("day", "=", day)
    .executeTakeFirst();

export const insertException = (q: Q, values: Insertable<BranchExceptionsTable>) =>
  q.insertInto("branch_exceptions").values(values).returningAll().executeTakeFirstOrThrow();

export const deleteException = (q: Q, branchId: string, id: string) =>
  q
    .deleteFrom("branch_exceptions")
    .where("branch_id", "=", branchId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();

/** Services assigned to a branch, with their per-branch switch. */
export const listBranchServices = (q: Q, branchId: string) =>
  q
    .selectFrom("branch_services as bs")
    .innerJoin("services as s", "s.id", "bs.service_id")
    .select(["bs.service_id", "bs.enabled", "s.letter", "s.name", "s.is_active"])
    .select(bookingsOfBranchService)
    .where("bs.branch_id", "=", branchId)
    .orderBy("s.letter")
    .execute();

/** Replaces a branch's service assignments with `rows`. */
export async function replaceBranchServices(
  q: Q,
  branchId: string,
  rows: { serviceId: string; enabled: boolean }[],
) {
  await q.deleteFrom("branch_services").where("branch_id", "=", branchId).execute();
  if (rows.length)
    await q
      .insertInto("branch_services")
      .values(
        rows.map((r) => ({ branch_id: branchId, service_id: r.serviceId, enabled: r.enabled })),
      )
      .execute();
}

/** Operators of the branch stop serving services the branch no longer offers. */
export async function pruneOperatorServices(q: Q, branchId: string, offered: string[]) {
  let del = q
    .deleteFrom("staff_services")
    .where("staff_id", "in", q.selectFrom("staff").select("id").where("branch_id", "=", branchId));
  if (offered.length) del = del.where("service_id", "not in", offered);
  await del.execute();
}

/** Gives a new branch the services another one offers (enabled or not) and its counters. */
export async function copyServicesAndCounters(q: Q, fromId: string, toId: string) {
  const services = await q
    .selectFrom("branch_services")
    .select(["service_id as serviceId", "enabled"])
    .where("branch_id", "=", fromId)
    .execute();
  await replaceBranchServices(q, toId, services);
  const counters = await q
    .selectFrom("counters")
    .select(["number", "name", "is_active"])
    .where("branch_id", "=", fromId)
    .orderBy("number")
    .execute();
  if (counters.length)
    await q
      .insertInto("counters")
      .values(counters.map((c) => ({ branch_id: toId, ...c })))
      .execute();
}
