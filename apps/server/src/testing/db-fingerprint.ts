import { sql } from "kysely";
import type { Db } from "../db/database";

/** Columns left out of a table's fingerprint: `schema.table` (or `*.table`) → column names. */
export type FingerprintIgnore = Record<string, string[]>;

/**
 * Row count and a hash of every row of every table in `schemas`, so a test can prove that a
 * series of requests wrote nothing (updates included, not just inserts).
 */
export async function fingerprintTables(
  db: Db,
  schemas: string[],
  ignore: FingerprintIgnore = {},
): Promise<Record<string, string>> {
  const tables = await sql<{ table_schema: string; table_name: string }>`
    select table_schema, table_name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema in (${sql.join(schemas)})
    order by 1, 2`.execute(db);
  const out: Record<string, string> = {};
  for (const { table_schema, table_name } of tables.rows) {
    const name = `${table_schema}.${table_name}`;
    const skip = [...(ignore[name] ?? []), ...(ignore[`*.${table_name}`] ?? [])];
    const { rows } = await sql<{ n: number; h: string | null }>`
      select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h
      from (select to_jsonb(t) - ${sql.val(skip)}::text[] as x
            from ${sql.table(name)} as t) as s`.execute(db);
    out[name] = `${rows[0]?.n ?? 0} rows, ${rows[0]?.h ?? "-"}`;
  }
  return out;
}
