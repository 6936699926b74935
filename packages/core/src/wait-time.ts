import { compareCandidates, type CallCandidate, type OrderingContext } from "./call-next-policy";
import { QUEUE_ERROR_CODE, QueueError } from "./errors";
import { TICKET_STATUS } from "./ticket-status";

/** Default weight of the newest sample in the smoothed service time. */
export const DEFAULT_SMOOTHING_ALPHA = 0.2;

/** What the estimate was based on. */
export const WAIT_BASIS = {
  HISTORY: "HISTORY",
  EXPECTED: "EXPECTED",
} as const;
export type WaitBasis = (typeof WAIT_BASIS)[keyof typeof WAIT_BASIS];

export type WaitEstimateInput = {
  peopleAhead: number;
  /** Operators assigned to this service and at their counter now (not on break). */
  operatorsServing: number;
  /** Smoothed recent service time in seconds; null when there is no history yet. */
  smoothedServiceSeconds: number | null;
  /** The service's configured expected duration in seconds. */
  expectedServiceSeconds: number;
};

export type WaitEstimate = {
  minutes: number;
  lowMinutes: number;
  highMinutes: number;
  /** Nobody serves this service now: the figure assumes one operator comes back, range is wide. */
  noOperators: boolean;
  basis: WaitBasis;
};

// The spread of real service times is wide; a range people can plan with beats false precision.
const LOW_FACTOR = 0.75;
const HIGH_FACTOR = 1.5;
const NO_OPERATOR_LOW_FACTOR = 0.5;
const NO_OPERATOR_HIGH_FACTOR = 3;

function requireNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new QueueError(
      QUEUE_ERROR_CODE.INVALID_ARGUMENT,
      `${name} must be a non-negative number.`,
    );
  }
}

/** Exponentially weighted moving average of service time; the first sample starts it. */
export function smoothServiceTime(
  prevAvg: number | null,
  sampleSeconds: number,
  alpha: number = DEFAULT_SMOOTHING_ALPHA,
): number {
  requireNonNegative("sampleSeconds", sampleSeconds);
  if (!(alpha > 0 && alpha <= 1)) {
    throw new QueueError(QUEUE_ERROR_CODE.INVALID_ARGUMENT, "alpha must be in (0, 1].");
  }
  if (prevAvg === null) return sampleSeconds;
  requireNonNegative("prevAvg", prevAvg);
  return alpha * sampleSeconds + (1 - alpha) * prevAvg;
}

/** Wait estimate: people ahead ÷ operators serving × smoothed service time, as a figure and a range. */
export function estimateWait(input: WaitEstimateInput): WaitEstimate {
  const { peopleAhead, operatorsServing, smoothedServiceSeconds, expectedServiceSeconds } = input;
  requireNonNegative("peopleAhead", peopleAhead);
  requireNonNegative("operatorsServing", operatorsServing);
  requireNonNegative("expectedServiceSeconds", expectedServiceSeconds);
  if (smoothedServiceSeconds !== null)
    requireNonNegative("smoothedServiceSeconds", smoothedServiceSeconds);

  if (operatorsServing === 0) {
    // Recent history says little about a closed service; use the configured duration.
    const seconds = peopleAhead * expectedServiceSeconds;
    return {
      minutes: toMinutes(seconds),
      lowMinutes: Math.floor((seconds * NO_OPERATOR_LOW_FACTOR) / 60),
      highMinutes: Math.ceil((seconds * NO_OPERATOR_HIGH_FACTOR) / 60),
      noOperators: true,
      basis: WAIT_BASIS.EXPECTED,
    };
  }
  const basis = smoothedServiceSeconds === null ? WAIT_BASIS.EXPECTED : WAIT_BASIS.HISTORY;
  const perPerson = smoothedServiceSeconds ?? expectedServiceSeconds;
  const seconds = (peopleAhead / operatorsServing) * perPerson;
  return {
    minutes: toMinutes(seconds),
    lowMinutes: Math.floor((seconds * LOW_FACTOR) / 60),
    highMinutes: Math.ceil((seconds * HIGH_FACTOR) / 60),
    noOperators: false,
    basis,
  };
}

function toMinutes(seconds: number): number {
  return Math.round(seconds / 60);
}

/**
 * How many WAITING tickets of the same service are ahead of `ticket` in the call order.
 * Uses the call-next order, so the figure a customer sees matches what operators will do.
 */
export function countPeopleAhead(
  ticket: CallCandidate,
  queue: readonly CallCandidate[],
  ctx: OrderingContext,
): number {
  let ahead = 0;
  for (const other of queue) {
    if (other.id === ticket.id) continue;
    if (other.status !== TICKET_STATUS.WAITING || other.serviceId !== ticket.serviceId) continue;
    if (compareCandidates(other, ticket, ctx) < 0) ahead += 1;
  }
  return ahead;
}
