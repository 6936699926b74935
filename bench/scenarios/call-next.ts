/**
 * `call-next`: operators over real HTTP (keep-alive sockets) loop call-next and close the ticket
 * (cancel by default; `--close finish` does start + finish) on pre-issued tickets, with the server
 * in its own process. Bars (BENCHMARKS.md): ≥ 0.25 of the pgbench anchor (dequeue-many; dequeue-hot
 * for `hot-queue`), p99 < 25 ms, 0 duplicate calls, 0 lost tickets. `hot-queue` runs the same code
 * on one branch and one service.
 *
 * Anchor, same run: `runAnchor` (bench/lib/anchor.ts) runs the matching pgq_*.sql with pgbench,
 * 8 clients, on its own database seeded with comparable rows, after the app phase.
 *
 * Own ceiling (context, `own_ratio`), same run, same data: the app's own statements for the same served calls (the
 * call-next statement, then the close: scope + ticket read and the version-checked update), run
 * through the app's repository functions on plain `pg` connections (8 by default), each owning a
 * share of the operators — see `rawCallCycle`. Measured once before and once after the app phase
 * (averaged), with the tickets put back to WAITING and vacuumed between phases.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import type { Args } from "../lib/args";
import { loadAvg, logger, openPgBench } from "../lib/bench-env";
import { openDatabase } from "@equeue/server/db";
import {
  RAW_CEILING_SQL,
  rawCallCycle,
  runOperators,
  type CloseMode,
  type RawResult,
} from "../lib/call-loop";
import { runAnchor, type AnchorName } from "../lib/anchor";
import { HttpClient } from "../lib/http";
import { checkpoint } from "../lib/pg";
import { buildFixture, queueAudit, resetQueues } from "../lib/queue-fixture";
import { commandLine, machineInfo, printResult, writeResult, type Bar } from "../lib/results";
import { REPO_ROOT, ServerProcess } from "../lib/server-proc";
import { round, summarize } from "../lib/stats";

/** The commit the server code comes from, and whether apps/server had uncommitted changes. */
export function serverTree(): { commit: string; uncommitted_server_files: string[] } {
  const git = (a: string[]) =>
    execFileSync("git", a, { cwd: REPO_ROOT, encoding: "utf8" }).trimEnd();
  try {
    return {
      commit: git(["rev-parse", "--short", "HEAD"]),
      uncommitted_server_files: git(["status", "--porcelain", "--", "apps/server", "packages"])
        .split("\n")
        .filter(Boolean)
        .map((l) => l.slice(3)),
    };
  } catch {
    return { commit: "unknown", uncommitted_server_files: [] };
  }
}

export type CallNextConfig = {
  name: "call-next" | "hot-queue";
  companies: number;
  branches: number;
  services: number;
  operatorsPerBranch: number;
  ticketsPerBranch: number;
  anchor: AnchorName;
  /** Rows the anchor's database is seeded with (at least enough never to run dry). */
  anchorRows: number;
  ratioBar: number;
  p99Bar: number;
  lostBar: boolean;
};

export async function runCallNextScenario(
  cfg: CallNextConfig,
  args: Args,
  argv: string[],
): Promise<{ pass: boolean }> {
  const seconds = args.int("seconds", 30);
  const rawSeconds = args.int("raw-seconds", 5);
  const rawClients = args.int("raw-clients", 8);
  const close = (args.get("close") ?? "cancel") as CloseMode;
  const thinkMs = args.int("think-ms", 0);
  const anchorSeconds = args.int("anchor-seconds", 10);
  const anchorClients = args.int("anchor-clients", 8);
  if (close !== "cancel" && close !== "finish") throw new Error("--close must be cancel or finish");
  const outFile = args.get("out") ?? cfg.name;
  const log = logger(cfg.name);
  const loadStart = loadAvg();
  const bench = await openPgBench(log, Math.max(10, rawClients + 2));
  let server: ServerProcess | null = null;
  let http: HttpClient | null = null;
  let raw: Awaited<ReturnType<typeof openDatabase>> | null = null;
  try {
    log(
      `set-up: ${cfg.companies} companies × ${cfg.branches} branches × ${cfg.services} services, ` +
        `${cfg.operatorsPerBranch} operators and ${cfg.ticketsPerBranch} tickets per branch`,
    );
    const setupStarted = performance.now();
    const fx = await buildFixture(
      bench.setup,
      bench.connect,
      {
        companies: cfg.companies,
        branchesPerCompany: cfg.branches,
        servicesPerBranch: cfg.services,
        operatorsPerBranch: cfg.operatorsPerBranch,
        ticketsPerBranch: cfg.ticketsPerBranch,
        slugPrefix: `cn${Math.random().toString(36).slice(2, 6)}`,
      },
      log,
    );
    await bench.setup.close();
    const schemas = fx.companies.map((c) => c.schema);
    await bench.exec("vacuum analyze");
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    log(
      `set-up done in ${setupSeconds.toFixed(1)} s: ${fx.operators.length} operators, ${fx.tickets} tickets`,
    );

    // 1. Raw ceiling (before): the app's statements on plain connections, same data.
    raw = await openDatabase({ url: bench.db.url, poolSize: rawClients });
    const rawDb = raw.db;
    const rawRun = () =>
      rawCallCycle(rawDb, fx.operators, { clients: rawClients, seconds: rawSeconds, close });
    // Warm-up, like the app's: its connections load the catalogs of every company once.
    await rawCallCycle(rawDb, fx.operators, { clients: rawClients, seconds: 3, close });
    await resetQueues(bench.exec, schemas);
    await checkpoint(bench.db.url);
    const rawBefore = await rawRun();
    log(
      `raw ceiling (before): ${rawBefore.calls_per_s} calls/s, call p99 ${rawBefore.p99_ms} ms, ` +
        `${rawBefore.errors} errors`,
    );
    await resetQueues(bench.exec, schemas);

    // 2. The app: server in a child process, operators over HTTP.
    server = await ServerProcess.start(bench.env);
    log(`server pid ${server.pid} on ${server.address}`);
    http = new HttpClient(server.address, fx.operators.length + 10);
    const warm = await runOperators(http, fx.operators, { seconds: 3, close });
    log(`warm-up: ${warm.calls} calls, ${warm.errors} errors (tickets reset afterwards)`);
    await resetQueues(bench.exec, schemas);
    // The subscribers finish what the fixture and the warm-up left them before the measured load.
    const settleMs = await server.settle();
    log(`the event subscribers caught up in ${settleMs} ms`);
    await checkpoint(bench.db.url);
    await server.reset();
    const clientCpu = process.cpuUsage();
    log(
      `${fx.operators.length} operators loop call-next + ${close} for ${seconds} s` +
        (thinkMs ? ` (pause 0–${2 * thinkMs} ms between customers)` : " (no pause)"),
    );
    const loop = await runOperators(http, fx.operators, { seconds, close, thinkMs });
    const serverStats = await server.stats();
    const clientCpuPct =
      Math.round(
        ((process.cpuUsage(clientCpu).user + process.cpuUsage(clientCpu).system) /
          1e4 /
          loop.seconds) *
          10,
      ) / 10;
    log(
      `app: ${loop.calls} calls in ${loop.seconds.toFixed(1)} s = ${loop.calls_per_s.toFixed(1)}/s, ` +
        `${loop.errors} errors, ${loop.empty} operators found their queue empty`,
    );
    http.close();
    http = null;
    const serverFinal = await server.stop();
    server = null;

    // 3. Duplicates and lost tickets, from the database.
    const audit = await queueAudit(bench.exec, schemas);
    const duplicates = audit.duplicateCalls + loop.duplicate_ids;
    const lost = Math.max(0, fx.tickets - audit.total) + audit.calledWithoutEvent;

    // 4. Raw ceiling (after).
    await resetQueues(bench.exec, schemas);
    await checkpoint(bench.db.url);
    const rawAfter = await rawRun();
    await raw.close();
    raw = null;
    log(`raw ceiling (after): ${rawAfter.calls_per_s} calls/s, call p99 ${rawAfter.p99_ms} ms`);
    const ceiling = (rawBefore.calls_per_s + rawAfter.calls_per_s) / 2;

    // 5. The anchor: the minimal SQL for the same work, pgbench, its own database.
    const anchor = await runAnchor(cfg.anchor, {
      rows: Math.max(cfg.anchorRows, fx.tickets),
      clients: anchorClients,
      seconds: anchorSeconds,
      log,
    });

    const call = summarize(loop.call_latencies);
    const closeLat = summarize(loop.close_latencies);
    const ownRatio = loop.calls_per_s / ceiling;
    const ratio = loop.calls_per_s / anchor.ops_per_s;
    const tree = serverTree();
    const peakRss = Math.max(serverStats.peak_rss_mb, serverFinal?.peak_rss_mb ?? 0);
    const result = {
      name: cfg.name,
      date: new Date().toISOString(),
      commit: tree.commit,
      command: commandLine(cfg.name, argv),
      load_avg: loadStart,
      ops_per_s: round(loop.calls_per_s),
      anchor_ops_per_s: anchor.ops_per_s,
      ratio: round(ratio, 3),
      own_ceiling_ops_per_s: round(ceiling),
      ceiling_ops_per_s: round(ceiling),
      own_ratio: round(ownRatio, 3),
      p50_ms: round(call.p50),
      p99_ms: round(call.p99),
      // No paced phase yet: p99_ms is the closed loop at saturation.
      paced_p99_ms: null,
      duplicates,
      lost,
      errors: loop.errors,
      peak_rss_mb: peakRss,
      scale: {
        companies: cfg.companies,
        branches_per_company: cfg.branches,
        services_per_branch: cfg.services,
        operators: fx.operators.length,
        tickets: fx.tickets,
      },
      close_mode: close,
      think_ms: thinkMs,
      seconds: round(loop.seconds),
      calls: loop.calls,
      requests_per_s: round(loop.requests_per_s),
      call_p90_ms: round(call.p90),
      call_max_ms: round(call.max),
      close_p50_ms: round(closeLat.p50),
      close_p99_ms: round(closeLat.p99),
      operators_with_empty_queue: loop.empty,
      call_events: audit.callEvents,
      tickets_in_db: audit.total,
      tickets_waiting_at_end: audit.waiting,
      duplicate_call_events: audit.duplicateCalls,
      duplicate_ids_seen_by_clients: loop.duplicate_ids,
      called_without_event: audit.calledWithoutEvent,
      anchor,
      ceiling_runs: [rawBefore, rawAfter] as RawResult[],
      ceiling_sql: RAW_CEILING_SQL,
      server_tree: tree,
      server_rss_mb: serverStats.rss_now_mb,
      server_peak_rss_mb: peakRss,
      server_event_loop_lag_p99_ms: serverStats.lag_p99_ms,
      server_cpu_percent: serverStats.cpu_percent,
      client_cpu_percent: clientCpuPct,
      client_rss_mb: round(process.memoryUsage().rss / 1024 / 1024, 1),
      server_pool_size: 10,
      setup_s: round(setupSeconds),
      error_samples: loop.error_samples,
      rss_note: "peak_rss_mb is the server child process alone (HTTP clients run in the parent)",
      load_avg_start: loadStart,
      load_avg_end: loadAvg(),
      machine: machineInfo("postgres", bench.version),
    };
    const bars: Bar[] = [
      {
        name: `throughput vs the anchor ${anchor.anchor}`,
        target: `≥ ${cfg.ratioBar}`,
        actual: `${ratio.toFixed(3)} (${loop.calls_per_s.toFixed(0)} / ${anchor.ops_per_s.toFixed(0)} calls/s; own_ratio ${ownRatio.toFixed(2)} of ${ceiling.toFixed(0)})`,
        pass: ratio >= cfg.ratioBar,
      },
      {
        name: "call-next p99 (closed loop; the bar is for a paced run at half of capacity)",
        target: `< ${cfg.p99Bar} ms`,
        actual: `${call.p99?.toFixed(1)} ms`,
        pass: call.p99 !== null && call.p99 < cfg.p99Bar,
      },
      {
        name: "duplicate calls",
        target: "0",
        actual: String(duplicates),
        pass: duplicates === 0,
      },
    ];
    if (cfg.lostBar)
      bars.push({ name: "lost tickets", target: "0", actual: String(lost), pass: lost === 0 });
    bars.push({
      name: "errors",
      target: "0",
      actual: String(loop.errors),
      pass: loop.errors === 0,
    });
    const file = writeResult({ ...result, bars }, outFile);
    printResult(result, bars);
    log(`wrote ${path.relative(process.cwd(), file)} (load ${os.loadavg()[0]?.toFixed(1)})`);
    return { pass: bars.every((b) => b.pass) };
  } finally {
    http?.close();
    await server?.stop();
    await raw?.close().catch(() => {});
    await bench.close().catch((err: unknown) => log(`cleanup: ${String(err)}`));
  }
}

export function run(args: Args, argv: string[]) {
  return runCallNextScenario(
    {
      name: "call-next",
      companies: args.int("companies", 100),
      branches: args.int("branches", 5),
      services: args.int("services", 2),
      operatorsPerBranch: args.int("operators-per-branch", 1),
      ticketsPerBranch: args.int("tickets-per-branch", 300),
      anchor: "deq_many",
      anchorRows: 150_000,
      ratioBar: 0.25,
      p99Bar: 25,
      lostBar: true,
    },
    args,
    argv,
  );
}
