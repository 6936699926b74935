import { QUEUE_ERROR_CODE, QueueError } from "../errors";

/**
 * A wait estimate (ETA) with an 80 % prediction interval, from what the server knows when a ticket
 * is issued: people ahead in the line, operators serving the service, the smoothed service time,
 * and the recent calls of the same service (when each was called and how long it had waited).
 *
 * It blends four estimates of the same wait by weights fitted on history (least squares):
 * - queue: people ahead × service time ÷ operators serving (the current estimate's form);
 * - flow: people ahead × the line's observed time between calls (captures operators shared with
 *   other services, breaks and priority tickets, which the operator count does not);
 * - last wait: the wait of the last ticket called (last-to-enter-service, Ibrahim & Whitt);
 * - recent wait: the average wait of the calls in the window;
 * plus a constant. The interval adds the 10th and 90th percentile of the fitted residuals within
 * the band of predicted waits the estimate falls in (residuals grow with the wait).
 * `fitEtaModel` refits the weights and bands from any branch's own history.
 */

export type EtaCall = {
  calledAt: Date;
  /** Seconds from issue to call. */
  waitSeconds: number;
};

export type EtaInput = {
  now: Date;
  peopleAhead: number;
  /** Operators with this service among their services and at their counter (not on break). */
  operatorsServing: number;
  /** Smoothed recent service time of this service, seconds; null without history. */
  smoothedServiceSeconds: number | null;
  /** The service's configured duration, seconds. */
  expectedServiceSeconds: number;
  /** Calls of this service in this branch; those older than the model's window are ignored. */
  recentCalls: readonly EtaCall[];
};

export type EtaBand = {
  /** The band covers predicted waits up to this many seconds (the last band: everything above). */
  upToSeconds: number;
  /** Residual (actual − predicted) quantiles, seconds, added to the estimate for the interval. */
  low: number;
  high: number;
};

export type EtaModel = {
  /** How far back recent calls count, seconds. */
  windowSeconds: number;
  /** Fewer calls than this in the window: the flow term falls back to the queue form. */
  minCalls: number;
  /** One weight per entry of ETA_FEATURES. */
  weights: number[];
  bands: EtaBand[];
};

export type EtaEstimate = {
  seconds: number;
  lowSeconds: number;
  highSeconds: number;
};

export const ETA_FEATURES = ["queue", "flow", "lastWait", "recentWait", "constant"] as const;

/**
 * Fitted on 40 simulated days of the bench's bank branch (`npm run bench -- day-sim`, which
 * refits and prints any drift). A branch with enough history should refit with `fitEtaModel`.
 */
export const DEFAULT_ETA_MODEL: EtaModel = {
  windowSeconds: 1800,
  minCalls: 3,
  weights: [0.1806, 0.412, 0.3161, 0.0961, 48.835],
  bands: [
    { upToSeconds: 48.9, low: -49, high: -49 },
    { upToSeconds: 49.5, low: -49, high: 14 },
    { upToSeconds: 60.3, low: -57, high: 49 },
    { upToSeconds: 128.2, low: -100, high: 128 },
    { upToSeconds: 304.8, low: -172, high: 283 },
    { upToSeconds: 730.3, low: -284, high: 595 },
    { upToSeconds: Number.MAX_VALUE, low: -722, high: 1220 },
  ],
};

function requireNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new QueueError(
      QUEUE_ERROR_CODE.INVALID_ARGUMENT,
      `${name} must be a non-negative number.`,
    );
  }
}

/** The features the model weighs, in ETA_FEATURES order. */
export function etaFeatures(
  input: EtaInput,
  model: Pick<EtaModel, "windowSeconds" | "minCalls"> = DEFAULT_ETA_MODEL,
): number[] {
  const { peopleAhead, operatorsServing, smoothedServiceSeconds, expectedServiceSeconds } = input;
  requireNonNegative("peopleAhead", peopleAhead);
  requireNonNegative("operatorsServing", operatorsServing);
  requireNonNegative("expectedServiceSeconds", expectedServiceSeconds);
  if (smoothedServiceSeconds !== null)
    requireNonNegative("smoothedServiceSeconds", smoothedServiceSeconds);
  const perPerson = smoothedServiceSeconds ?? expectedServiceSeconds;
  const queue = (peopleAhead * perPerson) / Math.max(1, operatorsServing);

  const now = input.now.getTime();
  const since = now - model.windowSeconds * 1000;
  let count = 0;
  let sum = 0;
  let last: EtaCall | null = null;
  for (const call of input.recentCalls) {
    const at = call.calledAt.getTime();
    if (at < since || at > now) continue;
    count += 1;
    sum += call.waitSeconds;
    if (last === null || at > last.calledAt.getTime()) last = call;
  }
  const flow = count >= model.minCalls ? (peopleAhead * model.windowSeconds) / count : queue;
  const lastWait = last?.waitSeconds ?? 0;
  const recentWait = count > 0 ? sum / count : 0;
  return [queue, flow, lastWait, recentWait, 1];
}

function bandOf(bands: readonly EtaBand[], seconds: number): EtaBand {
  for (const band of bands) if (seconds <= band.upToSeconds) return band;
  return bands[bands.length - 1]!;
}

/** Applies a model to features: the estimate and its interval (containing it), never negative. */
export function predictFromFeatures(features: readonly number[], model: EtaModel): EtaEstimate {
  let seconds = 0;
  for (let i = 0; i < model.weights.length; i++) seconds += model.weights[i]! * features[i]!;
  seconds = Math.max(0, seconds);
  const band = bandOf(model.bands, seconds);
  // The interval always holds its own estimate, even where the band's residuals all lie on one side.
  const lowSeconds = Math.min(seconds, Math.max(0, seconds + band.low));
  const highSeconds = Math.max(seconds, seconds + band.high);
  return { seconds, lowSeconds, highSeconds };
}

/** The wait estimate and its 80 % interval for a ticket issued now. */
export function estimateEta(input: EtaInput, model: EtaModel = DEFAULT_ETA_MODEL): EtaEstimate {
  return predictFromFeatures(etaFeatures(input, model), model);
}

export type EtaMinutes = { minutes: number; lowMinutes: number; highMinutes: number };

/** The estimate in whole minutes as a ticket page shows it: rounded, its range widened outward. */
export function etaMinutes(estimate: EtaEstimate): EtaMinutes {
  return {
    minutes: Math.round(estimate.seconds / 60),
    lowMinutes: Math.floor(estimate.lowSeconds / 60),
    highMinutes: Math.ceil(estimate.highSeconds / 60),
  };
}

export type EtaSample = {
  /** From `etaFeatures`, with the same window and minimum calls as the model being fitted. */
  features: readonly number[];
  /** The wait that followed, seconds. */
  actualSeconds: number;
};

export type EtaFitOptions = {
  windowSeconds?: number;
  minCalls?: number;
  /** Interval coverage to aim for (default 0.8: the 10th to the 90th percentile). */
  coverage?: number;
  /** Bands of predicted wait with their own residual quantiles (default 8, equal counts). */
  bands?: number;
  /** Ridge penalty relative to the mean squared feature (default 1e-6), for collinear features. */
  ridge?: number;
};

/** Least-squares weights and banded residual quantiles from history. */
export function fitEtaModel(samples: readonly EtaSample[], options: EtaFitOptions = {}): EtaModel {
  const k = ETA_FEATURES.length;
  if (samples.length < k * 10) {
    throw new QueueError(
      QUEUE_ERROR_CODE.INVALID_ARGUMENT,
      `At least ${k * 10} samples are needed to fit an ETA model.`,
    );
  }
  const coverage = options.coverage ?? 0.8;
  if (!(coverage > 0 && coverage < 1)) {
    throw new QueueError(QUEUE_ERROR_CODE.INVALID_ARGUMENT, "coverage must be in (0, 1).");
  }
  // Normal equations (XᵀX + λI) w = Xᵀy.
  const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xty = new Array<number>(k).fill(0);
  let scale = 0;
  for (const s of samples) {
    if (s.features.length !== k) {
      throw new QueueError(QUEUE_ERROR_CODE.INVALID_ARGUMENT, `Each sample needs ${k} features.`);
    }
    for (let i = 0; i < k; i++) {
      xty[i]! += s.features[i]! * s.actualSeconds;
      for (let j = 0; j < k; j++) xtx[i]![j]! += s.features[i]! * s.features[j]!;
    }
  }
  for (let i = 0; i < k; i++) scale += xtx[i]![i]! / k;
  const ridge = (options.ridge ?? 1e-6) * scale;
  for (let i = 0; i < k; i++) xtx[i]![i]! += ridge;
  const weights = solve(xtx, xty);

  const provisional: EtaModel = {
    windowSeconds: options.windowSeconds ?? DEFAULT_ETA_MODEL.windowSeconds,
    minCalls: options.minCalls ?? DEFAULT_ETA_MODEL.minCalls,
    weights,
    bands: [{ upToSeconds: Number.MAX_VALUE, low: 0, high: 0 }],
  };
  const fitted = samples
    .map((s) => {
      const predicted = predictFromFeatures(s.features, provisional).seconds;
      return { predicted, residual: s.actualSeconds - predicted };
    })
    .sort((a, b) => a.predicted - b.predicted);
  const bandCount = Math.max(1, Math.min(options.bands ?? 8, Math.floor(fitted.length / 50)));
  // Equal-count band edges over the predicted waits; ties collapse, so every band is distinct.
  const edges: number[] = [];
  for (let b = 1; b < bandCount; b++) {
    const edge = fitted[Math.floor((b * fitted.length) / bandCount) - 1]!.predicted;
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  edges.push(Number.MAX_VALUE);
  const residualsByBand = edges.map(() => [] as number[]);
  for (const r of fitted)
    residualsByBand[edges.findIndex((e) => r.predicted <= e)]!.push(r.residual);
  const tail = (1 - coverage) / 2;
  const bands: EtaBand[] = [];
  edges.forEach((upToSeconds, i) => {
    const residuals = residualsByBand[i]!.sort((x, y) => x - y);
    if (residuals.length === 0) return;
    bands.push({
      upToSeconds,
      low: quantile(residuals, tail),
      high: quantile(residuals, 1 - tail),
    });
  });
  bands[bands.length - 1]!.upToSeconds = Number.MAX_VALUE;
  return { ...provisional, bands };
}

/** Linear interpolation between order statistics of a sorted list. */
function quantile(sorted: readonly number[], q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Gaussian elimination with partial pivoting on a small dense system. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[pivot]![c]!)) pivot = r;
    [m[c], m[pivot]] = [m[pivot]!, m[c]!];
    const p = m[c]![c]!;
    if (Math.abs(p) < 1e-300) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / p;
      if (f === 0) continue;
      for (let j = c; j <= n; j++) m[r]![j]! -= f * m[c]![j]!;
    }
  }
  return m.map((row, i) => (Math.abs(row[i]!) < 1e-300 ? 0 : row[n]! / row[i]!));
}
