/**
 * The raw-SQL ceiling of the `tenants` scenario: the same DDL and rows as provisioning and as
 * the probe migration, run directly with `pg` or PGlite, one transaction per schema.
 */
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { companyMigrations, quoteIdent } from "@equeue/server/db";
import { checkpoint, createThrowawayDatabase } from "./pg";
import { round, runPool, summarize } from "./stats";
import { PROBE_VERSION, probeMigration } from "./tenants-probe";

// An argon2id hash in the app's format, so the raw ceiling inserts a row of the same shape.
const FIXED_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hzYWx0YmVuY2g$2Yq3Q9bS0m6m3Yb6oYQm1kq0Xy7c8y2v4mPqk9V2x2o";

/** Exactly the statements one raw provisioning transaction runs, in order. */
function rawProvisionStatements(schema: string): Statement[] {
  const q = quoteIdent(schema);
  const out: Statement[] = [
    { text: `create schema ${q}` },
    {
      text: `create table ${q}.schema_migrations (version integer primary key, name text not null,
           applied_at timestamptz not null default now())`,
    },
  ];
  for (const m of companyMigrations) {
    for (const s of m.statements(q)) out.push({ text: s });
    out.push({
      text: `insert into ${q}.schema_migrations (version, name) values ($1, $2)`,
      params: [m.version, m.name],
    });
  }
  out.push({
    text: `insert into ${q}.branding (id, name, logo_id) values (1, $1, null)`,
    params: [`Raw ${schema}`],
  });
  out.push({
    text: `insert into ${q}.staff (email, name, role, password_hash, must_change_password, password_expires_at)
           values ($1, 'Administrator', 'COMPANY_ADMIN', $2, true, now() + interval '7 days')`,
    params: [`admin@${schema}.uz`, FIXED_HASH],
  });
  return out;
}

function rawMigrateStatements(schema: string): Statement[] {
  const q = quoteIdent(schema);
  return [
    { text: `select version from ${q}.schema_migrations` },
    ...probeMigration.statements(q).map((text) => ({ text })),
    {
      text: `insert into ${q}.schema_migrations (version, name) values ($1, $2)`,
      params: [PROBE_VERSION, probeMigration.name],
    },
  ];
}

export type Ceiling = {
  provision_per_s: number;
  provision_p50_ms: number | null;
  migrate_per_s: number;
  schemas: number;
};

type Statement = { text: string; params?: unknown[] };
type Exec = (stmts: Statement[]) => Promise<void>;

async function timeLoop(
  count: number,
  concurrency: number,
  makeStatements: (i: number) => Statement[],
  exec: Exec,
) {
  const latencies: number[] = [];
  const started = performance.now();
  await runPool(count, concurrency, async (i) => {
    const t = performance.now();
    await exec(makeStatements(i));
    latencies.push(performance.now() - t);
  });
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: count / seconds, p50: summarize(latencies).p50 };
}

/**
 * Raw ceiling on PostgreSQL: a `pg` pool with `clients` connections on its own throwaway
 * database, one transaction per schema. The database is dropped by `cleanup` at the very end,
 * because DROP DATABASE forces a checkpoint that would land in a later measurement.
 */
export async function postgresCeiling(
  count: number,
  clients: number,
  cleanup: (() => Promise<void>)[],
): Promise<Ceiling> {
  const db = await createThrowawayDatabase("eq_bench_raw");
  cleanup.push(db.drop);
  const pool = new pg.Pool({ connectionString: db.url, max: clients });
  pool.on("error", (err) =>
    console.warn(`[tenants] ceiling pool: idle client dropped (${err.message})`),
  );
  try {
    const exec: Exec = async (stmts) => {
      const c = await pool.connect();
      try {
        await c.query("begin");
        for (const s of stmts) await c.query(s.text, s.params);
        await c.query("commit");
      } catch (err) {
        await c.query("rollback").catch(() => {});
        throw err;
      } finally {
        c.release();
      }
    };
    await checkpoint(db.url);
    const prov = await timeLoop(count, clients, (i) => rawProvisionStatements(`r_${i}`), exec);
    await checkpoint(db.url);
    const mig = await timeLoop(count, clients, (i) => rawMigrateStatements(`r_${i}`), exec);
    return {
      provision_per_s: prov.perSecond,
      provision_p50_ms: prov.p50,
      migrate_per_s: mig.perSecond,
      schemas: count,
    };
  } finally {
    await pool.end();
  }
}

/** Raw ceiling on PGlite: its own in-memory instance, one connection, one statement per call. */
export async function pgliteCeiling(count: number): Promise<Ceiling> {
  const db = await PGlite.create();
  try {
    const exec: Exec = async (stmts) => {
      await db.transaction(async (tx) => {
        for (const s of stmts) await tx.query(s.text, s.params ?? []);
      });
    };
    const prov = await timeLoop(count, 1, (i) => rawProvisionStatements(`r_${i}`), exec);
    const mig = await timeLoop(count, 1, (i) => rawMigrateStatements(`r_${i}`), exec);
    return {
      provision_per_s: prov.perSecond,
      provision_p50_ms: prov.p50,
      migrate_per_s: mig.perSecond,
      schemas: count,
    };
  } finally {
    await db.close();
  }
}

export const roundCeiling = (c: Ceiling) => ({
  provision_per_s: round(c.provision_per_s),
  provision_p50_ms: round(c.provision_p50_ms),
  migrate_per_s: round(c.migrate_per_s),
  schemas: c.schemas,
});

/** The two ceiling runs (before and after the app phases) averaged, to damp drift on a shared machine. */
export function combine(a: Ceiling, b: Ceiling): Ceiling {
  const mean = (x: number, y: number) => (x + y) / 2;
  return {
    provision_per_s: mean(a.provision_per_s, b.provision_per_s),
    provision_p50_ms:
      a.provision_p50_ms !== null && b.provision_p50_ms !== null
        ? mean(a.provision_p50_ms, b.provision_p50_ms)
        : null,
    migrate_per_s: mean(a.migrate_per_s, b.migrate_per_s),
    schemas: a.schemas + b.schemas,
  };
}
