/**
 * Which database `npm start` runs on when DATABASE_URL is not set: the managed PostgreSQL in
 * DATA_DIR/pg (durable) by default, PGlite in DATA_DIR/pglite where the PostgreSQL binaries are
 * missing, where EMBEDDED_DB=pglite asks for it, or where DATA_DIR holds a PGlite database from
 * before and no PostgreSQL one (its data is not moved silently).
 */
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config";
import {
  EmbeddedPostgresUnavailable,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from "./embedded-postgres";

export type EmbeddedChoice = {
  /** The configuration to start the platform with (DATABASE_URL set to the managed cluster). */
  config: Config;
  /** What the start banner says the database is. */
  label: string;
  /** Stops the managed cluster (after the platform closed its pool); a no-op otherwise. */
  stop: () => Promise<void>;
  cluster: EmbeddedPostgres | null;
};

const none = async () => {};

export async function chooseEmbeddedDatabase(
  config: Config,
  log: (msg: string) => void = (m) => console.log(m),
): Promise<EmbeddedChoice> {
  if (config.DATABASE_URL) return { config, label: "PostgreSQL", stop: none, cluster: null };
  const pgdata = path.resolve(config.DATA_DIR, "pg");
  const pglite = path.resolve(config.DATA_DIR, "pglite");
  const pgliteLabel = `PGlite in ${pglite} (not durable: fsync is off)`;
  let mode = config.EMBEDDED_DB;
  if (
    !mode &&
    fs.existsSync(path.join(pglite, "PG_VERSION")) &&
    !fs.existsSync(path.join(pgdata, "PG_VERSION"))
  ) {
    log(
      `  ${config.DATA_DIR} holds a PGlite database from an earlier version and no PostgreSQL ` +
        "one; staying on PGlite, which is not durable (fsync off). Nothing moves its data to " +
        "PostgreSQL yet: EMBEDDED_DB=postgres starts an empty durable database in " +
        `${pgdata} (the PGlite one stays where it is).`,
    );
    mode = "pglite";
  }
  if (mode === "pglite") return { config, label: pgliteLabel, stop: none, cluster: null };
  try {
    const cluster = await startEmbeddedPostgres({ pgdata, log: (m) => log(`  ${m}`) });
    return {
      config: { ...config, DATABASE_URL: cluster.url },
      label: `the embedded ${cluster.version} in ${cluster.dataDir} (log: ${cluster.logFile})`,
      stop: () => cluster.stop(),
      cluster,
    };
  } catch (err) {
    if (!(err instanceof EmbeddedPostgresUnavailable) || mode === "postgres") {
      const hint =
        err instanceof EmbeddedPostgresUnavailable
          ? "Install it (npm install), set DATABASE_URL, or leave EMBEDDED_DB unset for PGlite."
          : "Fix the cause above, set DATABASE_URL to another PostgreSQL, or set " +
            "EMBEDDED_DB=pglite for the non-durable PGlite.";
      throw new Error(`The embedded PostgreSQL did not start: ${(err as Error).message}\n${hint}`, {
        cause: err,
      });
    }
    log(
      `  No embedded PostgreSQL for this platform: ${err.message}.\n` +
        "  Falling back to PGlite, which is NOT durable (fsync off: a power loss can lose the " +
        "last acknowledged tickets). For production set DATABASE_URL.",
    );
    return { config, label: pgliteLabel, stop: none, cluster: null };
  }
}
