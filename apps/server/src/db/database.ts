import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { PGliteDialect } from "./pglite-dialect";
import type { Database } from "./tables";

export type Db = Kysely<Database>;

export type DatabaseOptions = {
  /** PostgreSQL URL; when absent the embedded PGlite database in `dataDir` is used. */
  url?: string | undefined;
  dataDir?: string | undefined;
  /** Keep PGlite in memory (tests). */
  inMemory?: boolean;
  poolSize?: number;
};

export type DatabaseHandle = {
  db: Db;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
};

// int8 (bigint) and numeric come back as strings from pg by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// A `date` is a calendar day in a branch's time zone, not an instant: keep it as "YYYY-MM-DD".
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v) => v);

/** Opens the database the configuration names: PostgreSQL when a URL is given, PGlite otherwise. */
export async function openDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await sql`select 1`.execute(db);
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  let dir: string | undefined;
  if (!opts.inMemory) {
    dir = path.resolve(opts.dataDir ?? "./data", "pglite");
    fs.mkdirSync(dir, { recursive: true });
  }
  const parsers = { [DATE_OID]: (v: string) => v };
  const pglite = await PGlite.create(dir ? { dataDir: dir, parsers } : { parsers });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: "pglite", close: () => db.destroy() };
}
