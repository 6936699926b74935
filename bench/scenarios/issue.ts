/**
 * `issue`: a burst of tickets issued over HTTP at reception (POST /queue/tickets with operators'
 * tokens; the source follows from the caller, so these are walk-in tickets) with status polls
 * (GET /public/tickets/:token, the tracking page) mixed in.
 * Bars: ≥ 0.25 of the enqueue anchor (pgq_enq.sql by pgbench, 8 clients, its own database, same
 * run), p99 < 20 ms.
 *
 * Own ceiling (context, `own_ratio`), same run, same tables: the app's own issuing statements — issueTicket's one read
 * and its one write (quota, series number, ticket and event in one statement) — run by the
 * command on plain `pg` connections (8 by default, warmed up), before and after the app phase
 * (averaged). Polls are app-side load only, as the benchmark prescribes.
 */
import path from "node:path";
import { type Db, openDatabase, quoteIdent } from "@equeue/server/db";
import { type CompanyRecord, issueTicket } from "@equeue/server/queue";
import type { Args } from "../lib/args";
import { loadAvg, logger, openPgBench } from "../lib/bench-env";
import { runAnchor } from "../lib/anchor";
import { HttpClient } from "../lib/http";
import { checkpoint } from "../lib/pg";
import { buildFixture, type OperatorRef } from "../lib/queue-fixture";
import { commandLine, machineInfo, printResult, writeResult, type Bar } from "../lib/results";
import { ServerProcess } from "../lib/server-proc";
import { round, summarize } from "../lib/stats";
import { serverTree } from "./call-next";

const ISSUE_P99_BAR_MS = 20;
const RATIO_BAR = 0.25;

type RawIssue = {
  tickets: number;
  errors: number;
  seconds: number;
  per_s: number;
  p50_ms: number | null;
  p99_ms: number | null;
};

/**
 * The raw ceiling: the app's issuing statements — issueTicket's one read (branch, service, the
 * day's exception, the reception scope) and its one write (quota, series number, ticket, event)
 * — run by the command itself on plain connections, with no HTTP, auth, JSON or realtime.
 */
async function rawIssue(
  db: Db,
  operators: OperatorRef[],
  serviceIds: Map<string, string[]>,
  opts: { clients: number; seconds: number },
): Promise<RawIssue> {
  const lat: number[] = [];
  let tickets = 0;
  let errors = 0;
  const deps = { db, events: { publish: () => {} } };
  const started = performance.now();
  const deadline = started + opts.seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.clients }, async () => {
      for (let n = 0; n < 10_000_000 && performance.now() < deadline; n++) {
        const op = operators[Math.floor(Math.random() * operators.length)]!;
        const services = serviceIds.get(op.branchId)!;
        const company = {
          id: op.companyId,
          schema_name: op.schema,
          slug: op.slug,
        } as CompanyRecord;
        const t = performance.now();
        try {
          await issueTicket(
            deps,
            company,
            // The reception operator as the command's caller; its workplace is read with the
            // branch, as over HTTP.
            {
              kind: "staff",
              companyId: op.companyId,
              staffId: op.staffId,
              role: "OPERATOR",
              branches: [op.branchId],
            },
            {
              branchId: op.branchId,
              serviceId: services[Math.floor(Math.random() * services.length)]!,
            },
          );
          lat.push(performance.now() - t);
          tickets++;
        } catch {
          errors++;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const sum = summarize(lat);
  return {
    tickets,
    errors,
    seconds: round(seconds)!,
    per_s: round(tickets / seconds)!,
    p50_ms: round(sum.p50),
    p99_ms: round(sum.p99),
  };
}

export async function run(args: Args, argv: string[]): Promise<{ pass: boolean }> {
  const companies = args.int("companies", 20);
  const branches = args.int("branches", 5);
  const clients = args.int("clients", 50);
  const seconds = args.int("seconds", 20);
  const pollsPerIssue = Number(args.get("polls-per-issue") ?? "1");
  const rawSeconds = args.int("raw-seconds", 5);
  const rawClients = args.int("raw-clients", 8);
  const thinkMs = args.int("think-ms", 0);
  const outFile = args.get("out") ?? "issue";
  const log = logger("issue");
  const loadStart = loadAvg();
  const bench = await openPgBench(log, Math.max(10, rawClients + 2));
  let server: ServerProcess | null = null;
  let http: HttpClient | null = null;
  let raw: Awaited<ReturnType<typeof openDatabase>> | null = null;
  try {
    const fx = await buildFixture(
      bench.setup,
      bench.connect,
      {
        companies,
        branchesPerCompany: branches,
        servicesPerBranch: 2,
        operatorsPerBranch: 1,
        ticketsPerBranch: 0,
        slugPrefix: `is${Math.random().toString(36).slice(2, 6)}`,
      },
      log,
    );
    await bench.setup.close();
    await bench.exec("vacuum analyze");
    const serviceIds = new Map(fx.branches.map((b) => [b.branchId, b.serviceIds]));
    log(`set-up: ${fx.operators.length} branches (one reception token each)`);

    raw = await openDatabase({ url: bench.db.url, poolSize: rawClients });
    const rawDb = raw.db;
    const rawRun = (secs: number) =>
      rawIssue(rawDb, fx.operators, serviceIds, { clients: rawClients, seconds: secs });
    await rawRun(2); // warm-up: its connections load every company's catalogs once, as the app's do
    await checkpoint(bench.db.url);
    const rawBefore = await rawRun(rawSeconds);
    log(`raw ceiling (before): ${rawBefore.per_s} tickets/s, p99 ${rawBefore.p99_ms} ms`);

    server = await ServerProcess.start(bench.env);
    http = new HttpClient(server.address, clients + 10);
    const issued = new Map<string, string[]>(); // slug -> tokens
    const issueLat: number[] = [];
    const pollLat: number[] = [];
    const samples: string[] = [];
    let errors = 0;
    let polls = 0;
    const fail = (m: string) => {
      errors++;
      if (samples.length < 8) samples.push(m.slice(0, 300));
    };
    const burst = async (secs: number, record: boolean) => {
      const deadline = performance.now() + secs * 1000;
      let count = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: clients }, async () => {
          let credit = 0;
          // Paced clients start spread out, as kiosks and phones do.
          if (thinkMs) await new Promise((r) => setTimeout(r, Math.random() * 2 * thinkMs));
          for (let n = 0; n < 1_000_000 && performance.now() < deadline; n++) {
            const op = fx.operators[Math.floor(Math.random() * fx.operators.length)]!;
            const services = serviceIds.get(op.branchId)!;
            try {
              const t = performance.now();
              const res = await http!.request("POST", `/api/c/${op.slug}/queue/tickets`, {
                token: op.token,
                body: {
                  branchId: op.branchId,
                  serviceId: services[Math.floor(Math.random() * services.length)],
                },
              });
              if (record) issueLat.push(performance.now() - t);
              if (res.status !== 201) {
                if (record) fail(`issue ${res.status} ${res.body}`);
                continue;
              }
              count++;
              const token = (JSON.parse(res.body) as { ticket: { trackingToken?: string } }).ticket
                .trackingToken;
              const list = issued.get(op.slug) ?? [];
              if (token) list.push(token);
              issued.set(op.slug, list);
              credit += pollsPerIssue;
              while (credit >= 1 && list.length) {
                credit--;
                const tok = list[Math.floor(Math.random() * list.length)]!;
                const p = performance.now();
                const r = await http!.request("GET", `/api/c/${op.slug}/public/tickets/${tok}`);
                if (record) {
                  pollLat.push(performance.now() - p);
                  polls++;
                  if (r.status !== 200) fail(`poll ${r.status} ${r.body}`);
                }
              }
            } catch (err) {
              if (record) fail(String(err));
            }
            // Paced clients (below saturation): wait 0–2× thinkMs before the next customer.
            if (thinkMs) {
              const wait = Math.min(Math.random() * 2 * thinkMs, deadline - performance.now());
              if (wait > 0) await new Promise((r) => setTimeout(r, wait));
            }
          }
        }),
      );
      return { count, seconds: (performance.now() - started) / 1000 };
    };
    await burst(2, false);
    // The subscribers finish what the warm-up left them before the measured load.
    const settleMs = await server.settle();
    log(`the event subscribers caught up in ${settleMs} ms`);
    await checkpoint(bench.db.url);
    await server.reset();
    log(
      `${clients} clients issue tickets (+${pollsPerIssue} status poll per ticket) for ${seconds} s` +
        (thinkMs ? ` (pause 0–${2 * thinkMs} ms between tickets)` : " (no pause)"),
    );
    const app = await burst(seconds, true);
    const stats = await server.stats();
    http.close();
    http = null;
    const final = await server.stop();
    server = null;
    const perS = app.count / app.seconds;
    log(
      `app: ${app.count} tickets in ${app.seconds.toFixed(1)} s = ${perS.toFixed(1)}/s, ${polls} polls`,
    );

    await checkpoint(bench.db.url);
    const rawAfter = await rawRun(rawSeconds);
    await raw.close();
    raw = null;
    log(`raw ceiling (after): ${rawAfter.per_s} tickets/s, p99 ${rawAfter.p99_ms} ms`);
    const ceiling = (rawBefore.per_s + rawAfter.per_s) / 2;
    const anchor = await runAnchor("enq", {
      rows: args.int("anchor-rows", 100_000),
      clients: args.int("anchor-clients", 8),
      seconds: args.int("anchor-seconds", 10),
      log,
    });

    // Numbers must be unique per branch, day and series (the unique index guarantees it; count anyway).
    let dupNumbers = 0;
    for (const c of fx.companies) {
      const [r] = await bench.exec<{ n: number }>(
        `select count(*)::int as n from (select 1 from ${quoteIdent(c.schema)}.tickets
           group by branch_id, day, series, number having count(*) > 1) d`,
      );
      dupNumbers += r!.n;
    }
    const issue = summarize(issueLat);
    const poll = summarize(pollLat);
    const all = summarize([...issueLat, ...pollLat]);
    const ownRatio = perS / ceiling;
    const ratio = perS / anchor.ops_per_s;
    const tree = serverTree();
    const peak = Math.max(stats.peak_rss_mb, final?.peak_rss_mb ?? 0);
    const result = {
      name: "issue",
      date: new Date().toISOString(),
      commit: tree.commit,
      command: commandLine("issue", argv),
      load_avg: loadStart,
      ops_per_s: round(perS),
      anchor_ops_per_s: anchor.ops_per_s,
      ratio: round(ratio, 3),
      own_ceiling_ops_per_s: round(ceiling),
      ceiling_ops_per_s: round(ceiling),
      own_ratio: round(ownRatio, 3),
      p50_ms: round(issue.p50),
      p99_ms: round(issue.p99),
      // No paced phase yet unless --think-ms: p99_ms is the closed loop at saturation.
      paced_p99_ms: null,
      duplicates: dupNumbers,
      lost: null,
      errors,
      peak_rss_mb: peak,
      scale: { companies, branches: fx.operators.length, clients },
      think_ms: thinkMs,
      seconds: round(app.seconds),
      tickets_issued: app.count,
      polls,
      polls_per_s: round(polls / app.seconds),
      requests_per_s: round((app.count + polls) / app.seconds),
      issue_p90_ms: round(issue.p90),
      issue_max_ms: round(issue.max),
      poll_p50_ms: round(poll.p50),
      poll_p99_ms: round(poll.p99),
      mixed_p99_ms: round(all.p99),
      anchor,
      ceiling_runs: [rawBefore, rawAfter],
      ceiling_sql:
        "the app's issueTicket command on plain connections: one read (branch, service, exceptions, reception scope) + one write (quota, series number, ticket, event)",
      server_tree: tree,
      server_event_loop_lag_p99_ms: stats.lag_p99_ms,
      server_cpu_percent: stats.cpu_percent,
      error_samples: samples,
      rss_note: "peak_rss_mb is the server child process alone",
      load_avg_start: loadStart,
      load_avg_end: loadAvg(),
      machine: machineInfo("postgres", bench.version),
    };
    const bars: Bar[] = [
      {
        name: `issue throughput vs the anchor ${anchor.anchor}`,
        target: `≥ ${RATIO_BAR}`,
        actual: `${ratio.toFixed(3)} (${perS.toFixed(0)} / ${anchor.ops_per_s.toFixed(0)} tickets/s; own_ratio ${ownRatio.toFixed(2)} of ${ceiling.toFixed(0)})`,
        pass: ratio >= RATIO_BAR,
      },
      {
        name: "issue p99",
        target: `< ${ISSUE_P99_BAR_MS} ms`,
        actual: `${issue.p99?.toFixed(1)} ms`,
        pass: issue.p99 !== null && issue.p99 < ISSUE_P99_BAR_MS,
      },
      {
        name: "status poll p99",
        target: `< ${ISSUE_P99_BAR_MS} ms`,
        actual: `${poll.p99?.toFixed(1)} ms`,
        pass: poll.p99 !== null && poll.p99 < ISSUE_P99_BAR_MS,
      },
      {
        name: "errors and duplicate numbers",
        target: "0",
        actual: `${errors} errors, ${dupNumbers} duplicate numbers`,
        pass: errors === 0 && dupNumbers === 0,
      },
    ];
    const file = writeResult({ ...result, bars }, outFile);
    printResult(result, bars);
    log(`wrote ${path.relative(process.cwd(), file)}`);
    return { pass: bars.every((b) => b.pass) };
  } finally {
    http?.close();
    await server?.stop();
    await raw?.close().catch(() => {});
    await bench.close().catch((err: unknown) => log(`cleanup: ${String(err)}`));
  }
}
