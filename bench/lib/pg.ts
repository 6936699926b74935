import { randomBytes } from "node:crypto";
import pg from "pg";
import { createCitusDatabase, databaseAt, hasCitus } from "@equeue/server/testing/citus-database";

export const DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export const adminUrl = () => process.env.BENCH_DATABASE_URL ?? DEFAULT_ADMIN_URL;

export type ThrowawayDb = { name: string; url: string; drop: () => Promise<void> };

/** Creates an empty database `eq_bench_<random>` on the admin server; `drop` removes it. */
export async function createThrowawayDatabase(
  prefix = "eq_bench",
  base = adminUrl(),
): Promise<ThrowawayDb> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  // A Citus coordinator (docs/citus.md): the database on every node, the nodes registered in it.
  if (await hasCitus(base)) {
    const drop = await createCitusDatabase(base, name);
    return { name, url: databaseAt(base, name), drop };
  }
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The server's version string, e.g. "PostgreSQL 15.20". */
export async function serverVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ v: string }>("select current_setting('server_version') as v");
    return `PostgreSQL ${r.rows[0]?.v ?? "?"}`;
  } finally {
    await c.end();
  }
}

/**
 * Flushes dirty buffers (CHECKPOINT needs superuser or pg_checkpoint) so a measured phase does not
 * pay for the previous phase's writes. Best effort: without the privilege it does nothing.
 */
export async function checkpoint(url: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query("checkpoint");
  } catch {
    // not allowed for this role; measure without it
  } finally {
    await c.end();
  }
}
