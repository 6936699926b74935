import type { Kysely } from "kysely";
import type { Database } from "../../db/tables";

type Q = Kysely<Database>;

const n = (v: unknown) => Number(v ?? 0);

/** The figures the set-up checklist is made from; one small query each. */
export async function setupCounts(q: Q) {
  const branches = await q
    .selectFrom("branches")
    .select((eb) => [
      eb.fn.countAll<number>().as("total"),
      eb.fn.count<number>("id").filterWhere("status", "=", "OPEN").as("open"),
    ])
    .executeTakeFirstOrThrow();
  const openBranches = await q
    .selectFrom("branches as b")
    .select((eb) => [
      "b.id",
      "b.name",
      eb.cast<string>("b.weekly_hours", "text").as("hours"),
      eb
        .exists(
          eb
            .selectFrom("counters as c")
            .select("c.id")
            .whereRef("c.branch_id", "=", "b.id")
            .where("c.is_active", "=", true),
        )
        .as("has_counter"),
      eb
        .exists(
          eb
            .selectFrom("branch_services as bs")
            .innerJoin("services as s", "s.id", "bs.service_id")
            .select("s.id")
            .whereRef("bs.branch_id", "=", "b.id")
            .where("bs.enabled", "=", true)
            .where("s.is_active", "=", true),
        )
        .as("has_service"),
    ])
    .where("b.status", "=", "OPEN")
    .orderBy("b.code")
    .execute();
  const services = await q
    .selectFrom("services")
    .select((eb) => [
      eb.fn.countAll<number>().as("total"),
      eb.fn.count<number>("id").filterWhere("is_active", "=", true).as("active"),
    ])
    .executeTakeFirstOrThrow();
  const counters = await q
    .selectFrom("counters")
    .select((eb) => eb.fn.count<number>("id").filterWhere("is_active", "=", true).as("active"))
    .executeTakeFirstOrThrow();
  const operators = await q
    .selectFrom("staff")
    .select((eb) => [
      eb.fn.countAll<number>().as("active"),
      eb.fn
        .count<number>("id")
        .filterWhere((w) =>
          w.exists(
            w
              .selectFrom("staff_services as ss")
              .select("ss.staff_id")
              .whereRef("ss.staff_id", "=", "staff.id"),
          ),
        )
        .as("serving"),
    ])
    .where("role", "=", "OPERATOR")
    .where("is_active", "=", true)
    .executeTakeFirstOrThrow();
  const devices = await q
    .selectFrom("devices")
    .select((eb) => [
      eb.fn.count<number>("id").filterWhere("token_hash", "is not", null).as("paired"),
      eb.fn
        .count<number>("id")
        .filterWhere((w) => w.and([w("token_hash", "is not", null), w("kind", "=", "KIOSK")]))
        .as("kiosks"),
    ])
    .where("revoked_at", "is", null)
    .executeTakeFirstOrThrow();
  return {
    branches: { total: n(branches.total), open: n(branches.open) },
    openBranches: openBranches.map((b) => ({
      id: b.id,
      name: b.name,
      hasHours: b.hours !== "{}",
      hasCounter: Boolean(b.has_counter),
      hasService: Boolean(b.has_service),
    })),
    services: { total: n(services.total), active: n(services.active) },
    counters: { active: n(counters.active) },
    operators: { active: n(operators.active), serving: n(operators.serving) },
    devices: { paired: n(devices.paired), kiosks: n(devices.kiosks) },
  };
}

export const findCompanyState = (db: Q, id: string) =>
  db
    .selectFrom("platform.companies")
    .select(["status", "ready_requested_at", "activated_at"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();

export const markReadyRequested = (db: Q, id: string, at: Date) =>
  db
    .updateTable("platform.companies")
    .set({ ready_requested_at: at, updated_at: at })
    .where("id", "=", id)
    .execute();
