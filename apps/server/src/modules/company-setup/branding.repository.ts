import type { Kysely } from "kysely";
import type { Database } from "../../db/tables";

export const findBranding = (q: Kysely<Database>) =>
  q
    .selectFrom("branding")
    .select(["name", "logo_id", "primary_color"])
    .where("id", "=", 1)
    .executeTakeFirst();

export const updatePrimaryColor = (q: Kysely<Database>, color: string | null) =>
  q
    .updateTable("branding")
    .set({ primary_color: color, updated_at: new Date() })
    .where("id", "=", 1)
    .execute();
