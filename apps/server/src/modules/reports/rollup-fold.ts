import { TICKET_ACTION, TICKET_STATUS, type TicketSource } from "@equeue/core";

/**
 * What one queue event adds to the report roll-ups — pure, so the subscriber, the recount in
 * the tests and the benchmark's generator fold events the same way (docs/reports.md).
 */

/** Upper bounds (seconds) of the histogram buckets; the last bucket is open. */
export const HISTOGRAM_BOUNDS = [
  30, 60, 90, 120, 180, 240, 300, 420, 600, 900, 1200, 1800, 2700, 3600, 5400, 7200, 10800,
] as const;
export const HISTOGRAM_SIZE = HISTOGRAM_BOUNDS.length + 1;

/** The operator of figures that belong to no operator (issued, cancelled, expired…). */
export const NO_OPERATOR = "00000000-0000-0000-0000-000000000000";

export const INTERVAL_MS = 15 * 60 * 1000;

export const COUNTERS = [
  "issued",
  "called",
  "served",
  "no_show",
  "cancelled",
  "expired",
  "transferred",
  "booked",
  "checked_in",
  "late",
  "missed",
  "booking_cancelled",
  "wait_count",
  "target_count",
  "within_target",
  "service_count",
] as const;
export type Counter = (typeof COUNTERS)[number];

export type RollupKey = {
  branchId: string;
  bucket: Date;
  serviceId: string;
  operatorId: string;
  source: TicketSource;
};

export type RollupDelta = RollupKey & {
  counts: Partial<Record<Counter, number>>;
  waitSeconds?: number;
  serviceSeconds?: number;
};

/** The event as the fold needs it (a ticket_events row). */
export type FoldEvent = {
  id: number;
  at: Date;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  operatorId: string | null;
};

/** The ticket's fixed facts. */
export type FoldTicket = {
  branchId: string;
  serviceId: string;
  source: TicketSource;
  appointmentAt: Date | null;
  /** The service's target wait in seconds, null when it has none. */
  targetSeconds: number | null;
};

export const bucketOf = (at: Date) =>
  new Date(Math.floor(at.getTime() / INTERVAL_MS) * INTERVAL_MS);

export function histogramIndex(seconds: number): number {
  const i = HISTOGRAM_BOUNDS.findIndex((b) => seconds < b);
  return i === -1 ? HISTOGRAM_BOUNDS.length : i;
}

/** Events that put a ticket in the waiting line: its wait is measured from the latest one. */
const ENTRY = new Set<string>(["ISSUE", "TRANSFER_IN", TICKET_ACTION.CHECK_IN]);

const seconds = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 1000);

/**
 * The roll-up changes of `e`, given the ticket's earlier events (`before`, oldest first).
 * Issued counts a ticket that enters the line at once (a booking enters by checking in); a wait
 * is counted once per entry into the line, at its first call, on the calling operator; service
 * time at the finish, from the latest start. Figures of no operator go on NO_OPERATOR.
 */
export function foldEvent(e: FoldEvent, before: FoldEvent[], t: FoldTicket): RollupDelta[] {
  const key = (operatorId: string | null): RollupKey => ({
    branchId: t.branchId,
    bucket: bucketOf(e.at),
    serviceId: t.serviceId,
    operatorId: operatorId ?? NO_OPERATOR,
    source: t.source,
  });
  const one = (counts: Partial<Record<Counter, number>>, operatorId: string | null = null) => [
    { ...key(operatorId), counts },
  ];
  const fromBooking = e.fromStatus === TICKET_STATUS.BOOKED;
  switch (e.type) {
    case "ISSUE":
      return e.toStatus === TICKET_STATUS.BOOKED ? one({ booked: 1 }) : one({ issued: 1 });
    case TICKET_ACTION.CHECK_IN: {
      const late = t.appointmentAt !== null && e.at.getTime() > t.appointmentAt.getTime();
      return one({ checked_in: 1, ...(late && { late: 1 }) });
    }
    case TICKET_ACTION.CALL: {
      let entry: FoldEvent | undefined;
      for (let i = before.length - 1; i >= 0; i--) {
        const b = before[i]!;
        if (b.type === TICKET_ACTION.CALL) return one({ called: 1 }, e.operatorId);
        if (ENTRY.has(b.type)) {
          entry = b;
          break;
        }
      }
      if (!entry) return one({ called: 1 }, e.operatorId);
      const wait = seconds(entry.at, e.at);
      const counts: Partial<Record<Counter, number>> = { called: 1, wait_count: 1 };
      if (t.targetSeconds !== null) {
        counts.target_count = 1;
        if (wait <= t.targetSeconds) counts.within_target = 1;
      }
      return [{ ...key(e.operatorId), counts, waitSeconds: wait }];
    }
    case TICKET_ACTION.FINISH: {
      const start = before.findLast((b) => b.type === TICKET_ACTION.START);
      if (!start) return one({ served: 1 }, e.operatorId);
      return [
        {
          ...key(e.operatorId),
          counts: { served: 1, service_count: 1 },
          serviceSeconds: seconds(start.at, e.at),
        },
      ];
    }
    case TICKET_ACTION.MARK_NO_SHOW:
      return one({ no_show: 1 }, e.operatorId);
    case TICKET_ACTION.TRANSFER:
      return one({ transferred: 1 }, e.operatorId);
    case TICKET_ACTION.CANCEL:
      return one(fromBooking ? { booking_cancelled: 1 } : { cancelled: 1 });
    case TICKET_ACTION.EXPIRE:
      return one(fromBooking ? { missed: 1 } : { expired: 1 });
    default:
      return [];
  }
}

/** Roll-up rows as the table holds them, summed in memory (the recount and the subscriber). */
export type RollupRow = RollupKey & {
  counts: Record<Counter, number>;
  waitSum: number;
  waitHist: number[];
  serviceSum: number;
  serviceHist: number[];
};

export const rowKey = (k: RollupKey) =>
  `${k.branchId}|${k.bucket.toISOString()}|${k.serviceId}|${k.operatorId}|${k.source}`;

/** Sums deltas into rows, one per key. */
export function sumDeltas(deltas: RollupDelta[], into = new Map<string, RollupRow>()) {
  for (const d of deltas) {
    const k = rowKey(d);
    let row = into.get(k);
    if (!row) {
      row = {
        branchId: d.branchId,
        bucket: d.bucket,
        serviceId: d.serviceId,
        operatorId: d.operatorId,
        source: d.source,
        counts: Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Record<Counter, number>,
        waitSum: 0,
        waitHist: new Array<number>(HISTOGRAM_SIZE).fill(0),
        serviceSum: 0,
        serviceHist: new Array<number>(HISTOGRAM_SIZE).fill(0),
      };
      into.set(k, row);
    }
    for (const [c, n] of Object.entries(d.counts)) row.counts[c as Counter] += n;
    if (d.waitSeconds !== undefined) {
      row.waitSum += d.waitSeconds;
      row.waitHist[histogramIndex(d.waitSeconds)]!++;
    }
    if (d.serviceSeconds !== undefined) {
      row.serviceSum += d.serviceSeconds;
      row.serviceHist[histogramIndex(d.serviceSeconds)]!++;
    }
  }
  return into;
}

/**
 * The p-th percentile (0–1) from a histogram: linear within the bucket that holds it; the open
 * last bucket answers its lower bound. Null for no samples.
 */
export function percentile(hist: readonly number[], p: number): number | null {
  const total = hist.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = p * total;
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    const n = hist[i]!;
    if (n > 0 && seen + n >= rank) {
      const lower = i === 0 ? 0 : HISTOGRAM_BOUNDS[i - 1]!;
      const upper = HISTOGRAM_BOUNDS[i];
      if (upper === undefined) return lower;
      return lower + ((rank - seen) / n) * (upper - lower);
    }
    seen += n;
  }
  return HISTOGRAM_BOUNDS[HISTOGRAM_BOUNDS.length - 1]!;
}
