/**
 * `npm run bench -- day-sim`: the queue-intelligence figures of the `day` benchmark, from the
 * day simulator alone (no server, no database; the `day` scenario proper drives the real server
 * and reports latencies). Three tables:
 *
 * - ETA: estimators compared on held-out simulated days of the bench's bank branch — naive
 *   (people ahead × average service time ÷ operators), the current one (core's estimateWait, as
 *   the server shows it), last-to-enter-service for context, and the shipped delay-history blend
 *   (core's estimateEta with DEFAULT_ETA_MODEL). Each quote is recorded when the ticket is issued.
 *   The blend is refitted on the training days every run and the drift from the shipped model is
 *   printed (`--print-model` prints the refit as TypeScript).
 * - Policy: the real call-next policy with the operators' skills vs per-service FIFO with each
 *   operator bound to one service (equal staffing: same operators, breaks and customers).
 * - Staffing: Erlang C's advised operators per 15 minutes and its predicted service level vs the
 *   simulated service level at that staffing.
 *
 * Deterministic: the same seeds give the same figures on any machine.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { DEFAULT_ETA_MODEL, fitEtaModel, type EtaModel } from "@equeue/core";
import type { Args } from "../lib/args";
import { commandLine, machineInfo, printResult, writeResult, type Bar } from "../lib/results";
import { round } from "../lib/stats";
import { bindOperators, branchDay, branchLoad, branchOperators } from "../lib/sim/branch";
import { simulateDay, type Quoter, type SimResult } from "../lib/sim/day-sim";
import {
  averageServiceSeconds,
  blendQuoter,
  compareQuotes,
  currentQuoter,
  etaSamples,
  naiveQuoter,
  type EtaAccuracy,
} from "../lib/sim/estimators";
import { policyRow } from "../lib/sim/policy-compare";
import { staffingCheck } from "../lib/sim/staffing-check";

const OPEN_AT = new Date("2026-01-05T04:00:00Z");
/** Held-out days use seeds far from the training days'. */
const TEST_DAY_OFFSET = 1000;

/** Last-to-enter-service: the wait of the last ticket of the same service called. */
const lesQuoter: Quoter = (o) => {
  const last = o.recentCalls[o.recentCalls.length - 1];
  const seconds = o.peopleAhead === 0 || !last ? 0 : last.waitSeconds;
  return { seconds, lowSeconds: seconds * 0.75, highSeconds: seconds * 1.5 };
};

function modelDrift(a: EtaModel, b: EtaModel): number {
  return Math.max(...a.weights.map((w, i) => Math.abs(w - (b.weights[i] ?? 0))));
}

function modelAsTs(m: EtaModel): string {
  const n = (x: number, d: number) =>
    x >= Number.MAX_VALUE ? "Number.MAX_VALUE" : String(round(x, d));
  return [
    "{",
    `  windowSeconds: ${m.windowSeconds},`,
    `  minCalls: ${m.minCalls},`,
    `  weights: [${m.weights.map((w) => n(w, 4)).join(", ")}],`,
    "  bands: [",
    ...m.bands.map(
      (b) =>
        `    { upToSeconds: ${b.upToSeconds >= Number.MAX_VALUE ? "Number.MAX_VALUE" : Math.ceil(b.upToSeconds * 10) / 10}, low: ${n(b.low, 0)}, high: ${n(b.high, 0)} },`,
    ),
    "  ],",
    "}",
  ].join("\n");
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const min = (s: number) => (s / 60).toFixed(1);

export async function run(args: Args, argv: string[]): Promise<{ pass: boolean }> {
  const started = performance.now();
  const loadStart = os.loadavg().map((v) => round(v));
  const trainDays = args.int("train-days", 40);
  const testDays = args.int("test-days", 40);
  const out = args.get("out") ?? "day-sim";

  // 1. Training days: the branch under the call-next policy; fit the blend on them.
  const train = Array.from({ length: trainDays }, (_, d) => simulateDay(branchDay(d)));
  const window = {
    windowSeconds: DEFAULT_ETA_MODEL.windowSeconds,
    minCalls: DEFAULT_ETA_MODEL.minCalls,
  };
  const refit = fitEtaModel(etaSamples(train, window, OPEN_AT), window);
  const drift = modelDrift(refit, DEFAULT_ETA_MODEL);
  if (args.flag("print-model")) console.log(`Refit model:\n${modelAsTs(refit)}`);

  // 2. Held-out days: every estimator quotes each ticket when it is issued.
  const quoters: Record<string, Quoter> = {
    naive: naiveQuoter(averageServiceSeconds(train)),
    current: currentQuoter,
    "last-to-enter-service": lesQuoter,
    "delay-history blend (shipped)": blendQuoter(DEFAULT_ETA_MODEL),
  };
  const testSeeds = Array.from({ length: testDays }, (_, d) => TEST_DAY_OFFSET + d);
  const test = testSeeds.map((d) => simulateDay(branchDay(d), quoters));
  const eta = compareQuotes(test, Object.keys(quoters));
  // The same on busier days (+20 % customers) the model was not fitted on.
  const busy = testSeeds.map((d) =>
    simulateDay(branchDay(d, "call-next", branchOperators(), 1.2), quoters),
  );
  const etaBusy = compareQuotes(busy, Object.keys(quoters));

  const shipped = (rows: EtaAccuracy[]) => rows.find((r) => r.estimator.includes("shipped"))!;
  const baseline = (rows: EtaAccuracy[]) =>
    Math.min(
      ...rows
        .filter((r) => r.estimator === "naive" || r.estimator === "current")
        .map((r) => r.rmse_s),
    );
  const etaRatio = shipped(eta).rmse_s / baseline(eta);
  const etaRatioBusy = shipped(etaBusy).rmse_s / baseline(etaBusy);

  // 3. Policy: the same held-out days under per-service FIFO with bound operators.
  const bound = bindOperators(branchOperators(), branchLoad());
  const fifo: SimResult[] = testSeeds.map((d) => simulateDay(branchDay(d, "fifo", bound)));
  const ours = policyRow("call-next (skills, priority, appointments)", test);
  const theirs = policyRow("per-service FIFO, fixed operators", fifo);
  const waitReduction = 1 - ours.average_wait_s / theirs.average_wait_s;
  const p90Reduction = 1 - ours.p90_wait_s / theirs.p90_wait_s;

  // 4. Staffing: Erlang C's advice checked on the simulator.
  const staffing = staffingCheck();

  const elapsed = (performance.now() - started) / 1000;
  const shippedRow = shipped(eta);
  const bars: Bar[] = [
    {
      name: "ETA RMSE ÷ best baseline (held-out days)",
      target: "≤ 0.84",
      actual: etaRatio.toFixed(3),
      pass: etaRatio <= 0.84,
    },
    {
      name: "ETA 80 % interval coverage",
      target: "75–85 %",
      actual: pct(shippedRow.interval_coverage),
      pass: shippedRow.interval_coverage >= 0.75 && shippedRow.interval_coverage <= 0.85,
    },
    {
      name: "ETA under-estimates",
      target: "≤ 50 %",
      actual: pct(shippedRow.underestimate_share),
      pass: shippedRow.underestimate_share <= 0.5,
    },
    {
      name: "average wait vs per-service FIFO",
      target: "> 30 % less",
      actual: `${pct(waitReduction)} less`,
      pass: waitReduction > 0.3,
    },
  ];

  let commit: string | null = null;
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    commit = null;
  }
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
    lost: test.reduce((s, d) => s + d.tickets.filter((t) => t.endSeconds === null).length, 0),
    errors: null,
    peak_rss_mb: round(process.memoryUsage().rss / 1024 ** 2, 1),
    call_p99_ms: null,
    board_p99_ms: null,
    eta_rmse_ratio: round(etaRatio, 3),
    eta_interval_coverage: round(shippedRow.interval_coverage, 3),
    eta_underestimate_share: round(shippedRow.underestimate_share, 3),
    wait_reduction_vs_fifo: round(waitReduction, 3),
    p90_wait_reduction_vs_fifo: round(p90Reduction, 3),
    eta_rmse_ratio_busier_days: round(etaRatioBusy, 3),
    eta_interval_coverage_busier_days: round(shipped(etaBusy).interval_coverage, 3),
    eta_model_drift: round(drift, 4),
    seconds: round(elapsed, 1),
    scope:
      "simulator only (no server): the ETA, policy and staffing figures of the day benchmark; call and board latencies come from the day scenario",
    setup: {
      branch:
        "bank branch 09:00–18:00, 4 services, 10 operators with overlapping skills, ≈ 400 customers a day (±15 %), 11:00 = 2× the hourly average, loan appointments with 15 % no-shows, 5 % priority walk-ins, staggered lunch and coffee breaks",
      train_days: trainDays,
      test_days: testDays,
      test_seeds: `${TEST_DAY_OFFSET}..${TEST_DAY_OFFSET + testDays - 1}`,
      eta_tickets: "walk-ins that were called (appointments are quoted by their booked time)",
    },
    eta: eta.map(roundRow),
    eta_busier_days: etaBusy.map(roundRow),
    policy: [ours, theirs].map((r) => ({ ...r, ...roundNumbers(r) })),
    fifo_binding: Object.fromEntries(bound.map((o) => [o.id, o.serviceIds[0]])),
    staffing: {
      ...staffing,
      erlang_c_service_level: round(staffing.erlang_c_service_level, 3),
      simulated_service_level: round(staffing.simulated_service_level, 3),
      simulated_average_wait_s: round(staffing.simulated_average_wait_s, 1),
      erlang_c_average_wait_s: round(staffing.erlang_c_average_wait_s, 1),
      hours: staffing.hours.map((h) => ({
        ...h,
        erlang_c_service_level: round(h.erlang_c_service_level, 3),
        simulated_service_level: round(h.simulated_service_level, 3),
      })),
    },
    machine: machineInfo("none"),
  };

  console.log("\nETA on held-out days (walk-ins that were called):");
  console.table(eta.map(etaTableRow));
  console.log("ETA on busier held-out days (+20 % customers):");
  console.table(etaBusy.map(etaTableRow));
  console.log("Policy at equal staffing (same customers, operators, breaks):");
  console.table(
    [ours, theirs].map((r) => ({
      policy: r.policy,
      tickets: r.tickets,
      "avg wait min": min(r.average_wait_s),
      "p50 min": min(r.p50_wait_s),
      "p90 min": min(r.p90_wait_s),
      "≤ 15 min": pct(r.within_15_min),
    })),
  );
  console.log(`Staffing check (${staffing.target}, ${staffing.days} days):`);
  console.table(staffing.hours);
  console.log(`ETA model drift (largest weight change, refit vs shipped): ${drift.toFixed(4)}`);
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

function roundNumbers<T extends object>(row: T): T {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, typeof v === "number" ? round(v, 3) : v]),
  ) as T;
}

function roundRow(r: EtaAccuracy): EtaAccuracy {
  return roundNumbers(r);
}
