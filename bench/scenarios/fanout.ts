/**
 * `fanout`: N socket.io clients tracking tickets + one display board per branch, all connected
 * to ONE server node (a child process, measured alone: RSS, event-loop lag with
 * perf_hooks.monitorEventLoopDelay, CPU), while call events happen at a fixed rate.
 * Bars: p99 event delivery < 200 ms, event-loop lag p99 < 50 ms, server RSS < 2 GiB.
 *
 * Clients run in `--client-procs` child processes (websocket transport only). The call events are
 * driven inside the server process through the queue commands (call-next, then cancel to free the
 * counter — both are published), so the HTTP layer of the operators does not load the node.
 * The open-file limit of the children is raised to 65,536 with `ulimit -Hn/-n` (root here; the
 * default hard limit of 20,000 cannot hold 20,500 sockets in one process).
 */
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { quoteIdent } from "@equeue/server/db";
import type { Args } from "../lib/args";
import { loadAvg, logger, openPgBench } from "../lib/bench-env";
import type { FanoutItem, FanoutReply, FanoutReport, FanoutRequest } from "../lib/fanout-client";
import { checkpoint } from "../lib/pg";
import { buildFixture } from "../lib/queue-fixture";
import { commandLine, machineInfo, printResult, writeResult, type Bar } from "../lib/results";
import { ServerProcess, spawnTs, type DriveResult } from "../lib/server-proc";
import { percentile, round } from "../lib/stats";
import { serverTree } from "./call-next";

const NOFILE = 65_536;
const DELIVERY_P99_BAR_MS = 200;
const LAG_P99_BAR_MS = 50;
const RSS_BAR_MB = 2048;

const CLIENT_FILE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "lib",
  "fanout-client.ts",
);

class ClientProc {
  private readonly queue: FanoutReply[] = [];
  private waiter: ((m: FanoutReply) => void) | null = null;
  constructor(readonly child: ChildProcess) {
    child.on("message", (m) => {
      if (this.waiter) {
        const w = this.waiter;
        this.waiter = null;
        w(m as FanoutReply);
      } else this.queue.push(m as FanoutReply);
    });
  }
  ask<T extends FanoutReply["type"]>(
    req: FanoutRequest,
    timeoutMs: number,
  ): Promise<Extract<FanoutReply, { type: T }>> {
    this.child.send(req);
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued as Extract<FanoutReply, { type: T }>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`client process: no answer to ${req.type}`)),
        timeoutMs,
      );
      this.waiter = (m) => {
        clearTimeout(timer);
        resolve(m as Extract<FanoutReply, { type: T }>);
      };
    });
  }
  kill() {
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}

export async function run(args: Args, argv: string[]): Promise<{ pass: boolean }> {
  const trackers = args.int("clients", 20_000);
  const companies = args.int("companies", 100);
  const branches = args.int("branches", 5);
  const rate = args.int("rate", 500);
  const seconds = args.int("seconds", 30);
  const procs = Math.max(1, args.int("client-procs", 4));
  const concurrency = args.int("connect-concurrency", 100);
  const outFile = args.get("out") ?? "fanout";
  const log = logger("fanout");
  const loadStart = loadAvg();
  const branchCount = companies * branches;
  const ticketsPerBranch = args.int(
    "tickets-per-branch",
    Math.max(
      Math.ceil((trackers / branchCount) * 2),
      Math.ceil(((rate * seconds) / branchCount) * 1.5),
    ),
  );
  const bench = await openPgBench(log);
  let server: ServerProcess | null = null;
  const clients: ClientProc[] = [];
  try {
    const fx = await buildFixture(
      bench.setup,
      bench.connect,
      {
        companies,
        branchesPerCompany: branches,
        servicesPerBranch: 2,
        operatorsPerBranch: 1,
        ticketsPerBranch,
        displaysPerBranch: 1,
        slugPrefix: `fo${Math.random().toString(36).slice(2, 6)}`,
      },
      log,
    );
    await bench.setup.close();
    await bench.exec("vacuum analyze");
    // Trackers: a random half (or whatever N needs) of the waiting tickets of every company.
    const tokens: FanoutItem[] = [];
    for (const c of fx.companies) {
      const rows = await bench.exec<{ token: string }>(
        `select token from ${quoteIdent(c.schema)}.tickets order by random()`,
      );
      for (const r of rows) tokens.push({ slug: c.slug, kind: "tracker", token: r.token });
    }
    tokens.sort(() => Math.random() - 0.5);
    const displays = fx.branches.length;
    server = await ServerProcess.start(bench.env, NOFILE);
    const limit = (await server.stats()).nofile;
    // One node cannot hold more sockets than its open-file limit (minus database connections,
    // files and a margin): measure the largest number that fits and say so.
    const fits = limit ? Math.max(0, limit - displays - 400) : trackers;
    const trackerCount = Math.min(trackers, tokens.length, fits);
    const items: FanoutItem[] = [
      ...fx.branches.flatMap((b) =>
        b.displayTokens.map((token) => ({ slug: b.slug, kind: "display" as const, token })),
      ),
      ...tokens.slice(0, trackerCount),
    ];
    log(
      `server pid ${server.pid} on ${server.address}, open-file limit ${limit}; ` +
        `${trackerCount} trackers (of ${trackers} asked) + ${displays} display boards`,
    );
    for (let i = 0; i < procs; i++) clients.push(new ClientProc(spawnTs(CLIENT_FILE, {}, NOFILE)));
    const shares = clients.map((_, i) => items.filter((__, j) => j % procs === i));
    const connectStarted = performance.now();
    const connected = await Promise.all(
      clients.map((c, i) =>
        c.ask<"connected">(
          {
            type: "connect",
            address: server!.address,
            items: shares[i]!,
            concurrency,
            timeoutMs: 20_000,
          },
          600_000,
        ),
      ),
    );
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    const ok = connected.reduce((s, c) => s + c.connected, 0);
    const failedConnects = connected.reduce((s, c) => s + c.failed, 0);
    const idle = await server.stats();
    log(
      `connected ${ok}/${items.length} sockets in ${connectSeconds.toFixed(1)} s (${failedConnects} failed); ` +
        `server RSS ${idle.rss_now_mb} MB, trackers ${idle.trackers}`,
    );
    await new Promise((r) => setTimeout(r, 2000));
    // As in the other scenarios: no checkpoint of the set-up's WAL may land in the measured run.
    await checkpoint(bench.db.url);
    await server.reset();
    log(
      `driving ${rate} call events/s for ${seconds} s (call-next + cancel, in the server process)`,
    );
    const drive = (
      await server.ask<"drive">({
        type: "drive",
        rate,
        seconds,
        close: "cancel",
        operators: fx.operators.map((o) => ({ slug: o.slug, staffId: o.staffId })),
      })
    ).result as DriveResult;
    await new Promise((r) => setTimeout(r, 2000)); // the last events arrive
    const stats = await server.stats();
    const reports: FanoutReport[] = [];
    for (const c of clients)
      reports.push((await c.ask<"report">({ type: "report" }, 120_000)).report);
    log(
      `drive: ${drive.calls} calls in ${drive.seconds.toFixed(1)} s = ${drive.calls_per_s.toFixed(1)}/s; the call command itself p50 ${drive.call_command_p50_ms} ms, p99 ${drive.call_command_p99_ms} ms`,
    );

    const displayMs = reports.flatMap((r) => r.display_ms);
    const ownMs = reports.flatMap((r) => r.own_call_ms);
    const trackingMs = reports.flatMap((r) => r.tracking_ms);
    const delivery = [...displayMs, ...ownMs];
    const events: Record<string, number> = {};
    for (const r of reports)
      for (const [k, v] of Object.entries(r.events)) events[k] = (events[k] ?? 0) + v;
    const deliveryP99 = percentile(delivery, 99);
    const final = await server.stop();
    server = null;
    const peak = Math.max(stats.peak_rss_mb, final?.peak_rss_mb ?? 0);
    const result = {
      name: "fanout",
      date: new Date().toISOString(),
      command: commandLine("fanout", argv),
      ops_per_s: round(drive.calls_per_s),
      ceiling_ops_per_s: null,
      ratio: null,
      p50_ms: round(percentile(delivery, 50)),
      p99_ms: round(deliveryP99),
      duplicates: null,
      lost: null,
      errors: drive.errors + failedConnects,
      peak_rss_mb: peak,
      clients: ok,
      delivery_p99_ms: round(deliveryP99),
      trackers_requested: trackers,
      trackers_measured: trackerCount,
      server_open_file_limit: limit,
      displays,
      sockets_connected: ok,
      sockets_failed: failedConnects,
      sockets_disconnected_during_run: reports.reduce((s, r) => s + r.disconnected, 0),
      connect_s: round(connectSeconds),
      server_trackers: idle.trackers,
      rate_target_per_s: rate,
      drive,
      events_received: events,
      display_call_p50_ms: round(percentile(displayMs, 50)),
      display_call_p99_ms: round(percentile(displayMs, 99)),
      own_call_tracking_p50_ms: round(percentile(ownMs, 50)),
      own_call_tracking_p99_ms: round(percentile(ownMs, 99)),
      own_call_samples: ownMs.length,
      tracking_refresh_p50_ms: round(percentile(trackingMs, 50)),
      tracking_refresh_p99_ms: round(percentile(trackingMs, 99)),
      event_loop_lag_p50_ms: stats.lag_p50_ms,
      event_loop_lag_p99_ms: stats.lag_p99_ms,
      event_loop_lag_max_ms: stats.lag_max_ms,
      server_cpu_percent: stats.cpu_percent,
      server_rss_idle_connected_mb: idle.rss_now_mb,
      server_rss_end_mb: stats.rss_now_mb,
      server_heap_used_mb: stats.heap_used_mb,
      client_procs: procs,
      client_rss_mb: reports.map((r) => r.rss_mb),
      client_cpu_percent: reports.map((r) => r.cpu_percent),
      connect_failure_samples: reports.flatMap((r) => r.failure_samples).slice(0, 5),
      nofile_limit: NOFILE,
      delivery_note:
        "delivery = display.call (receive − call time) and each tracker's own ticket turning CALLED (receive − calledAt); tracking_refresh = every ticket.tracking (receive − server read time); drive.call_command_* = the call command from calledAt to its commit, inside delivery",
      server_tree: serverTree(),
      load_avg_start: loadStart,
      load_avg_end: loadAvg(),
      machine: machineInfo("postgres", bench.version),
    };
    const bars: Bar[] = [
      {
        name: `clients connected to one node`,
        target: `${trackers + displays}`,
        actual: `${ok}`,
        pass: ok >= trackers + displays,
      },
      {
        name: "call event rate",
        target: `${rate}/s`,
        actual: `${drive.calls_per_s.toFixed(0)}/s`,
        pass: drive.calls_per_s >= rate * 0.95,
      },
      {
        name: "event delivery p99",
        target: `< ${DELIVERY_P99_BAR_MS} ms`,
        actual: `${deliveryP99?.toFixed(1)} ms (${delivery.length} samples)`,
        pass: deliveryP99 !== null && deliveryP99 < DELIVERY_P99_BAR_MS,
      },
      {
        name: "event-loop lag p99 (server)",
        target: `< ${LAG_P99_BAR_MS} ms`,
        actual: `${stats.lag_p99_ms} ms`,
        pass: stats.lag_p99_ms < LAG_P99_BAR_MS,
      },
      {
        name: "server RSS",
        target: `< ${RSS_BAR_MB} MB`,
        actual: `${peak} MB`,
        pass: peak < RSS_BAR_MB,
      },
    ];
    const file = writeResult({ ...result, bars }, outFile);
    printResult(result, bars);
    log(`wrote ${path.relative(process.cwd(), file)}`);
    return { pass: bars.every((b) => b.pass) };
  } finally {
    for (const c of clients) {
      await c.ask({ type: "close" }, 30_000).catch(() => {});
      c.kill();
    }
    await server?.stop();
    await bench.close().catch((err: unknown) => log(`cleanup: ${String(err)}`));
  }
}
