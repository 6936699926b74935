import type { Selectable } from "kysely";
import type { Db } from "../../db/database";
import type { ApiKeysTable } from "../../db/tables";

export type ApiKeyRow = Selectable<ApiKeysTable>;

/** A company's keys, newest first (revoked ones included: the list is also the record). */
export const listApiKeys = (db: Db, companyId: string) =>
  db
    .selectFrom("platform.api_keys")
    .selectAll()
    .where("company_id", "=", companyId)
    .orderBy("created_at", "desc")
    .limit(200)
    .execute();

export const insertApiKey = (
  db: Db,
  row: {
    company_id: string;
    prefix: string;
    secret_hash: string;
    name: string;
    scopes: string[];
    rate_limit_per_minute: number;
    created_by: string;
  },
) =>
  db
    .insertInto("platform.api_keys")
    .values({ ...row, scopes: JSON.stringify(row.scopes) })
    .returningAll()
    .executeTakeFirstOrThrow();

/** Revokes one of the company's keys (once: a second revoke keeps the first time). */
export const revokeApiKeyRow = (db: Db, companyId: string, id: string, now: Date) =>
  db
    .updateTable("platform.api_keys")
    .set((eb) => ({ revoked_at: eb.fn.coalesce("revoked_at", eb.val(now)) }))
    .where("company_id", "=", companyId)
    .where("id", "=", id)
    .returningAll()
    .executeTakeFirst();
