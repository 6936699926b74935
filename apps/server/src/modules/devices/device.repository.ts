import { type Insertable, type Kysely, type Updateable } from "kysely";
import type { Database, DeviceKind, DevicesTable } from "../../db/tables";

type Q = Kysely<Database>;

export async function listDevices(
  q: Q,
  f: { branchIds: string[] | null; kind?: DeviceKind | undefined },
) {
  if (f.branchIds && !f.branchIds.length) return [];
  return q
    .selectFrom("devices")
    .selectAll()
    .$if(f.branchIds !== null, (qb) => qb.where("branch_id", "in", f.branchIds!))
    .$if(f.kind !== undefined, (qb) => qb.where("kind", "=", f.kind!))
    .orderBy("created_at")
    .execute();
}

export const findDevice = (q: Q, id: string) =>
  q.selectFrom("devices").selectAll().where("id", "=", id).executeTakeFirst();

export const insertDevice = (q: Q, values: Insertable<DevicesTable>) =>
  q.insertInto("devices").values(values).returningAll().executeTakeFirstOrThrow();

export const updateDeviceRow = (q: Q, id: string, set: Updateable<DevicesTable>) =>
  q.updateTable("devices").set(set).where("id", "=", id).returningAll().executeTakeFirstOrThrow();

export const deleteDeviceRow = (q: Q, id: string) =>
  q.deleteFrom("devices").where("id", "=", id).execute();

/** Devices waiting for a code, locked so that two pairings with one code cannot both win. */
export const lockPendingPairings = (q: Q) =>
  q
    .selectFrom("devices")
    .select(["id", "pairing_code_hash", "pairing_expires_at"])
    .where("pairing_code_hash", "is not", null)
    .where("revoked_at", "is", null)
    .orderBy("id")
    .forUpdate()
    .execute();

export const listPendingPairings = (q: Q) =>
  q
    .selectFrom("devices")
    .select(["id", "pairing_code_hash"])
    .where("pairing_code_hash", "is not", null)
    .where("revoked_at", "is", null)
    .execute();

export const findBranchRef = (q: Q, id: string) =>
  q
    .selectFrom("branches")
    .select(["id", "slug", "code", "name", "time_zone"])
    .where("id", "=", id)
    .executeTakeFirst();

/** Services a branch offers that are enabled there and active. */
export const listOfferedServices = (q: Q, branchId: string) =>
  q
    .selectFrom("services as s")
    .innerJoin("branch_services as bs", "bs.service_id", "s.id")
    .select([
      "s.id",
      "s.letter",
      "s.name",
      "s.duration_minutes",
      "s.show_on_kiosk",
      "bs.enabled",
      "s.is_active",
    ])
    .where("bs.branch_id", "=", branchId)
    .orderBy("s.letter")
    .execute();
