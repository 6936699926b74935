import type { Kysely } from "kysely";
import type { Database } from "../../db/tables";

type Q = Kysely<Database>;

export { findStaff } from "./staff.repository";

/** The operator's own branch and the branches a manager manages, flagged. */
export const listProfileBranches = (q: Q, staffId: string, ownBranchId: string | null) =>
  q
    .selectFrom("branches as b")
    .select([
      "b.id",
      "b.slug",
      "b.code",
      "b.name",
      "b.time_zone",
      "b.status",
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom("staff_branches as sb")
              .select("sb.staff_id")
              .whereRef("sb.branch_id", "=", "b.id")
              .where("sb.staff_id", "=", staffId),
          )
          .as("managed"),
    ])
    .where((eb) =>
      eb.or([
        ...(ownBranchId ? [eb("b.id", "=", ownBranchId)] : []),
        eb(
          "b.id",
          "in",
          eb.selectFrom("staff_branches").select("branch_id").where("staff_id", "=", staffId),
        ),
      ]),
    )
    .orderBy("b.code")
    .execute();

export const findProfileCounter = (q: Q, id: string) =>
  q.selectFrom("counters").selectAll().where("id", "=", id).executeTakeFirst();

export const listProfileServices = (q: Q, staffId: string) =>
  q
    .selectFrom("services as s")
    .innerJoin("staff_services as ss", "ss.service_id", "s.id")
    .select(["s.id", "s.letter", "s.name", "s.duration_minutes", "s.is_active"])
    .where("ss.staff_id", "=", staffId)
    .orderBy("s.letter")
    .execute();
