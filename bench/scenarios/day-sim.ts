/**
 * `npm run bench -- day-sim`: the queue-intelligence figures of the `day` benchmark from the
 * seeded day simulator alone (no server, no database; the `day` scenario proper drives the real
 * server and reports latencies). Three tables (see `bench/lib/sim/intelligence.ts`):
 *
 * - ETA: estimators compared on held-out simulated days of the bench's bank branch — naive
 *   (people ahead × average service time ÷ operators), the current one (core's estimateWait, as
 *   the server shows it), last-to-enter-service for context, and the shipped delay-history blend
 *   (core's estimateEta with DEFAULT_ETA_MODEL). Each quote is recorded when the ticket is issued.
 *   The blend is refitted on the training days every run and its drift from the shipped model is
 *   reported (`--print-model` prints the refit as TypeScript, to paste into core).
 * - Policy: the real call-next policy with the operators' skills vs per-service FIFO with each
 *   operator bound to one service (equal staffing: same customers, operators and breaks).
 * - Staffing: Erlang C's advised operators per 15 minutes and its predicted service level vs the
 *   simulated service level at that staffing.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import type { EtaModel } from "@equeue/core";
import type { Args } from "../lib/args";
import { commandLine, machineInfo, printResult, writeResult, type Bar } from "../lib/results";
import { round } from "../lib/stats";
import type { EtaAccuracy } from "../lib/sim/estimators";
import { queueIntelligence, TEST_DAY_OFFSET } from "../lib/sim/intelligence";

function modelAsTs(m: EtaModel): string {
  // Band edges round up, so a prediction at an edge stays in the band it was fitted in.
  const edge = (x: number) =>
    x >= Number.MAX_VALUE ? "Number.MAX_VALUE" : String(Math.ceil(x * 10) / 10);
  return [
    "{",
    `  windowSeconds: ${m.windowSeconds},`,
    `  minCalls: ${m.minCalls},`,
    `  weights: [${m.weights.map((w) => round(w, 4)).join(", ")}],`,
    "  bands: [",
    ...m.bands.map(
      (b) =>
        `    { upToSeconds: ${edge(b.upToSeconds)}, low: ${round(b.low, 0)}, high: ${round(b.high, 0)} },`,
    ),
    "  ],",
    "}",
  ].join("\n");
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const min = (s: number) => (s / 60).toFixed(1);

function etaTableRow(r: EtaAccuracy) {
  return {
    estimator: r.estimator,
    tickets: r.tickets,
    "RMSE min": min(r.rmse_s),
    "MAE min": min(r.mae_s),
    "bias min": min(r.bias_s),
    "in interval": pct(r.interval_coverage),
    "under-estimates": pct(r.underestimate_share),
    "interval width min": min(r.interval_width_s),
  };
}

function roundNumbers<T extends object>(row: T, digits = 3): T {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === "number" ? round(v, digits) : v]),
  ) as T;
}

export async function run(args: Args, argv: string[]): Promise<{ pass: boolean }> {
  const started = performance.now();
  const loadStart = os.loadavg().map((v) => round(v));
  const out = args.get("out") ?? "day-sim";
  const q = queueIntelligence(args.int("train-days", 40), args.int("test-days", 40));
  const elapsed = (performance.now() - started) / 1000;
  if (args.flag("print-model")) console.log(`Refit model:\n${modelAsTs(q.refit)}`);

  const bars: Bar[] = [
    {
      name: "ETA RMSE ÷ best baseline (held-out days)",
      target: "≤ 0.84",
      actual: q.etaRatio.toFixed(3),
      pass: q.etaRatio <= 0.84,
    },
    {
      name: "ETA 80 % interval coverage",
      target: "75–85 %",
      actual: pct(q.shipped.interval_coverage),
      pass: q.shipped.interval_coverage >= 0.75 && q.shipped.interval_coverage <= 0.85,
    },
    {
      name: "ETA under-estimates",
      target: "≤ 50 %",
      actual: pct(q.shipped.underestimate_share),
      pass: q.shipped.underestimate_share <= 0.5,
    },
    {
      name: "average wait vs per-service FIFO",
      target: "> 30 % less",
      actual: `${pct(q.waitReduction)} less`,
      pass: q.waitReduction > 0.3,
    },
    {
      name: "tickets lost by the simulator",
      target: "0",
      actual: String(q.lost),
      pass: q.lost === 0,
    },
  ];

  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    commit = null;
  }
  const s = q.staffing;
  const result = {
    name: out,
    date: new Date().toISOString(),
    commit,
    command: commandLine("day-sim", argv),
    load_avg: loadStart,
    ops_per_s: null,
    anchor_ops_per_s: null,
    ratio: null,
    own_ceiling_ops_per_s: null,
    ceiling_ops_per_s: null,
    own_ratio: null,
    p50_ms: null,
    p99_ms: null,
    paced_p99_ms: null,
    duplicates: null,
    lost: q.lost,
    errors: null,
    peak_rss_mb: round(process.memoryUsage().rss / 1024 ** 2, 1),
    call_p99_ms: null,
    board_p99_ms: null,
    eta_rmse_ratio: round(q.etaRatio, 3),
    eta_interval_coverage: round(q.shipped.interval_coverage, 3),
    eta_underestimate_share: round(q.shipped.underestimate_share, 3),
    wait_reduction_vs_fifo: round(q.waitReduction, 3),
    p90_wait_reduction_vs_fifo: round(q.p90Reduction, 3),
    eta_rmse_ratio_busier_days: round(q.etaRatioBusy, 3),
    eta_interval_coverage_busier_days: round(
      q.etaBusy.find((r) => r.estimator === q.shipped.estimator)!.interval_coverage,
      3,
    ),
    erlang_c_service_level: round(s.erlang_c_service_level, 3),
    simulated_service_level: round(s.simulated_service_level, 3),
    eta_model_drift: round(q.drift, 4),
    seconds: round(elapsed, 1),
    scope:
      "simulator only (no server): the ETA, policy and staffing figures of the day benchmark; call and board latencies come from the day scenario",
    setup: {
      branch:
        "bank branch 09:00–18:00, 4 services, 10 operators with overlapping skills, ≈ 400 customers a day (±15 %), 11:00 = 2× the hourly average, loan appointments with 15 % no-shows, 5 % priority walk-ins, staggered lunch and coffee breaks",
      train_days: q.trainDays,
      test_days: q.testDays,
      test_seeds: `${TEST_DAY_OFFSET}..${TEST_DAY_OFFSET + q.testDays - 1}`,
      eta_tickets: "walk-ins that were called (appointments are quoted by their booked time)",
      eta_baselines: "naive and current; last-to-enter-service is shown for context",
    },
    eta: q.eta.map((r) => roundNumbers(r)),
    eta_busier_days: q.etaBusy.map((r) => roundNumbers(r)),
    policy: [q.ours, q.oursBound, q.fifo].map((r) => roundNumbers(r)),
    fifo_binding: Object.fromEntries(q.fifoBinding.map((o) => [o.id, o.serviceIds[0]])),
    staffing: {
      ...roundNumbers(s, 1),
      erlang_c_service_level: round(s.erlang_c_service_level, 3),
      simulated_service_level: round(s.simulated_service_level, 3),
      hours: s.hours.map((h) => roundNumbers(h)),
    },
    erlang_a_check: q.erlangA.map((r) => roundNumbers(r)),
    machine: machineInfo("none"),
  };

  console.log("\nETA on held-out days (walk-ins that were called):");
  console.table(q.eta.map(etaTableRow));
  console.log("ETA on busier held-out days (+20 % customers):");
  console.table(q.etaBusy.map(etaTableRow));
  console.log("Policy at equal staffing (same customers, operators, breaks):");
  console.table(
    [q.ours, q.oursBound, q.fifo].map((r) => ({
      policy: r.policy,
      tickets: r.tickets,
      "avg wait min": min(r.average_wait_s),
      "p50 min": min(r.p50_wait_s),
      "p90 min": min(r.p90_wait_s),
      "≤ 15 min": pct(r.within_15_min),
    })),
  );
  console.log(`Staffing check (${s.target}, ${s.days} days):`);
  console.table(s.hours.map((h) => roundNumbers(h)));
  console.log("Erlang A check (60 arrivals/h, 5-min service, 10-min mean patience, 40 days):");
  console.table(
    q.erlangA.map((r) => ({
      agents: r.agents,
      "P(wait) Erlang A": pct(r.erlang_a_p_wait),
      "P(wait) sim": pct(r.simulated_p_wait),
      "abandon Erlang A": pct(r.erlang_a_p_abandon),
      "abandon sim": pct(r.simulated_p_abandon),
      "avg wait s Erlang A": r.erlang_a_average_wait_s.toFixed(1),
      "avg wait s sim": r.simulated_average_wait_s.toFixed(1),
    })),
  );
  printResult(
    Object.fromEntries(
      Object.entries(result).filter(([, v]) => v === null || typeof v !== "object"),
    ),
    bars,
  );
  const file = writeResult(result, out);
  console.log(`wrote ${file}`);
  return { pass: bars.every((b) => b.pass) };
}
