import { DEFAULT_ETA_MODEL, fitEtaModel, type EtaModel } from "@equeue/core";
import { bindOperators, branchDay, branchLoad, branchOperators } from "./branch";
import { simulateDay, type Quoter, type SimOperator } from "./day-sim";
import {
  averageServiceSeconds,
  blendQuoter,
  compareQuotes,
  currentQuoter,
  etaSamples,
  lesQuoter,
  naiveQuoter,
  type EtaAccuracy,
} from "./estimators";
import { policyRow, type PolicyRow } from "./policy-compare";
import {
  erlangACheck,
  staffingCheck,
  type ErlangACheckRow,
  type StaffingCheck,
} from "./staffing-check";

/**
 * The queue-intelligence figures of the `day` benchmark, from the day simulator alone:
 * ETA estimators on held-out days, call-next vs per-service FIFO, and Erlang C's staffing advice
 * checked on the simulator. Deterministic: the same options give the same figures anywhere.
 */

export const OPEN_AT = new Date("2026-01-05T04:00:00Z");
/** Held-out days use seeds far from the training days'. */
export const TEST_DAY_OFFSET = 1000;
export const SHIPPED = "delay-history blend (shipped)";
const BASELINES = ["naive", "current"];

export type QueueIntelligence = {
  trainDays: number;
  testDays: number;
  /** The blend refitted on the training days, and its largest weight change vs the shipped one. */
  refit: EtaModel;
  drift: number;
  eta: EtaAccuracy[];
  /** The same held-out days with 20 % more customers (a load the model was not fitted on). */
  etaBusy: EtaAccuracy[];
  /** Shipped RMSE ÷ the best of naive and current. */
  etaRatio: number;
  etaRatioBusy: number;
  shipped: EtaAccuracy;
  ours: PolicyRow;
  /** Call-next's order but each operator bound to one service: what the order alone gives. */
  oursBound: PolicyRow;
  fifo: PolicyRow;
  fifoBinding: SimOperator[];
  waitReduction: number;
  p90Reduction: number;
  staffing: StaffingCheck;
  /** Erlang A's abandonment and waiting vs the simulator with impatient customers. */
  erlangA: ErlangACheckRow[];
  /** Tickets never called on the held-out days (must be 0). */
  lost: number;
};

function ratioToBaseline(rows: EtaAccuracy[]): number {
  const shipped = rows.find((r) => r.estimator === SHIPPED)!;
  const best = Math.min(
    ...rows.filter((r) => BASELINES.includes(r.estimator)).map((r) => r.rmse_s),
  );
  return shipped.rmse_s / best;
}

function modelDrift(a: EtaModel, b: EtaModel): number {
  return Math.max(...a.weights.map((w, i) => Math.abs(w - (b.weights[i] ?? 0))));
}

export function queueIntelligence(trainDays = 40, testDays = 40): QueueIntelligence {
  // 1. Training days: the branch under the call-next policy; refit the blend on them.
  const train = Array.from({ length: trainDays }, (_, d) => simulateDay(branchDay(d)));
  const window = {
    windowSeconds: DEFAULT_ETA_MODEL.windowSeconds,
    minCalls: DEFAULT_ETA_MODEL.minCalls,
  };
  const refit = fitEtaModel(etaSamples(train, window, OPEN_AT), window);

  // 2. Held-out days: every estimator quotes each ticket when it is issued.
  const quoters: Record<string, Quoter> = {
    naive: naiveQuoter(averageServiceSeconds(train)),
    current: currentQuoter,
    "last-to-enter-service": lesQuoter,
    [SHIPPED]: blendQuoter(DEFAULT_ETA_MODEL),
  };
  const seeds = Array.from({ length: testDays }, (_, d) => TEST_DAY_OFFSET + d);
  const test = seeds.map((d) => simulateDay(branchDay(d), quoters));
  const eta = compareQuotes(test, Object.keys(quoters));
  const busy = seeds.map((d) =>
    simulateDay(branchDay(d, "call-next", branchOperators(), 1.2), quoters),
  );
  const etaBusy = compareQuotes(busy, Object.keys(quoters));

  // 3. Policy: the same held-out days (same customers, operators, breaks) under per-service FIFO.
  const fifoBinding = bindOperators(branchOperators(), branchLoad());
  const fifoDays = seeds.map((d) => simulateDay(branchDay(d, "fifo", fifoBinding)));
  const ours = policyRow("call-next (skills, priority, appointments)", test);
  const fifo = policyRow("per-service FIFO, fixed operators", fifoDays);
  const boundDays = seeds.map((d) => simulateDay(branchDay(d, "call-next", fifoBinding)));
  const oursBound = policyRow("call-next order, fixed operators (no skills)", boundDays);

  return {
    trainDays,
    testDays,
    refit,
    drift: modelDrift(refit, DEFAULT_ETA_MODEL),
    eta,
    etaBusy,
    etaRatio: ratioToBaseline(eta),
    etaRatioBusy: ratioToBaseline(etaBusy),
    shipped: eta.find((r) => r.estimator === SHIPPED)!,
    ours,
    oursBound,
    fifo,
    fifoBinding,
    waitReduction: 1 - ours.average_wait_s / fifo.average_wait_s,
    p90Reduction: 1 - ours.p90_wait_s / fifo.p90_wait_s,
    // 4. Staffing: Erlang C's advice checked on the simulator.
    staffing: staffingCheck(),
    erlangA: erlangACheck(),
    lost: [...test, ...fifoDays, ...boundDays].reduce(
      (s, d) => s + d.tickets.filter((t) => t.endSeconds === null).length,
      0,
    ),
  };
}
