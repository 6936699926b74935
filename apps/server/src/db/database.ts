import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql, type PostgresPool } from "kysely";
import pg from "pg";
import { isConnectFailure } from "../shared/db-errors";
import { PGliteDialect } from "./pglite-dialect";
import { AffinePool, affineDatabases, partitionsFor } from "./company-affinity";
import { DEFAULT_PREPARED_PER_CONNECTION, preparedStatements } from "./prepared";
import type { Database } from "./tables";

export type Db = Kysely<Database>;

export type DatabaseOptions = {
  /** PostgreSQL URL; when absent the embedded PGlite database in `dataDir` is used. */
  url?: string | undefined;
  dataDir?: string | undefined;
  /** Keep PGlite in memory (tests). */
  inMemory?: boolean;
  /** Start the in-memory PGlite from this data-directory dump instead of an empty cluster (tests). */
  pgliteDump?: Blob | undefined;
  poolSize?: number;
  /**
   * PostgreSQL: a second pool of this many connections for background work (`background`), so
   * that requests and background work never wait for each other's connections. Unset: the
   * background shares the one pool. The embedded database always shares its one connection.
   */
  backgroundPoolSize?: number;
  /** How long a request waits for a connection (opening one or a free one in the pool). */
  connectTimeoutMs?: number;
  /**
   * How many prepared statements (see db/prepared.ts) each PostgreSQL connection keeps; 0 turns
   * them off.
   */
  preparedPerConnection?: number;
  /** Where connection trouble is reported; the pool never crashes the process over it. */
  log?: DbLog;
};

type DbLog = { warn: (obj: object, msg: string) => void };

export type DatabaseHandle = {
  db: Db;
  /** For background work (event dispatch, notifications, outbox): its own pool, or `db`. */
  background: Db;
  kind: "postgres" | "pglite";
  /** PostgreSQL with the Citus extension (schema-based sharding; docs/citus.md). */
  citus: boolean;
  close: () => Promise<void>;
  /** The pool's connections now (metrics); null on the embedded database, which has none. */
  poolStats: () => { total: number; idle: number; waiting: number } | null;
};

// int8 (bigint) and numeric come back as strings from pg by default; our counts fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// A `date` is a calendar day in a branch's time zone, not an instant: keep it as "YYYY-MM-DD".
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (v) => v);

const citusDbs = new WeakSet<Db>();

/**
 * The database is a Citus coordinator: company schemas live on workers, and the few statements
 * Citus cannot run on a worker in one piece take another form there (see callNextUnlogged).
 */
export const isCitus = (db: Db): boolean => citusDbs.has(db);

/** Opens the database the configuration names: PostgreSQL when a URL is given, PGlite otherwise. */
export async function openDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (opts.url) {
    let prepare = true;
    const capacity = opts.preparedPerConnection ?? DEFAULT_PREPARED_PER_CONNECTION;
    const size = opts.poolSize ?? 10;
    // Prepared statements stay on a company's home connections (db/company-affinity.ts).
    const n = capacity > 0 ? partitionsFor(size) : 1;
    const pool = new AffinePool(
      Array.from({ length: n }, (_, i) => {
        const max = Math.floor(size / n) + (i < size % n ? 1 : 0);
        const part = openPool({ ...opts, poolSize: max });
        const wrap = (client: pg.PoolClient) =>
          preparedStatements(client, { capacity, enabled: () => prepare });
        return { pool: part, max, connect: retryingConnect(part, wrap).connect };
      }),
    );
    const db = affineDatabases<Database>(pool, n);
    const { rows } = await sql<{
      citus: boolean;
    }>`select exists (select 1 from pg_extension where extname = 'citus') as citus`.execute(db);
    const citus = rows[0]?.citus === true;
    if (citus) citusDbs.add(db);
    // Citus routes each statement to a worker itself; keep its statements unnamed.
    if (citus) prepare = false;
    let background = db;
    if (opts.backgroundPoolSize) {
      background = new Kysely<Database>({
        dialect: new PostgresDialect({
          pool: retryingConnect(openPool({ ...opts, poolSize: opts.backgroundPoolSize })),
        }),
      });
      if (citus) citusDbs.add(background);
    }
    return {
      db,
      background,
      kind: "postgres",
      citus,
      close: async () => {
        if (background !== db) await background.destroy();
        await db.destroy();
      },
      poolStats: () => {
        const sum = (f: (p: pg.Pool) => number) => pool.pools.reduce((a, p) => a + f(p), 0);
        return {
          total: sum((p) => p.totalCount),
          idle: sum((p) => p.idleCount),
          waiting: sum((p) => p.waitingCount),
        };
      },
    };
  }
  let dir: string | undefined;
  if (!opts.inMemory) {
    dir = path.resolve(opts.dataDir ?? "./data", "pglite");
    fs.mkdirSync(dir, { recursive: true });
  }
  const parsers = { [DATE_OID]: (v: string) => v };
  const pglite = await PGlite.create(
    dir
      ? { dataDir: dir, parsers }
      : { parsers, ...(opts.pgliteDump && { loadDataDir: opts.pgliteDump }) },
  );
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  // One connection: background work takes its turn on it (a second Kysely would interleave
  // two transactions on one session).
  return {
    db,
    background: db,
    kind: "pglite",
    citus: false,
    close: () => db.destroy(),
    poolStats: () => null,
  };
}

/**
 * A pg pool that survives the database going away (restart, failover, pg_terminate_backend,
 * idle timeouts): every client carries an 'error' listener, so a connection dropped while idle
 * or between two statements is logged and discarded instead of an unhandled 'error' event that
 * kills the process. Requests wait at most `connectTimeoutMs` for a connection, so an outage
 * answers 503 quickly instead of hanging.
 */
function openPool(opts: DatabaseOptions): pg.Pool {
  const log = opts.log ?? console;
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.poolSize ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  // Idle clients: pg-pool removes the broken one and re-emits the error here.
  pool.on("error", (err) => log.warn({ err }, "database connection lost while idle; discarded"));
  // Checked-out clients have no pool listener; pg-pool discards them on release (not queryable).
  pool.on("connect", (client) => {
    client.on("error", (err) => log.warn({ err }, "database connection lost"));
  });
  return pool;
}

const CONNECT_RETRY_DELAYS_MS = [100, 400];

/**
 * Opening a connection that was refused (database restarting, too many connections) sent
 * nothing, so it is tried again after a short pause; a blip of a second is then invisible to
 * requests. What fails after a statement was sent is not retried here (its outcome is unknown).
 */
function retryingConnect(
  pool: pg.Pool,
  wrap: (client: pg.PoolClient) => pg.PoolClient = (client) => client,
): PostgresPool {
  return {
    connect: async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return wrap(await pool.connect());
        } catch (err) {
          const delay = CONNECT_RETRY_DELAYS_MS[attempt];
          if (delay === undefined || !isConnectFailure(err)) throw err;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    },
    end: () => pool.end(),
  };
}
