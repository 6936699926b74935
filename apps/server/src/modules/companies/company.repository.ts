import { sql } from "kysely";
import type { Db } from "../../db/database";
import type { CompanyStatus } from "../../db/tables";
import type { CompanyRecord } from "../tenancy";

export type CompanyListQuery = {
  search?: string | undefined;
  status?: CompanyStatus | undefined;
  page: number;
  pageSize: number;
};

const escapeLike = (s: string) => s.replace(/[%_\\]/g, "\\$&");

/** Companies by name, slug or admin e-mail, newest first. */
export async function listCompanies(db: Db, q: CompanyListQuery) {
  let base = db.selectFrom("platform.companies");
  if (q.status) base = base.where("status", "=", q.status);
  if (q.search) {
    const like = `%${escapeLike(q.search)}%`;
    base = base.where((eb) =>
      eb.or([
        eb("name", "ilike", like),
        eb("slug", "ilike", like),
        eb("admin_email", "ilike", like),
      ]),
    );
  }
  const counted = await base
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const items = await base
    .selectAll()
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items, total: Number(counted.total) };
}

export const findCompanyById = (db: Db, id: string): Promise<CompanyRecord | undefined> =>
  db.selectFrom("platform.companies").selectAll().where("id", "=", id).executeTakeFirst();

/** The public directory: ACTIVE companies by name, optionally matching a search. */
export function listActiveCompanies(db: Db, search?: string) {
  let q = db
    .selectFrom("platform.companies")
    .leftJoin("platform.company_ratings as r", "r.company_id", "platform.companies.id")
    .select(["name", "slug", "logo_id", "description", "default_language"])
    .select(["r.ratings", "r.stars_total"])
    .where("status", "=", "ACTIVE");
  if (search) {
    const like = `%${escapeLike(search)}%`;
    q = q.where((eb) =>
      eb.or([
        eb("name", "ilike", like),
        eb("slug", "ilike", like),
        sql<boolean>`exists (select 1 from jsonb_each_text(${eb.ref("description")}) d
          where d.value ilike ${like})`,
      ]),
    );
  }
  return q.orderBy("name").limit(500).execute();
}
