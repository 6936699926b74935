import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { loadConfig, type Config } from "../config";
import { createCitusDatabase, databaseAt, withClient } from "./citus-database";
import { migratedPgliteDump } from "./pglite-snapshot";
import { startPlatform, type Platform, type StartOptions } from "../platform";

export const SUPER_ADMIN = { email: "root@e-queue.test", password: "Sup3r-Secret-Pass" };

export type TestPlatform = Platform & { config: Config };

/**
 * A real platform on a real, empty database: in-memory PGlite by default, or a throwaway
 * PostgreSQL database (created here, dropped on close) when TEST_DATABASE_URL is set, or a
 * throwaway database on a Citus cluster when TEST_CITUS_URL is set (see createCitusDatabase).
 */
export async function createTestPlatform(
  env: Record<string, string> = {},
  opts: StartOptions = {},
): Promise<TestPlatform> {
  const citus = process.env.TEST_CITUS_URL;
  const base = citus ?? process.env.TEST_DATABASE_URL;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (base) {
    const name = `eq_test_${randomBytes(6).toString("hex")}`;
    const dropCitus = citus ? await createCitusDatabase(citus, name) : undefined;
    if (!citus) await withClient(base, (c) => c.query(`create database ${name}`));
    databaseUrl = databaseAt(base, name);
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      // pg's pool.end() resolves before its sockets have closed; a forced drop that races them
      // makes the closing clients emit "terminating connection" errors nobody listens to.
      for (let i = 0; i < 100; i++) {
        const { rows } = await c.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = $1 and backend_type = 'client backend'",
          [name],
        );
        if (!rows[0]?.n) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await c.end();
      if (dropCitus) await dropCitus();
      else await withClient(base, (d) => d.query(`drop database if exists ${name} with (force)`));
    };
  }
  const config = loadConfig({
    NODE_ENV: "test",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    DATA_DIR: path.join(os.tmpdir(), `eq-test-${randomBytes(4).toString("hex")}`),
    SUPER_ADMIN_EMAIL: SUPER_ADMIN.email,
    SUPER_ADMIN_PASSWORD: SUPER_ADMIN.password,
    PUBLIC_URL: "http://localhost:3000",
    LOGIN_RATE_LIMIT_PER_MINUTE: "10000",
    RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "100000",
    // Tests wait for the dispatcher to be idle: a second's gathering would add up over a suite.
    EVENTS_IDLE_GATHER_MS: "50",
    ...(databaseUrl && { DATABASE_URL: databaseUrl }),
    ...env,
  });
  const pgliteDump = databaseUrl ? undefined : await migratedPgliteDump();
  const platform = await startPlatform(config, {
    inMemory: !databaseUrl,
    ...(pgliteDump && { pgliteDump }),
    serveWeb: false,
    mail: null,
    ...opts,
  });
  return {
    ...platform,
    config,
    close: async () => {
      await platform.close();
      await dropDatabase();
    },
  };
}
