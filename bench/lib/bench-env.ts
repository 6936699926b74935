/** Shared set-up of the queue benchmarks: throwaway database, set-up platform, server env. */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Platform, loadConfig, startPlatform } from "@equeue/server/platform";
import { createThrowawayDatabase, serverVersion, type ThrowawayDb } from "./pg";
import type { Exec } from "./queue-fixture";
import { round } from "./stats";

export const SUPER_ADMIN = { email: "bench@e-queue.test", password: "Bench-Super-Secret-1" };

export const logger = (name: string) => (msg: string) =>
  console.log(`[${name} ${new Date().toISOString().slice(11, 19)}] ${msg}`);

/** The environment of the server under test (the same one the set-up platform uses). */
export function serverEnv(extra: Record<string, string> = {}): Record<string, string> {
  const runId = randomBytes(3).toString("hex");
  return {
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    DATA_DIR: path.join(os.tmpdir(), `eq-bench-${runId}`),
    SUPER_ADMIN_EMAIL: SUPER_ADMIN.email,
    SUPER_ADMIN_PASSWORD: SUPER_ADMIN.password,
    PUBLIC_URL: "http://localhost:3000",
    ACCESS_TOKEN_TTL_SECONDS: "86400",
    JWT_SECRET: randomBytes(32).toString("hex"),
    // The benchmarks drive each operator as fast as the server answers (far beyond a person's
    // pace) and poll many customers' tickets from one address: the platform-wide per-client
    // limit would measure itself. The routes' own limits (logins, codes, the portal) stay on.
    RATE_LIMIT_ENABLED: "false",
    ...extra,
    // Settings to try without editing a scenario, e.g.
    // BENCH_SERVER_ENV_EXTRA='{"DATABASE_POOL_SIZE":"16"}' (the record's `command` names them).
    ...(JSON.parse(process.env.BENCH_SERVER_ENV_EXTRA ?? "{}") as Record<string, string>),
  };
}

export type PgBench = {
  db: ThrowawayDb;
  version: string;
  env: Record<string, string>;
  /** In-process platform used only to provision and sign tokens; closed before the run. */
  setup: Platform;
  pool: pg.Pool;
  connect: () => Promise<{ exec: Exec; release: () => void }>;
  exec: Exec;
  close: () => Promise<void>;
};

/**
 * A throwaway PostgreSQL database, migrated, with a set-up platform and a `pg` pool on it; on
 * the admin server of BENCH_DATABASE_URL unless `adminUrl` names another (the embedded one).
 */
export async function openPgBench(
  log: (m: string) => void,
  poolSize = 8,
  adminUrl?: string,
): Promise<PgBench> {
  const db = await createThrowawayDatabase("eq_bench", adminUrl);
  const version = await serverVersion(db.url);
  log(`database ${db.name} (${version})`);
  const env = serverEnv({ DATABASE_URL: db.url });
  const pool = new pg.Pool({ connectionString: db.url, max: poolSize });
  pool.on("error", (err) => log(`pg pool: idle client dropped (${err.message})`));
  let setup: Platform;
  try {
    setup = await startPlatform(loadConfig(env), {
      serveWeb: false,
      mail: null,
      dayEndWorker: false,
    });
  } catch (err) {
    await pool.end();
    await db.drop();
    throw err;
  }
  const exec: Exec = async <R>(text: string, params: unknown[] = []) =>
    (await pool.query(text, params)).rows as R[];
  const connect = async () => {
    const c = await pool.connect();
    return {
      exec: async <R>(text: string, params: unknown[] = []) =>
        (await c.query(text, params)).rows as R[],
      release: () => c.release(),
    };
  };
  let closed = false;
  return {
    db,
    version,
    env,
    setup,
    pool,
    connect,
    exec,
    close: async () => {
      if (closed) return;
      closed = true;
      await setup.close().catch(() => {});
      await pool.end().catch(() => {});
      await db.drop();
    },
  };
}

export const loadAvg = () => os.loadavg().map((v) => round(v));
