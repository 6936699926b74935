import type { Insertable, Kysely, Updateable } from "kysely";
import type { CountersTable, Database } from "../../db/tables";

type Q = Kysely<Database>;

export const listCounters = (q: Q, branchId: string) =>
  q
    .selectFrom("counters")
    .selectAll()
    .where("branch_id", "=", branchId)
    .orderBy("number")
    .execute();

export const findCounter = (q: Q, id: string) =>
  q.selectFrom("counters").selectAll().where("id", "=", id).executeTakeFirst();

export const findCounterByNumber = (q: Q, branchId: string, number: number) =>
  q
    .selectFrom("counters")
    .select("id")
    .where("branch_id", "=", branchId)
    .where("number", "=", number)
    .executeTakeFirst();

export const insertCounter = (q: Q, values: Insertable<CountersTable>) =>
  q.insertInto("counters").values(values).returningAll().executeTakeFirstOrThrow();

export const updateCounterRow = (q: Q, id: string, set: Updateable<CountersTable>) =>
  q.updateTable("counters").set(set).where("id", "=", id).returningAll().executeTakeFirstOrThrow();

export const deleteCounterRow = (q: Q, id: string) =>
  q.deleteFrom("counters").where("id", "=", id).execute();

/** Whether any ticket was ever served at the counter (tickets keep their counter id). */
export async function counterHasTickets(q: Q, id: string) {
  const row = await q
    .selectFrom("tickets")
    .select("id")
    .where("counter_id", "=", id)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
