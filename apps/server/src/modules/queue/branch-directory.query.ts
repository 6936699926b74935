import type { BranchDirectoryDto } from "./queue-views.schema";
import type { CompanyQueryDb } from "./queue.types";
import { workplaceBranchId, type StaffWorkplace } from "./staff-workplace";

/**
 * The caller's branch as a counter screen needs it: which counters exist and who sits at them
 * (to pick one), every service the branch offers and who serves what (to transfer a customer).
 * Names and statuses only; nothing about customers.
 */
export async function branchDirectory(
  db: CompanyQueryDb,
  scope: StaffWorkplace,
): Promise<BranchDirectoryDto> {
  const branchId = workplaceBranchId(scope);
  const branch = branchId
    ? await db
        .selectFrom("branches")
        .select(["id", "name"])
        .where("id", "=", branchId)
        .executeTakeFirst()
    : undefined;
  if (!branch) return { branch: null, counters: [], services: [], operators: [] };

  const [counters, services, operators, assignments] = await Promise.all([
    db
      .selectFrom("counters as c")
      .leftJoin("operator_status as o", (j) =>
        j.onRef("o.counter_id", "=", "c.id").on("o.status", "<>", "OFFLINE"),
      )
      .leftJoin("staff as s", "s.id", "o.staff_id")
      .select(["c.id", "c.number", "c.name", "s.id as staff_id", "s.name as staff_name"])
      .where("c.branch_id", "=", branch.id)
      .where("c.is_active", "=", true)
      .orderBy("c.number")
      .execute(),
    db
      .selectFrom("services as sv")
      .innerJoin("branch_services as bs", "bs.service_id", "sv.id")
      .select(["sv.id", "sv.name", "sv.letter"])
      .where("bs.branch_id", "=", branch.id)
      .where("bs.enabled", "=", true)
      .where("sv.is_active", "=", true)
      .orderBy("sv.letter")
      .execute(),
    db
      .selectFrom("staff as s")
      .leftJoin("operator_status as o", "o.staff_id", "s.id")
      .leftJoin("counters as c", "c.id", "o.counter_id")
      .select(["s.id", "s.name", "o.status", "c.number as counter_number"])
      .where("s.is_active", "=", true)
      .where((eb) => eb.or([eb("s.branch_id", "=", branch.id), eb("o.branch_id", "=", branch.id)]))
      .where("s.role", "in", ["OPERATOR", "BRANCH_MANAGER", "COMPANY_ADMIN"])
      .orderBy("s.name")
      .execute(),
    db.selectFrom("staff_services").select(["staff_id", "service_id"]).execute(),
  ]);
  const servicesOf = new Map<string, string[]>();
  for (const a of assignments)
    servicesOf.set(a.staff_id, [...(servicesOf.get(a.staff_id) ?? []), a.service_id]);
  const offered = new Set(services.map((s) => s.id));
  return {
    branch,
    counters: counters.map((c) => ({
      id: c.id,
      number: c.number,
      name: c.name,
      occupiedBy: c.staff_id && c.staff_name ? { id: c.staff_id, name: c.staff_name } : null,
    })),
    services,
    operators: operators
      .filter((o) => o.status !== null || (servicesOf.get(o.id)?.length ?? 0) > 0)
      .map((o) => ({
        id: o.id,
        name: o.name,
        status: o.status ?? "OFFLINE",
        counterNumber: o.status && o.status !== "OFFLINE" ? (o.counter_number ?? null) : null,
        serviceIds: (servicesOf.get(o.id) ?? []).filter((id) => offered.has(id)),
      })),
  };
}
