/**
 * `webhooks`: operators issue, call, start and finish tickets over HTTP at a paced rate while the
 * server delivers the signed webhooks of each company's endpoints — subscribed to ticket.issued,
 * ticket.called and ticket.served — to a receiver on loopback in this process, which verifies the
 * `X-EQueue-Signature` as docs/api.md tells integrators to and times each arrival on the
 * operators' clock. Bar (docs/benchmarks.md): the app's HTTP answer → the receiver p99 < 1 s;
 * 0 duplicates, 0 lost, 0 bad signatures, 0 per-ticket order violations.
 *
 * No tickets are pre-issued: each cycle issues one at the operator's branch (one service, so the
 * branch is one FIFO line), calls the next, starts and finishes it — three webhook events per
 * cycle and endpoint. The SSRF guard is opened for loopback (`WEBHOOKS_ALLOW_PRIVATE=true`, as the
 * webhook tests do); the endpoints are created through the admin API, which checks it too.
 */
import path from "node:path";
import { quoteIdent } from "@equeue/server/db";
import type { Args } from "../lib/args";
import { loadAvg, logger, openPgBench } from "../lib/bench-env";
import { HttpClient } from "../lib/http";
import { buildFixture } from "../lib/queue-fixture";
import {
  barsPass,
  commandLine,
  machineInfo,
  printResult,
  writeResult,
  type Bar,
} from "../lib/results";
import { ServerProcess } from "../lib/server-proc";
import { round } from "../lib/stats";
import {
  BENCH_EVENT_TYPES,
  auditDeliveries,
  deliveryBreakdown,
  spread,
  type Ack,
} from "../lib/webhook-audit";
import { driveCycles } from "../lib/webhook-load";
import { startWebhookReceiver } from "../lib/webhook-receiver";
import { serverTree } from "./call-next";

const DELIVERY_P99_BAR_MS = 1000;

export async function run(args: Args, argv: string[]): Promise<{ pass: boolean }> {
  const companies = args.int("companies", 10);
  const branches = args.int("branches", 2);
  const operatorsPerBranch = args.int("operators-per-branch", 3);
  const endpointsPerCompany = args.int("endpoints", 1);
  const rate = args.int("rate", 20);
  const seconds = args.int("seconds", 60);
  const warmupSeconds = args.int("warmup-seconds", 3);
  const drainSeconds = args.int("drain-seconds", 30);
  const pollMs = args.int("poll-ms", 1000);
  const smoke = args.flag("smoke");
  const outFile = args.get("out") ?? "webhooks";
  const log = logger("webhooks");
  const loadStart = loadAvg();

  const receiver = await startWebhookReceiver();
  const bench = await openPgBench(log, 10);
  let server: ServerProcess | null = null;
  let http: HttpClient | null = null;
  try {
    log(
      `set-up: ${companies} companies × ${branches} branches × 1 service, ` +
        `${operatorsPerBranch} operators per branch, ${endpointsPerCompany} endpoint(s) per company`,
    );
    const setupStarted = performance.now();
    const fx = await buildFixture(
      bench.setup,
      bench.connect,
      {
        companies,
        branchesPerCompany: branches,
        servicesPerBranch: 1,
        operatorsPerBranch,
        ticketsPerBranch: 0,
        slugPrefix: `wh${Math.random().toString(36).slice(2, 6)}`,
      },
      log,
    );
    // The company admins' tokens, signed with the server's secret, to create the endpoints.
    const adminTokens = new Map<string, string>();
    for (const c of fx.companies) {
      const [admin] = await bench.exec<{ id: string; email: string }>(
        `select id, email from ${quoteIdent(c.schema)}.staff where role = 'COMPANY_ADMIN' limit 1`,
      );
      if (!admin) throw new Error(`company ${c.slug} has no admin`);
      adminTokens.set(
        c.slug,
        await bench.setup.ctx.tokens.sign({
          realm: "company",
          sub: admin.id,
          email: admin.email,
          role: "COMPANY_ADMIN",
          companyId: c.id,
          mustChangePassword: false,
        }),
      );
    }
    await bench.setup.close();

    server = await ServerProcess.start({
      ...bench.env,
      WEBHOOKS_ALLOW_PRIVATE: "true",
      WEBHOOK_POLL_MS: String(pollMs),
    });
    log(`server pid ${server.pid} on ${server.address}, WEBHOOK_POLL_MS=${pollMs}`);
    http = new HttpClient(server.address, fx.operators.length + 10);

    // Endpoints through the admin API: the secret is answered once, and handed to the receiver.
    const endpointsOf = new Map<string, string[]>();
    const endpointKeyOf = new Map<string, string>();
    for (const [i, c] of fx.companies.entries()) {
      const keys: string[] = [];
      for (let e = 0; e < endpointsPerCompany; e++) {
        const key = `c${i}e${e}`;
        const res = await http.request("POST", `/api/c/${c.slug}/admin/webhooks`, {
          token: adminTokens.get(c.slug)!,
          body: {
            url: receiver.urlOf(key),
            description: `bench receiver ${key}`,
            eventTypes: [...BENCH_EVENT_TYPES],
          },
        });
        if (res.status !== 201)
          throw new Error(`creating webhook ${key}: ${res.status} ${res.body.slice(0, 300)}`);
        const created = JSON.parse(res.body) as { endpoint: { id: string }; secret: string };
        receiver.setSecret(key, created.secret);
        endpointKeyOf.set(created.endpoint.id, key);
        keys.push(key);
      }
      endpointsOf.set(c.id, keys);
    }
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    log(
      `set-up done in ${setupSeconds.toFixed(1)} s: ${fx.operators.length} operators, ` +
        `${endpointKeyOf.size} endpoints`,
    );

    const acks = new Map<string, Ack>();
    if (warmupSeconds > 0) {
      log(`warm-up: ${rate} cycles/s for ${warmupSeconds} s (checked, not timed)`);
      await driveCycles(http, fx.operators, { rate, seconds: warmupSeconds, warm: true }, acks);
    }
    await server.reset();
    log(`${rate} cycles/s for ${seconds} s (issue + call-next + start + finish each)`);
    const loadStarted = Date.now();
    const load = await driveCycles(http, fx.operators, { rate, seconds, warm: false }, acks);
    const serverStats = await server.stats();
    log(
      `${load.cycles} cycles in ${load.seconds.toFixed(1)} s = ${(load.cycles / load.seconds).toFixed(1)}/s, ` +
        `${load.errors.length} errors, ${load.behind} slots without an idle operator, ${load.empty} empty queues`,
    );

    // Drain: until every expected delivery arrived, or the drain time is up.
    let expected = 0;
    for (const a of acks.values()) expected += endpointsOf.get(a.companyId)?.length ?? 0;
    const drainStarted = performance.now();
    const arrivedCount = () =>
      new Set(receiver.arrivals.map((a) => `${a.endpoint}|${a.ticketId}|${a.type}`)).size;
    while (arrivedCount() < expected && performance.now() - drainStarted < drainSeconds * 1000)
      await new Promise((r) => setTimeout(r, 250));
    const drainS = (performance.now() - drainStarted) / 1000;
    log(
      `drain: ${arrivedCount()}/${expected} deliveries arrived ${drainS.toFixed(1)} s after the load`,
    );
    // A moment more, so that a late duplicate would be seen too.
    await new Promise((r) => setTimeout(r, 2000));
    http.close();
    http = null;
    const serverFinal = await server.stop();
    server = null;

    const audit = auditDeliveries(acks, endpointsOf, receiver.arrivals);
    const breakdown = await deliveryBreakdown(bench.exec, acks, endpointKeyOf, audit, pollMs);
    const all = spread(audit.latency);
    const timedArrivals = receiver.arrivals.filter((a) => a.at >= loadStarted).length;
    const deliverySpan =
      audit.lastArrivalAt !== null ? (audit.lastArrivalAt - loadStarted) / 1000 : null;
    const deliveriesPerS = deliverySpan && deliverySpan > 0 ? timedArrivals / deliverySpan : null;
    const bad = receiver.badSignatures.count;
    const errors =
      load.errors.length +
      receiver.malformed.count +
      audit.unexpected +
      breakdown.deliveries.failed;
    const peakRss = Math.max(serverStats.peak_rss_mb, serverFinal?.peak_rss_mb ?? 0);
    const result = {
      name: "webhooks",
      date: new Date().toISOString(),
      commit: serverTree().commit,
      command: commandLine("webhooks", argv),
      load_avg: loadStart,
      ops_per_s: round(deliveriesPerS),
      anchor_ops_per_s: null,
      ratio: null,
      own_ceiling_ops_per_s: null,
      own_ratio: null,
      ceiling_ops_per_s: null,
      p50_ms: all.p50_ms,
      p99_ms: all.p99_ms,
      paced_p99_ms: all.p99_ms,
      delivery_p99_ms: all.p99_ms,
      duplicates: audit.duplicates,
      lost: audit.lost,
      bad_signatures: bad,
      order_violations: audit.orderViolations,
      errors,
      peak_rss_mb: peakRss,
      rate_target: rate,
      cycles_per_s: round(load.cycles / load.seconds),
      seconds: round(load.seconds),
      cycles: load.cycles,
      deliveries_per_s: round(deliveriesPerS),
      delivery_p50_ms: all.p50_ms,
      delivery_p90_ms: all.p90_ms,
      delivery_max_ms: all.max_ms,
      timed_deliveries: all.count,
      per_type: audit.perType,
      expected_deliveries: audit.expected,
      received_deliveries: audit.received,
      webhook_poll_ms: pollMs,
      where_the_time_goes: breakdown,
      http_p50_ms: load.httpLatency.p50_ms,
      http_p99_ms: load.httpLatency.p99_ms,
      slots_without_idle_operator: load.behind,
      empty_queues: load.empty,
      unexpected_arrivals: audit.unexpected,
      malformed_arrivals: receiver.malformed.count,
      lost_samples: audit.lostSamples,
      order_samples: audit.orderSamples,
      bad_signature_samples: receiver.badSignatures.samples,
      error_samples: [...load.errors.slice(0, 5), ...receiver.malformed.samples],
      drain_s: round(drainS),
      smoke,
      scale: {
        companies,
        branches_per_company: branches,
        operators: fx.operators.length,
        endpoints: endpointKeyOf.size,
        warmup_seconds: warmupSeconds,
      },
      server_tree: serverTree(),
      server_event_loop_lag_p99_ms: serverStats.lag_p99_ms,
      server_cpu_percent: serverStats.cpu_percent,
      setup_s: round(setupSeconds),
      rss_note:
        "peak_rss_mb is the server child process alone (operators and receiver run in the parent)",
      load_avg_start: loadStart,
      load_avg_end: loadAvg(),
      machine: machineInfo("postgres", bench.version),
    };
    const typeP99 = BENCH_EVENT_TYPES.map(
      (t) => `${t.slice(7)} ${audit.perType[t].p99_ms ?? "—"}`,
    ).join(", ");
    const bars: Bar[] = [
      {
        name: "action answered → receiver p99",
        target: `< ${DELIVERY_P99_BAR_MS} ms at ${rate} cycles/s (${rate * 3 * endpointsPerCompany} deliveries/s)`,
        actual:
          `${all.p99_ms ?? "—"} ms at ${(load.cycles / load.seconds).toFixed(1)} cycles/s, ` +
          `${deliveriesPerS?.toFixed(1) ?? "—"} deliveries/s (${typeP99})`,
        pass: all.p99_ms !== null && all.p99_ms < DELIVERY_P99_BAR_MS,
        speed: true,
      },
      {
        name: "duplicates (an event id twice at one endpoint)",
        target: "0",
        actual: String(audit.duplicates),
        pass: audit.duplicates === 0,
      },
      {
        name: `lost (not at the receiver ${drainSeconds} s after the load)`,
        target: "0",
        actual: `${audit.lost} of ${audit.expected}`,
        pass: audit.lost === 0 && audit.expected > 0,
      },
      { name: "bad signatures", target: "0", actual: String(bad), pass: bad === 0 },
      {
        name: "per-ticket order violations",
        target: "0",
        actual: String(audit.orderViolations),
        pass: audit.orderViolations === 0,
      },
      {
        name: "errors (HTTP, malformed or unexpected arrivals, FAILED deliveries)",
        target: "0",
        actual: String(errors),
        pass: errors === 0,
      },
    ];
    const file = writeResult({ ...result, bars }, outFile);
    printResult(result, bars);
    log(`wrote ${path.relative(process.cwd(), file)}`);
    return { pass: barsPass(bars, smoke) };
  } finally {
    http?.close();
    await server?.stop();
    await bench.close().catch((err: unknown) => log(`cleanup: ${String(err)}`));
    await receiver.close();
  }
}
