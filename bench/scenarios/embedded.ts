/**
 * `embedded`: the same call-next on the embedded PGlite default (in memory), server in this
 * process. Operators loop call-next + close over real HTTP, then the same loop through the
 * commands directly (service level, no HTTP). Bar: ≥ 1,000 calls/s, 0 duplicates.
 * For context, the raw call-next statement on the same PGlite instance (one connection).
 */
import path from "node:path";
import { TICKET_ACTION } from "@equeue/core";
import { loadConfig, startPlatform } from "@equeue/server/platform";
import { actOnTicket, callNextTicket } from "@equeue/server/queue";
import type { Args } from "../lib/args";
import { loadAvg, logger, serverEnv } from "../lib/bench-env";
import { RAW_CEILING_SQL, rawCallCycle, runOperators, type CloseMode } from "../lib/call-loop";
import { HttpClient } from "../lib/http";
import {
  buildFixture,
  execOn,
  queueAudit,
  resetQueues,
  type OperatorRef,
} from "../lib/queue-fixture";
import { commandLine, machineInfo, printResult, writeResult, type Bar } from "../lib/results";
import { RssSampler } from "../lib/rss";
import { round, summarize } from "../lib/stats";
import { serverTree } from "./call-next";

const BAR_CALLS_PER_S = 1000;

export async function run(args: Args, argv: string[]): Promise<{ pass: boolean }> {
  const companies = args.int("companies", 10);
  const branches = args.int("branches", 5);
  const ticketsPerBranch = args.int("tickets-per-branch", 300);
  const seconds = args.int("seconds", 20);
  const serviceSeconds = args.int("service-seconds", 10);
  const close = (args.get("close") ?? "cancel") as CloseMode;
  const outFile = args.get("out") ?? "embedded";
  const log = logger("embedded");
  const loadStart = loadAvg();
  const rss = new RssSampler(100).start();
  const platform = await startPlatform(loadConfig(serverEnv()), {
    inMemory: true,
    serveWeb: false,
    mail: null,
    dayEndWorker: false,
  });
  const http: { client: HttpClient | null } = { client: null };
  try {
    const exec = execOn(platform.ctx.db);
    const connect = async () => ({ exec, release: () => {} });
    const fx = await buildFixture(
      platform,
      connect,
      {
        companies,
        branchesPerCompany: branches,
        servicesPerBranch: 2,
        operatorsPerBranch: 1,
        ticketsPerBranch,
        slugPrefix: `em${Math.random().toString(36).slice(2, 6)}`,
        transaction: false,
        concurrency: 1,
      },
      log,
    );
    const schemas = fx.companies.map((c) => c.schema);
    await resetQueues(exec, schemas);
    const address = await platform.app.listen({ host: "127.0.0.1", port: 0 });
    log(`PGlite in memory; ${fx.operators.length} operators, ${fx.tickets} tickets; ${address}`);
    http.client = new HttpClient(address, fx.operators.length + 10);
    await runOperators(http.client, fx.operators, { seconds: 2, close });
    await resetQueues(exec, schemas);

    // 1. Over HTTP.
    const loop = await runOperators(http.client, fx.operators, { seconds, close });
    const auditHttp = await queueAudit(exec, schemas);
    log(`HTTP: ${loop.calls_per_s.toFixed(1)} calls/s, ${loop.errors} errors`);

    // 2. Service level: the commands, no HTTP.
    await resetQueues(exec, schemas);
    const svc = await serviceLoop(platform, fx.operators, serviceSeconds, close);
    const auditSvc = await queueAudit(exec, schemas);
    log(`service level: ${svc.calls_per_s.toFixed(1)} calls/s, ${svc.errors} errors`);

    // 3. Raw statement on the same instance, for context.
    await resetQueues(exec, schemas);
    const raw = await rawCallCycle(platform.ctx.db, fx.operators, {
      clients: 1,
      seconds: 5,
      close,
    });
    log(`raw statement: ${raw.calls_per_s}/s`);
    const memory = rss.stop();

    const call = summarize(loop.call_latencies);
    const duplicates =
      auditHttp.duplicateCalls + loop.duplicate_ids + auditSvc.duplicateCalls + svc.duplicates;
    const lost =
      Math.max(0, fx.tickets - auditHttp.total) +
      auditHttp.calledWithoutEvent +
      auditSvc.calledWithoutEvent;
    const errors = loop.errors + svc.errors;
    const result = {
      name: "embedded",
      date: new Date().toISOString(),
      command: commandLine("embedded", argv),
      ops_per_s: round(loop.calls_per_s),
      ceiling_ops_per_s: raw.calls_per_s,
      ratio: round(loop.calls_per_s / raw.calls_per_s, 3),
      p50_ms: round(call.p50),
      p99_ms: round(call.p99),
      duplicates,
      lost,
      errors,
      peak_rss_mb: memory.peak_rss_mb,
      db: "PGlite (in memory)",
      scale: {
        companies,
        branches_per_company: branches,
        operators: fx.operators.length,
        tickets: fx.tickets,
      },
      close_mode: close,
      http_calls: loop.calls,
      http_seconds: round(loop.seconds),
      http_requests_per_s: round(loop.requests_per_s),
      service_calls_per_s: round(svc.calls_per_s),
      service_calls: svc.calls,
      service_p50_ms: round(svc.p50),
      service_p99_ms: round(svc.p99),
      raw: raw,
      ceiling_sql: RAW_CEILING_SQL,
      server_tree: serverTree(),
      error_samples: [...loop.error_samples, ...svc.samples],
      rss_note: "one process: PGlite, server and HTTP clients",
      load_avg_start: loadStart,
      load_avg_end: loadAvg(),
      machine: machineInfo("pglite", "PGlite (in-memory)"),
    };
    const bars: Bar[] = [
      {
        name: "calls/s over HTTP",
        target: `≥ ${BAR_CALLS_PER_S}`,
        actual: loop.calls_per_s.toFixed(0),
        pass: loop.calls_per_s >= BAR_CALLS_PER_S,
      },
      {
        name: "calls/s at service level (no HTTP)",
        target: `≥ ${BAR_CALLS_PER_S}`,
        actual: svc.calls_per_s.toFixed(0),
        pass: svc.calls_per_s >= BAR_CALLS_PER_S,
      },
      { name: "duplicate calls", target: "0", actual: String(duplicates), pass: duplicates === 0 },
      {
        name: "lost tickets / errors",
        target: "0",
        actual: `${lost} / ${errors}`,
        pass: lost === 0 && errors === 0,
      },
    ];
    const file = writeResult({ ...result, bars }, outFile);
    printResult(result, bars);
    log(`wrote ${path.relative(process.cwd(), file)}`);
    return { pass: bars.every((b) => b.pass) };
  } finally {
    http.client?.close();
    await platform.close();
  }
}

async function serviceLoop(
  platform: Awaited<ReturnType<typeof startPlatform>>,
  operators: OperatorRef[],
  seconds: number,
  close: CloseMode,
) {
  const { ctx } = platform;
  const lat: number[] = [];
  const seen = new Set<string>();
  const samples: string[] = [];
  let calls = 0;
  let errors = 0;
  let duplicates = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    operators.map(async (op) => {
      const company = (await ctx.directory.findBySlug(op.slug))!;
      for (let n = 0; n < 100_000 && performance.now() < deadline; n++) {
        try {
          const t = performance.now();
          const ticket = await callNextTicket(ctx, company, { staffId: op.staffId });
          lat.push(performance.now() - t);
          if (!ticket) break;
          calls++;
          if (seen.has(ticket.id)) duplicates++;
          seen.add(ticket.id);
          const steps =
            close === "cancel"
              ? [TICKET_ACTION.CANCEL]
              : [TICKET_ACTION.START, TICKET_ACTION.FINISH];
          for (const a of steps)
            await actOnTicket(ctx, company, { staffId: op.staffId }, ticket.id, a);
        } catch (err) {
          errors++;
          if (samples.length < 5) samples.push(String(err));
        }
      }
    }),
  );
  const secs = (performance.now() - started) / 1000;
  const s = summarize(lat);
  return { calls, errors, duplicates, samples, calls_per_s: calls / secs, p50: s.p50, p99: s.p99 };
}
