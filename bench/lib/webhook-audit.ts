/**
 * What the `webhooks` bench concludes from the acknowledged actions and the receiver's arrivals:
 * latency per event type (HTTP answer → delivery at the receiver), duplicates, lost deliveries and
 * per-ticket order violations; and, from the deliveries table, where the time went.
 */
import type { Exec } from "./queue-fixture";
import { round, summarize } from "./stats";
import type { WebhookArrival } from "./webhook-receiver";

export const BENCH_EVENT_TYPES = ["ticket.issued", "ticket.called", "ticket.served"] as const;
export type BenchEventType = (typeof BENCH_EVENT_TYPES)[number];

/** An action the app acknowledged (its HTTP answer arrived at `at`, Date.now). */
export type Ack = {
  ticketId: string;
  companyId: string;
  type: BenchEventType;
  at: number;
  /** Acknowledged during the warm-up: checked for loss and order, left out of the latency. */
  warm: boolean;
};

export const ackKey = (ticketId: string, type: string) => `${ticketId}|${type}`;

export type Spread = {
  count: number;
  p50_ms: number | null;
  p90_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
};

export const spread = (values: number[]): Spread => {
  const s = summarize(values);
  return {
    count: s.count,
    p50_ms: round(s.p50),
    p90_ms: round(s.p90),
    p99_ms: round(s.p99),
    max_ms: round(s.max),
  };
};

export type Audit = {
  latency: number[];
  perType: Record<BenchEventType, Spread>;
  expected: number;
  received: number;
  duplicates: number;
  lost: number;
  lostSamples: string[];
  /** Arrivals of an action the bench never saw acknowledged (e.g. an HTTP error after commit). */
  unexpected: number;
  orderViolations: number;
  orderSamples: string[];
  firstArrival: Map<string, number>;
  lastArrivalAt: number | null;
};

/** Key of one expected delivery: an endpoint, a ticket, an event type. */
const deliveryKey = (endpoint: string, ticketId: string, type: string) =>
  `${endpoint}|${ticketId}|${type}`;

export function auditDeliveries(
  acks: Map<string, Ack>,
  endpointsOf: Map<string, string[]>,
  arrivals: readonly WebhookArrival[],
): Audit {
  const perEvent = new Map<string, number>();
  const firstArrival = new Map<string, number>();
  const lastSeq = new Map<string, number>();
  const latency: number[] = [];
  const byType = Object.fromEntries(BENCH_EVENT_TYPES.map((t) => [t, [] as number[]])) as Record<
    BenchEventType,
    number[]
  >;
  let duplicates = 0;
  let unexpected = 0;
  let orderViolations = 0;
  const orderSamples: string[] = [];
  let lastArrivalAt: number | null = null;
  for (const a of arrivals) {
    lastArrivalAt = Math.max(lastArrivalAt ?? a.at, a.at);
    const k = `${a.endpoint}|${a.id}`;
    const n = (perEvent.get(k) ?? 0) + 1;
    perEvent.set(k, n);
    if (n > 1) {
      duplicates++;
      continue;
    }
    // A ticket's events must reach an endpoint in the order they happened (their stream number).
    const t = `${a.endpoint}|${a.ticketId}`;
    const before = lastSeq.get(t);
    if (before !== undefined && a.seq < before) {
      orderViolations++;
      if (orderSamples.length < 5) orderSamples.push(`${t}: ${a.type} #${a.seq} after #${before}`);
    }
    lastSeq.set(t, Math.max(before ?? a.seq, a.seq));
    firstArrival.set(deliveryKey(a.endpoint, a.ticketId, a.type), a.at);
    const ack = acks.get(ackKey(a.ticketId, a.type));
    if (!ack) {
      unexpected++;
      continue;
    }
    if (ack.warm) continue;
    latency.push(a.at - ack.at);
    byType[ack.type].push(a.at - ack.at);
  }
  let expected = 0;
  let lost = 0;
  const lostSamples: string[] = [];
  for (const ack of acks.values()) {
    for (const endpoint of endpointsOf.get(ack.companyId) ?? []) {
      expected++;
      if (firstArrival.has(deliveryKey(endpoint, ack.ticketId, ack.type))) continue;
      lost++;
      if (lostSamples.length < 5) lostSamples.push(`${endpoint} ${ack.ticketId} ${ack.type}`);
    }
  }
  return {
    latency,
    perType: Object.fromEntries(BENCH_EVENT_TYPES.map((t) => [t, spread(byType[t])])) as Record<
      BenchEventType,
      Spread
    >,
    expected,
    received: firstArrival.size,
    duplicates,
    lost,
    lostSamples,
    unexpected,
    orderViolations,
    orderSamples,
    firstArrival,
    lastArrivalAt,
  };
}

/**
 * Where the time went, from `platform.webhook_deliveries`: HTTP answer → delivery row (the
 * durable stream's dispatcher and the webhooks subscriber's transaction) and delivery row →
 * receiver (the worker's wake or poll, its claim, the POST); plus the rows' final states.
 */
export async function deliveryBreakdown(
  exec: Exec,
  acks: Map<string, Ack>,
  endpointKeyOf: Map<string, string>,
  audit: Audit,
  pollMs: number,
) {
  const rows = await exec<{
    endpoint_id: string;
    ticket_id: string;
    event_type: string;
    created: number;
    status: string;
    attempts: number;
  }>(
    `select endpoint_id, ticket_id, event_type, status, attempts,
            (extract(epoch from created_at) * 1000)::float8 as created
     from platform.webhook_deliveries`,
  );
  const ackToRow: number[] = [];
  const rowToArrival: number[] = [];
  let overHalfPoll = 0;
  const states = { delivered: 0, pending: 0, failed: 0, retried: 0, total: rows.length };
  for (const r of rows) {
    if (r.status === "DELIVERED") states.delivered++;
    else if (r.status === "PENDING") states.pending++;
    else states.failed++;
    if (r.attempts > 1) states.retried++;
    const ack = acks.get(ackKey(r.ticket_id, r.event_type));
    if (!ack || ack.warm) continue;
    const created = Number(r.created);
    ackToRow.push(created - ack.at);
    const endpoint = endpointKeyOf.get(r.endpoint_id);
    const arrived =
      endpoint && audit.firstArrival.get(`${endpoint}|${r.ticket_id}|${r.event_type}`);
    if (arrived) {
      rowToArrival.push(arrived - created);
      if (arrived - created > pollMs / 2) overHalfPoll++;
    }
  }
  return {
    ack_to_delivery_row: spread(ackToRow),
    delivery_row_to_receiver: spread(rowToArrival),
    row_to_receiver_over_half_poll: overHalfPoll,
    deliveries: states,
    note:
      "delivery row created_at = now() of the webhooks subscriber's transaction (after the " +
      "dispatcher's gathering window, in its prompt lane); row → receiver is the worker's wake or " +
      "poll (WEBHOOK_POLL_MS), its claim (per-ticket order: a ticket's next event waits for the " +
      "previous one's answer) and the POST",
  };
}
