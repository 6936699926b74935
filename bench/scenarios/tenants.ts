/**
 * `tenants`: create N companies (one schema each) through the real HTTP API, verify every schema
 * exists, then apply one new company migration to all of them. Bars (BENCHMARKS.md):
 * provisioning p50 < 500 ms each; migrate-all of 2,000 companies < 2 min.
 *
 * The raw ceiling is the same DDL done directly (create schema + schema_migrations + the company
 * migration statements + branding and admin rows, one transaction per schema) on the same engine.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { loadConfig, startPlatform } from "@equeue/server/platform";
import {
  type Db,
  type ProvisioningStep,
  companyMigrations,
  migrateAllCompanies,
} from "@equeue/server/db";
import { hashPassword } from "@equeue/server/queue";
import { dbKindOf, type Args, type DbKind } from "../lib/args";
import { checkpoint, createThrowawayDatabase, serverVersion, type ThrowawayDb } from "../lib/pg";
import {
  barsPass,
  commandLine,
  machineInfo,
  printResult,
  writeResult,
  type Bar,
} from "../lib/results";
import { RssSampler } from "../lib/rss";
import { round, runPool, summarize } from "../lib/stats";
import {
  combine,
  pgliteCeiling,
  postgresCeiling,
  roundCeiling,
  type Ceiling,
} from "../lib/tenants-ceiling";
import { PROBE_VERSION, probeMigration } from "../lib/tenants-probe";

export { probeMigration };

const SUPER_ADMIN = { email: "bench@e-queue.test", password: "Bench-Super-Secret-1" };
const PROVISION_P50_BAR_MS = 500;
const MIGRATE_ALL_BAR_S = 120;
const BAR_COMPANIES = 2000;

/** p50 of each provisioning step the server recorded (registry, schema, migrate, admin, ...). */
async function provisioningSteps(db: Db): Promise<Record<string, number | null>> {
  const rows = await db.selectFrom("platform.companies").select("provisioning").execute();
  const byStep = new Map<string, number[]>();
  for (const row of rows) {
    const raw: unknown = row.provisioning;
    const steps = (typeof raw === "string" ? JSON.parse(raw) : raw) as ProvisioningStep[];
    for (const st of steps ?? []) {
      const list = byStep.get(st.key) ?? [];
      list.push(st.ms);
      byStep.set(st.key, list);
    }
  }
  return Object.fromEntries([...byStep].map(([k, v]) => [k, round(summarize(v).p50)]));
}

/**
 * On Citus (docs/citus.md): how many distributed schemas each node holds, and whether
 * `platform` stayed on the coordinator (null on other engines).
 */
async function schemaPlacement(db: Db): Promise<Record<string, number> | null> {
  const { rows: ext } = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_extension where extname = 'citus'`.execute(db);
  if (!ext[0]?.n) return null;
  const { rows } = await sql<{ node: string; schemas: number }>`
    select n.nodename || ':' || n.nodeport as node, count(distinct s.schema_name)::int as schemas
    from citus_schemas s
    join citus_shards sh on sh.colocation_id = s.colocation_id
    join pg_dist_node n on n.nodename = sh.nodename and n.nodeport = sh.nodeport
    group by 1 order by 1`.execute(db);
  const { rows: platform } = await sql<{ n: number }>`select count(*)::int as n
    from citus_schemas where schema_name = 'platform'::regnamespace`.execute(db);
  return {
    ...Object.fromEntries(rows.map((r) => [r.node, r.schemas])),
    platform_distributed: platform[0]?.n ?? 0,
  };
}

/** What one admin password hash costs here: alone, and throughput with 32 queued at once. */
async function argon2Cost(): Promise<{ sequential_ms: number; parallel_per_s: number }> {
  await hashPassword("warm-up-Passw0rd");
  const n = 16;
  let t = performance.now();
  for (let i = 0; i < n; i++) await hashPassword(`Bench-Passw0rd-${i}`);
  const sequential = (performance.now() - t) / n;
  t = performance.now();
  await Promise.all(Array.from({ length: 2 * n }, (_, i) => hashPassword(`Bench-Passw0rd-${i}`)));
  return { sequential_ms: sequential, parallel_per_s: (2 * n) / ((performance.now() - t) / 1000) };
}

async function postJson(
  url: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: string }> {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.text() };
}

export async function run(args: Args, argv: string[]): Promise<{ pass: boolean }> {
  const dbKind: DbKind = dbKindOf(args);
  const companies = args.int("companies", 2000);
  const clients = Math.max(1, args.int("clients", 4));
  const concurrency = Math.max(1, args.int("concurrency", 4));
  const ceilingCount = Math.max(1, args.int("ceiling", Math.min(200, companies || 200)));
  const outFile = args.get("out") ?? (dbKind === "postgres" ? "tenants" : `tenants-${dbKind}`);
  const runId = randomBytes(3).toString("hex");
  const log = (msg: string) =>
    console.log(`[tenants ${new Date().toISOString().slice(11, 19)}] ${msg}`);

  const loadStart = os.loadavg().map((v) => round(v));
  const cleanup: (() => Promise<void>)[] = [];
  let throwaway: ThrowawayDb | null = null;
  let dbVersion: string | null = null;
  // PostgreSQL: the raw ceiling runs before and after the app phases (averaged). PGlite: only
  // after, since a second in-process PGlite instance would inflate the peak RSS reported.
  let ceilingBefore: Ceiling | null = null;
  if (dbKind === "postgres") {
    throwaway = await createThrowawayDatabase();
    cleanup.push(throwaway.drop);
    dbVersion = await serverVersion(throwaway.url);
    log(`database ${throwaway.name} (${dbVersion})`);
    try {
      log(`raw ceiling (before): ${ceilingCount} schemas`);
      ceilingBefore = await postgresCeiling(ceilingCount, clients, cleanup);
      log(
        `raw ceiling ${ceilingBefore.provision_per_s.toFixed(1)} schemas/s, migrate ${ceilingBefore.migrate_per_s.toFixed(1)}/s`,
      );
    } catch (err) {
      for (const c of cleanup.reverse()) await c().catch(() => {});
      throw err;
    }
  } else {
    dbVersion = "PGlite (in-memory)";
  }

  const rss = new RssSampler(100).start();
  const config = loadConfig({
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    DATA_DIR: path.join(os.tmpdir(), `eq-bench-${runId}`),
    SUPER_ADMIN_EMAIL: SUPER_ADMIN.email,
    SUPER_ADMIN_PASSWORD: SUPER_ADMIN.password,
    PUBLIC_URL: "http://localhost:3000",
    ACCESS_TOKEN_TTL_SECONDS: "86400",
    ...(throwaway && { DATABASE_URL: throwaway.url }),
  });
  const platform = await startPlatform(config, {
    inMemory: dbKind === "pglite",
    serveWeb: false,
    mail: null,
  });
  let result: Record<string, unknown> | null = null;
  let bars: Bar[] = [];
  try {
    const address = await platform.app.listen({ host: "127.0.0.1", port: 0 });
    log(
      `server listening on ${address}; provisioning ${companies} companies with ${clients} HTTP clients`,
    );

    const login = await postJson(`${address}/api/platform/auth/login`, SUPER_ADMIN);
    if (login.status !== 200)
      throw new Error(`super admin login failed: ${login.status} ${login.body}`);
    const token = (JSON.parse(login.body) as { accessToken: string }).accessToken;

    // 1. Provision N companies over HTTP (after a checkpoint, so each phase starts with clean buffers).
    if (throwaway) await checkpoint(throwaway.url);
    const latencies: number[] = [];
    const errorSamples: string[] = [];
    let errors = 0;
    let done = 0;
    const provStarted = performance.now();
    await runPool(companies, clients, async (i) => {
      const slug = `b${runId}-${i}`;
      const t = performance.now();
      try {
        const res = await postJson(
          `${address}/api/platform/companies`,
          { name: `Bench Company ${i}`, slug, adminEmail: `admin@${slug}.uz` },
          token,
        );
        if (res.status !== 201) throw new Error(`${res.status} ${res.body.slice(0, 300)}`);
        latencies.push(performance.now() - t);
      } catch (err) {
        errors++;
        if (errorSamples.length < 5)
          errorSamples.push(`${slug}: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (++done % 250 === 0) log(`${done}/${companies} created`);
    });
    const provSeconds = (performance.now() - provStarted) / 1000;
    const prov = summarize(latencies);
    log(
      `provisioned in ${provSeconds.toFixed(1)} s (p50 ${prov.p50?.toFixed(1)} ms, errors ${errors})`,
    );

    // 2. Verify every company exists with its schema.
    const db = platform.ctx.db;
    const countOf = async (q: ReturnType<typeof sql<{ n: number }>>) =>
      Number((await q.execute(db)).rows[0]?.n ?? 0);
    const schemasFound = await countOf(
      sql<{
        n: number;
      }>`select count(*)::int as n from information_schema.schemata where schema_name like ${"t\\_b" + runId + "\\_%"}`,
    );
    const registryRows = await countOf(
      sql<{ n: number }>`select count(*)::int as n from platform.companies`,
    );
    const lost = Math.max(0, companies - schemasFound);
    const stepMs = await provisioningSteps(db);
    const placement = await schemaPlacement(db);
    if (placement) log(`Citus: company schemas per node ${JSON.stringify(placement)}`);
    const duplicates = Math.max(0, schemasFound - companies);

    // 3. One new company migration, applied to every company.
    if (throwaway) await checkpoint(throwaway.url);
    log(
      `migrating ${registryRows} companies to version ${PROBE_VERSION} (concurrency ${concurrency})`,
    );
    const migStarted = performance.now();
    const report = await migrateAllCompanies(db, {
      migrations: [...companyMigrations, probeMigration],
      concurrency,
    });
    const migrateSeconds = (performance.now() - migStarted) / 1000;
    const atProbe = await countOf(
      sql<{
        n: number;
      }>`select count(*)::int as n from platform.companies where schema_version = ${PROBE_VERSION}`,
    );
    const probeTables = await countOf(
      sql<{ n: number }>`select count(*)::int as n from information_schema.tables
        where table_name = 'bench_probe' and table_schema like ${"t\\_b" + runId + "\\_%"}`,
    );
    log(
      `migrated in ${migrateSeconds.toFixed(1)} s (${report.migrated} migrated, ${report.failed.length} failed)`,
    );
    const memory = rss.stop();

    // Databases are dropped only at the end: DROP DATABASE forces a checkpoint, which would land
    // in the middle of the next measurement.
    await platform.close();
    if (throwaway) await checkpoint(throwaway.url);

    // 4. Raw ceiling for the same DDL on the same engine.
    log(`raw ceiling (after): ${ceilingCount} schemas`);
    const ceilingAfter =
      dbKind === "postgres"
        ? await postgresCeiling(ceilingCount, clients, cleanup)
        : await pgliteCeiling(ceilingCount);
    log(
      `raw ceiling ${ceilingAfter.provision_per_s.toFixed(1)} schemas/s, migrate ${ceilingAfter.migrate_per_s.toFixed(1)}/s`,
    );
    const ceiling = ceilingBefore ? combine(ceilingBefore, ceilingAfter) : ceilingAfter;

    const argon2 = await argon2Cost();
    log(
      `argon2id hash: ${argon2.sequential_ms.toFixed(1)} ms alone, ${argon2.parallel_per_s.toFixed(0)}/s on all cores`,
    );

    const opsPerS = latencies.length / provSeconds;
    const migratePerS = report.migrated / migrateSeconds;
    const projected = companies > 0 ? (migrateSeconds * BAR_COMPANIES) / companies : null;
    result = {
      name: "tenants",
      date: new Date().toISOString(),
      command: commandLine("tenants", argv),
      ops_per_s: round(opsPerS),
      ceiling_ops_per_s: round(ceiling.provision_per_s),
      ratio: round(opsPerS / ceiling.provision_per_s, 3),
      p50_ms: round(prov.p50),
      p99_ms: round(prov.p99),
      duplicates,
      lost,
      errors,
      peak_rss_mb: memory.peak_rss_mb,
      companies,
      provision_p50_ms: round(prov.p50),
      migrate_all_s: round(migrateSeconds),
      db: dbKind,
      http_clients: clients,
      migrate_concurrency: concurrency,
      provision_total_s: round(provSeconds),
      provision_p90_ms: round(prov.p90),
      provision_max_ms: round(prov.max),
      schemas_found: schemasFound,
      registry_rows: registryRows,
      migrate_per_s: round(migratePerS),
      migrate_migrated: report.migrated,
      migrate_failed: report.failed.length,
      migrate_verified: Math.min(atProbe, probeTables),
      migrate_all_projected_2000_s: round(projected),
      provision_step_p50_ms: stepMs,
      ...(placement && { citus_schemas_per_node: placement }),
      argon2_hash_ms: round(argon2.sequential_ms),
      argon2_hashes_per_s: round(argon2.parallel_per_s),
      ceiling_schemas: ceiling.schemas,
      ceiling_runs: ceilingBefore
        ? [ceilingBefore, ceilingAfter].map(roundCeiling)
        : [roundCeiling(ceilingAfter)],
      ceiling_provision_p50_ms: round(ceiling.provision_p50_ms),
      ceiling_migrate_per_s: round(ceiling.migrate_per_s),
      migrate_ratio: round(migratePerS / ceiling.migrate_per_s, 3),
      sampled_peak_rss_mb: memory.sampled_peak_rss_mb,
      max_rss_mb: memory.max_rss_mb,
      rss_note: "bench client and server share one process (server started in-process)",
      error_samples: errorSamples,
      migrate_failures: report.failed.slice(0, 5),
      load_avg_start: loadStart,
      load_avg_end: os.loadavg().map((v) => round(v)),
      machine: machineInfo(dbKind, dbVersion),
    };
    const migrateFigure = companies === BAR_COMPANIES ? migrateSeconds : (projected ?? Infinity);
    bars = [
      {
        name: "provisioning p50",
        target: `< ${PROVISION_P50_BAR_MS} ms each`,
        actual: `${prov.p50?.toFixed(1) ?? "—"} ms`,
        pass: prov.p50 !== null && prov.p50 < PROVISION_P50_BAR_MS,
        speed: true,
      },
      {
        name: `migrate-all (${BAR_COMPANIES} companies)`,
        target: `< ${MIGRATE_ALL_BAR_S} s`,
        actual:
          companies === BAR_COMPANIES
            ? `${migrateSeconds.toFixed(1)} s`
            : `${migrateFigure.toFixed(1)} s projected from ${migrateSeconds.toFixed(1)} s for ${companies}`,
        pass: migrateFigure < MIGRATE_ALL_BAR_S,
        speed: true,
      },
      {
        name: "every company created, schema present and migrated",
        target: "0 errors, 0 lost, 0 migration failures",
        actual: `${errors} errors, ${lost} lost, ${report.failed.length} failed, ${Math.min(atProbe, probeTables)}/${companies} at v${PROBE_VERSION}`,
        pass:
          errors === 0 &&
          lost === 0 &&
          duplicates === 0 &&
          report.failed.length === 0 &&
          Math.min(atProbe, probeTables) === companies,
      },
    ];
    result.bars = bars;
    const file = writeResult(result as Parameters<typeof writeResult>[0], outFile);
    printResult(result, bars);
    log(`wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await platform.close();
    for (const c of cleanup.reverse())
      await c().catch((err: unknown) => console.warn(`[tenants] cleanup: ${String(err)}`));
  }
  return { pass: barsPass(bars, args.flag("smoke")) };
}
