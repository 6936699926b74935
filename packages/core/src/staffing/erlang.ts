import { QUEUE_ERROR_CODE, QueueError } from "../errors";

/**
 * Erlang B and C for c identical operators, Poisson arrivals and exponential service (M/M/c),
 * and Erlang A (M/M/c+M: customers also leave after an exponential patience). Traffic is in
 * Erlangs: arrival rate × average handling time.
 *
 * Numerically stable for thousands of operators: Erlang B by its recursion
 * B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)) — no factorials, no powers.
 */

function requirePositive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new QueueError(QUEUE_ERROR_CODE.INVALID_ARGUMENT, `${name} must be a positive number.`);
  }
}

function requireNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new QueueError(
      QUEUE_ERROR_CODE.INVALID_ARGUMENT,
      `${name} must be a non-negative number.`,
    );
  }
}

function requireAgents(agents: number): void {
  if (!Number.isInteger(agents) || agents < 0) {
    throw new QueueError(
      QUEUE_ERROR_CODE.INVALID_ARGUMENT,
      "agents must be a non-negative whole number.",
    );
  }
}

/** Offered traffic in Erlangs: arrivals per interval × handling seconds ÷ interval seconds. */
export function trafficErlangs(
  arrivals: number,
  intervalSeconds: number,
  handleSeconds: number,
): number {
  requireNonNegative("arrivals", arrivals);
  requirePositive("intervalSeconds", intervalSeconds);
  requirePositive("handleSeconds", handleSeconds);
  return (arrivals / intervalSeconds) * handleSeconds;
}

/** Erlang B: the blocking probability of a loss system with `agents` servers. */
export function erlangB(traffic: number, agents: number): number {
  requireNonNegative("traffic", traffic);
  requireAgents(agents);
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (traffic * b) / (k + traffic * b);
  return b;
}

/** Erlang C from Erlang B: the probability an arrival waits. 1 when the queue is unstable. */
function erlangCFromB(traffic: number, agents: number, b: number): number {
  if (agents <= traffic) return 1;
  return (agents * b) / (agents - traffic * (1 - b));
}

/** Erlang C: the probability that an arrival has to wait (all operators busy). */
export function erlangC(traffic: number, agents: number): number {
  return erlangCFromB(traffic, agents, erlangB(traffic, agents));
}

export type ErlangCResult = {
  /** Offered traffic in Erlangs. */
  traffic: number;
  agents: number;
  /** Probability an arrival waits at all. */
  pWait: number;
  /** Share answered within the target wait: 1 − P(wait)·e^(−(agents − traffic)·target / handle). */
  serviceLevel: number;
  /** Average wait over all arrivals (average speed of answer), seconds. */
  averageWaitSeconds: number;
  /** Share of operator time spent serving: traffic ÷ agents (capped at 1). */
  occupancy: number;
};

export type ErlangCInput = {
  /** Arrivals per second. */
  arrivalRate: number;
  /** Average handling (service) time, seconds. */
  handleSeconds: number;
  /** The service-level target: answered within this many seconds. */
  targetSeconds: number;
  agents: number;
};

function resultFromB(
  traffic: number,
  agents: number,
  b: number,
  handleSeconds: number,
  targetSeconds: number,
): ErlangCResult {
  const pWait = erlangCFromB(traffic, agents, b);
  const stable = agents > traffic;
  return {
    traffic,
    agents,
    pWait,
    serviceLevel: stable
      ? Math.max(0, 1 - pWait * Math.exp((-(agents - traffic) * targetSeconds) / handleSeconds))
      : 0,
    averageWaitSeconds: stable ? (pWait * handleSeconds) / (agents - traffic) : Infinity,
    occupancy: agents === 0 ? 1 : Math.min(1, traffic / agents),
  };
}

/** Erlang C figures for one interval at a given number of operators. */
export function erlangCMetrics(input: ErlangCInput): ErlangCResult {
  requireNonNegative("arrivalRate", input.arrivalRate);
  requirePositive("handleSeconds", input.handleSeconds);
  requireNonNegative("targetSeconds", input.targetSeconds);
  requireAgents(input.agents);
  const traffic = input.arrivalRate * input.handleSeconds;
  return resultFromB(
    traffic,
    input.agents,
    erlangB(traffic, input.agents),
    input.handleSeconds,
    input.targetSeconds,
  );
}

export type StaffingTarget = {
  /** Answered within this many seconds… */
  targetSeconds: number;
  /** …for at least this share of arrivals (0..1), e.g. 0.8. */
  serviceLevel: number;
  /** Optional cap on occupancy (0..1], e.g. 0.85, so operators are not run flat out. */
  maxOccupancy?: number;
  /** Never advise more than this many operators (default 100,000). */
  maxAgents?: number;
};

/**
 * The fewest operators whose Erlang C service level meets the target (and whose occupancy stays
 * under the cap), with the figures at that staffing. 0 operators when nobody arrives.
 */
export function agentsForServiceLevel(
  arrivalRate: number,
  handleSeconds: number,
  target: StaffingTarget,
): ErlangCResult {
  requireNonNegative("arrivalRate", arrivalRate);
  requirePositive("handleSeconds", handleSeconds);
  requireNonNegative("targetSeconds", target.targetSeconds);
  if (!(target.serviceLevel >= 0 && target.serviceLevel < 1)) {
    throw new QueueError(QUEUE_ERROR_CODE.INVALID_ARGUMENT, "serviceLevel must be in [0, 1).");
  }
  const maxOccupancy = target.maxOccupancy ?? 1;
  if (!(maxOccupancy > 0 && maxOccupancy <= 1)) {
    throw new QueueError(QUEUE_ERROR_CODE.INVALID_ARGUMENT, "maxOccupancy must be in (0, 1].");
  }
  const traffic = arrivalRate * handleSeconds;
  if (traffic === 0) return resultFromB(0, 0, 1, handleSeconds, target.targetSeconds);
  const maxAgents = target.maxAgents ?? 100_000;
  // Walk the Erlang B recursion upward; check each count past the stability bound.
  let b = 1;
  for (let agents = 1; agents <= maxAgents; agents++) {
    b = (traffic * b) / (agents + traffic * b);
    if (agents <= traffic || traffic / agents > maxOccupancy) continue;
    const r = resultFromB(traffic, agents, b, handleSeconds, target.targetSeconds);
    if (r.serviceLevel >= target.serviceLevel) return r;
  }
  throw new QueueError(
    QUEUE_ERROR_CODE.INVALID_ARGUMENT,
    `No staffing up to ${maxAgents} operators meets the target.`,
  );
}

export type StaffingInterval = {
  /** Arrivals expected in the interval. */
  arrivals: number;
  /** Average handling time in the interval, seconds. */
  handleSeconds: number;
};

export type StaffingAdvice = ErlangCResult & {
  /** Arrivals per second the advice was computed for. */
  arrivalRate: number;
};

/** Operators needed per interval (15 minutes by default) of a typical day for a service-level target. */
export function staffingPlan(
  intervals: readonly StaffingInterval[],
  target: StaffingTarget,
  intervalSeconds = 15 * 60,
): StaffingAdvice[] {
  requirePositive("intervalSeconds", intervalSeconds);
  return intervals.map((interval) => {
    requireNonNegative("arrivals", interval.arrivals);
    const arrivalRate = interval.arrivals / intervalSeconds;
    return { ...agentsForServiceLevel(arrivalRate, interval.handleSeconds, target), arrivalRate };
  });
}

export type ErlangAInput = {
  /** Arrivals per second. */
  arrivalRate: number;
  /** Average handling time, seconds. */
  handleSeconds: number;
  /** Average patience of a waiting customer before leaving, seconds (exponential). */
  patienceSeconds: number;
  agents: number;
};

export type ErlangAResult = {
  traffic: number;
  agents: number;
  /** Probability an arrival finds every operator busy. */
  pWait: number;
  /** Share of arrivals who leave before being called. */
  pAbandon: number;
  /** Average number waiting. */
  averageQueue: number;
  /** Average time in the queue over all arrivals (served or not), seconds. */
  averageWaitSeconds: number;
  /** Share of operator time spent serving. */
  occupancy: number;
};

/**
 * Erlang A (M/M/c+M) by its birth–death chain: state n customers present, births at the arrival
 * rate, deaths at min(n, c)·μ + max(n − c, 0)·θ. The chain is summed in ratios to the state c, in
 * logarithms scaled by the largest term (no overflow), until the tail is negligible. Always stable, even
 * with fewer operators than the traffic: impatient customers bound the queue.
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  requireNonNegative("arrivalRate", input.arrivalRate);
  requirePositive("handleSeconds", input.handleSeconds);
  requirePositive("patienceSeconds", input.patienceSeconds);
  requireAgents(input.agents);
  const { arrivalRate: lambda, agents: c } = input;
  const mu = 1 / input.handleSeconds;
  const theta = 1 / input.patienceSeconds;
  const traffic = lambda / mu;
  if (lambda === 0) {
    return {
      traffic,
      agents: c,
      pWait: 0,
      pAbandon: 0,
      averageQueue: 0,
      averageWaitSeconds: 0,
      occupancy: 0,
    };
  }
  // Relative weights w_n = π_n / π_c in logarithms (they span hundreds of orders of magnitude
  // when the operators are far from the traffic). Below c: w_{n−1} = w_n · n·μ / λ.
  const logBelow: number[] = []; // log w_n for n = c−1 … 0
  let logW = 0;
  for (let n = c; n >= 1; n--) {
    logW += Math.log((n * mu) / lambda);
    logBelow.push(logW);
  }
  // At and above c: w_{c+k+1} = w_{c+k} · λ / (c·μ + (k+1)·θ); stop well past the mode.
  const logAbove: number[] = [0];
  let peak = 0;
  logW = 0;
  for (let k = 0; k < 10_000_000; k++) {
    const rate = c * mu + (k + 1) * theta;
    logW += Math.log(lambda / rate);
    logAbove.push(logW);
    peak = Math.max(peak, logW);
    if (lambda < rate && logW < peak - 50) break;
  }
  const top = logBelow.reduce((m, lw) => Math.max(m, lw), peak);
  let below = 0; // Σ_{n<c} w_n (scaled by e^−top)
  let busyBelow = 0; // Σ_{n<c} n·w_n
  logBelow.forEach((lw, i) => {
    const w = Math.exp(lw - top);
    below += w;
    busyBelow += (c - 1 - i) * w;
  });
  let atOrAbove = 0; // Σ_{n≥c} w_n
  let queue = 0; // Σ_{n≥c} (n − c)·w_n
  logAbove.forEach((lw, k) => {
    const w = Math.exp(lw - top);
    atOrAbove += w;
    queue += k * w;
  });
  const total = below + atOrAbove;
  const pWait = atOrAbove / total;
  const averageQueue = queue / total;
  const busy = (busyBelow + c * atOrAbove) / total;
  return {
    traffic,
    agents: c,
    pWait: c === 0 ? 1 : pWait,
    pAbandon: (theta * averageQueue) / lambda,
    averageQueue,
    averageWaitSeconds: averageQueue / lambda,
    occupancy: c === 0 ? 0 : busy / c,
  };
}
