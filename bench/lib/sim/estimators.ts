import {
  estimateEta,
  estimateWait,
  etaFeatures,
  type EtaInput,
  type EtaModel,
  type EtaSample,
} from "@equeue/core";
import { waitOf, type Observation, type Quote, type Quoter, type SimResult } from "./day-sim";

/**
 * The ETA estimators compared on simulated days, each as a `Quoter` the simulator asks when a
 * ticket is issued, and the accuracy figures of the comparison.
 */

/** Core's EtaInput from a simulator observation (dates from the day's opening). */
export function etaInput(observation: Observation, now: Date): EtaInput {
  const open = now.getTime() - observation.atSeconds * 1000;
  return {
    now,
    peopleAhead: observation.peopleAhead,
    operatorsServing: observation.operatorsServing,
    smoothedServiceSeconds: observation.smoothedServiceSeconds,
    expectedServiceSeconds: observation.expectedServiceSeconds,
    recentCalls: observation.recentCalls.map((c) => ({
      calledAt: new Date(open + c.calledAtSeconds * 1000),
      waitSeconds: c.waitSeconds,
    })),
  };
}

// The current estimate's range, used for the naive one too (it has none of its own).
const LOW_FACTOR = 0.75;
const HIGH_FACTOR = 1.5;

/** Naive: people ahead × the service's average service time ÷ operators serving. */
export function naiveQuoter(averageServiceSeconds: Record<string, number>): Quoter {
  return (o) => {
    const seconds =
      (o.peopleAhead * (averageServiceSeconds[o.serviceId] ?? o.expectedServiceSeconds)) /
      Math.max(1, o.operatorsServing);
    return { seconds, lowSeconds: seconds * LOW_FACTOR, highSeconds: seconds * HIGH_FACTOR };
  };
}

/** The current estimate as the server shows it (core's estimateWait, whole minutes). */
export const currentQuoter: Quoter = (o) => {
  const e = estimateWait({
    peopleAhead: o.peopleAhead,
    operatorsServing: o.operatorsServing,
    smoothedServiceSeconds: o.smoothedServiceSeconds,
    expectedServiceSeconds: o.expectedServiceSeconds,
  });
  return {
    seconds: e.minutes * 60,
    lowSeconds: e.lowMinutes * 60,
    highSeconds: e.highMinutes * 60,
  };
};

/**
 * Last-to-enter-service (Ibrahim & Whitt): the wait of the last ticket of the same service
 * called; 0 before the first call. Its range uses the current estimate's factors.
 */
export const lesQuoter: Quoter = (o) => {
  const seconds = o.recentCalls[o.recentCalls.length - 1]?.waitSeconds ?? 0;
  return { seconds, lowSeconds: seconds * LOW_FACTOR, highSeconds: seconds * HIGH_FACTOR };
};

/** The delay-history blend of core (`estimateEta`) with a given model. */
export function blendQuoter(model: EtaModel): Quoter {
  return (o, now) => estimateEta(etaInput(o, now), model);
}

/** Walk-in tickets that were called: the ones whose quoted wait can be checked. */
export function checkable(results: readonly SimResult[]) {
  return results.flatMap((r) =>
    r.tickets.filter((t) => t.kind === "walk-in" && t.calledSeconds !== null),
  );
}

/** Training samples for core's fitEtaModel from simulated days. */
export function etaSamples(
  results: readonly SimResult[],
  model: Pick<EtaModel, "windowSeconds" | "minCalls">,
  openAt: Date,
): EtaSample[] {
  return checkable(results).map((t) => ({
    features: etaFeatures(
      etaInput(t.observation, new Date(openAt.getTime() + t.observation.atSeconds * 1000)),
      model,
    ),
    actualSeconds: waitOf(t)!,
  }));
}

/** Mean service time per service over simulated days (what the naive estimator is given). */
export function averageServiceSeconds(results: readonly SimResult[]): Record<string, number> {
  const sum: Record<string, number> = {};
  const n: Record<string, number> = {};
  for (const r of results)
    for (const t of r.tickets) {
      sum[t.serviceId] = (sum[t.serviceId] ?? 0) + t.serviceSeconds;
      n[t.serviceId] = (n[t.serviceId] ?? 0) + 1;
    }
  return Object.fromEntries(Object.keys(sum).map((k) => [k, sum[k]! / n[k]!]));
}

export type EtaAccuracy = {
  estimator: string;
  tickets: number;
  rmse_s: number;
  mae_s: number;
  bias_s: number;
  /** Share of actual waits inside the quoted interval. */
  interval_coverage: number;
  /** Share of tickets that waited longer than quoted. */
  underestimate_share: number;
  /** Average interval width, seconds. */
  interval_width_s: number;
};

export function accuracy(
  estimator: string,
  pairs: { quote: Quote; actual: number }[],
): EtaAccuracy {
  let se = 0;
  let ae = 0;
  let bias = 0;
  let inside = 0;
  let under = 0;
  let width = 0;
  for (const { quote, actual } of pairs) {
    const err = quote.seconds - actual;
    se += err * err;
    ae += Math.abs(err);
    bias += err;
    if (actual >= quote.lowSeconds && actual <= quote.highSeconds) inside += 1;
    if (actual > quote.seconds) under += 1;
    width += quote.highSeconds - quote.lowSeconds;
  }
  const n = Math.max(1, pairs.length);
  return {
    estimator,
    tickets: pairs.length,
    rmse_s: Math.sqrt(se / n),
    mae_s: ae / n,
    bias_s: bias / n,
    interval_coverage: inside / n,
    underestimate_share: under / n,
    interval_width_s: width / n,
  };
}

/** The accuracy of each quote the simulator recorded, over the checkable tickets. */
export function compareQuotes(
  results: readonly SimResult[],
  names: readonly string[],
): EtaAccuracy[] {
  const tickets = checkable(results);
  return names.map((name) =>
    accuracy(
      name,
      tickets.map((t) => ({ quote: t.quotes[name]!, actual: waitOf(t)! })),
    ),
  );
}
