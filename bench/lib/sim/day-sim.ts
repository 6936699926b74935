import {
  countPeopleAhead,
  pickNext,
  smoothServiceTime,
  TICKET_STATUS,
  type CallCandidate,
  type OrderingContext,
} from "@equeue/core";
import { createRng } from "./prng";

/**
 * A discrete-event simulation of one branch's business day. Walk-ins arrive as a
 * non-homogeneous Poisson process (a constant rate per hour from a profile), appointments
 * check in around their booked time (some never come), service times are lognormal per
 * service, operators have skills (many-to-many) and on-duty windows (the gaps are breaks).
 * Free operators call with the REAL call-next policy of @equeue/core (`pickNext`), or — for the
 * comparison — per-service FIFO. Every ticket is recorded with what a customer was told on
 * arrival (one quote per estimator passed in) and when it was called and finished.
 *
 * Customers, service times and no-shows are drawn up front from the seed, so two policies run
 * on the same seed see exactly the same customers (common random numbers).
 */

export type * from "./day-sim.types";
import type {
  SimOperator,
  SimDay,
  RecentCall,
  Observation,
  Quote,
  Quoter,
  SimTicket,
  SimResult,
} from "./day-sim.types";

type Arrival = {
  id: string;
  serviceId: string;
  kind: "walk-in" | "appointment";
  priority: number;
  atSeconds: number;
  appointmentSeconds: number | null;
  serviceSeconds: number;
  /** Seconds the customer will wait before leaving; Infinity without patience. */
  patienceSeconds: number;
};

const DEFAULT_OPEN_AT = new Date("2026-01-05T04:00:00Z");

/** Draws the day's customers: walk-ins per hour and service, then appointments that come. */
export function drawCustomers(day: SimDay): {
  arrivals: Arrival[];
  booked: number;
  noShows: number;
} {
  const rng = createRng(day.seed);
  const byService = new Map(day.services.map((s) => [s.id, s]));
  const drawn: Omit<Arrival, "id">[] = [];
  for (const service of day.services) {
    const perHour = day.arrivalsPerHour[service.id] ?? [];
    // Piecewise-constant rate: exponential gaps within each hour (memoryless, so restart per hour).
    for (let h = 0; h < perHour.length; h++) {
      const rate = perHour[h]! / 3600;
      const end = Math.min((h + 1) * 3600, day.closeSeconds);
      if (rate <= 0) continue;
      for (let t = h * 3600 + rng.exponential(1 / rate); t < end; t += rng.exponential(1 / rate)) {
        drawn.push({
          serviceId: service.id,
          kind: "walk-in",
          priority: rng.chance(day.priorityShare) ? 1 : 0,
          atSeconds: t,
          appointmentSeconds: null,
          serviceSeconds: rng.lognormal(service.meanServiceSeconds, service.cv),
          patienceSeconds:
            day.patienceSeconds === undefined ? Infinity : rng.exponential(day.patienceSeconds),
        });
      }
    }
  }
  let noShows = 0;
  for (const a of day.appointments) {
    const service = byService.get(a.serviceId);
    if (!service) throw new Error(`appointment for unknown service ${a.serviceId}`);
    const noShow = rng.chance(day.noShowShare);
    const checkIn = a.atSeconds + day.checkIn.meanSeconds + day.checkIn.sdSeconds * rng.normal();
    const serviceSeconds = rng.lognormal(service.meanServiceSeconds, service.cv);
    if (noShow) {
      noShows += 1;
      continue;
    }
    drawn.push({
      serviceId: a.serviceId,
      kind: "appointment",
      priority: 0,
      atSeconds: Math.min(Math.max(0, checkIn), day.closeSeconds - 1),
      appointmentSeconds: a.atSeconds,
      serviceSeconds,
      patienceSeconds: Infinity,
    });
  }
  drawn.sort((x, y) => x.atSeconds - y.atSeconds);
  const arrivals = drawn.map((d, i) => ({ ...d, id: `T${String(i + 1).padStart(5, "0")}` }));
  return { arrivals, booked: day.appointments.length, noShows };
}

// Event kinds in the order they apply at the same instant.
const WINDOW_END = 0;
const SERVICE_END = 1;
const WINDOW_START = 2;
const ARRIVAL = 3;
const ABANDON = 4;
type Event = { t: number; kind: number; seq: number; ref: number };

class EventHeap {
  private items: Event[] = [];
  private seq = 0;
  get size(): number {
    return this.items.length;
  }
  push(t: number, kind: number, ref: number): void {
    const e = { t, kind, seq: this.seq++, ref };
    const a = this.items;
    a.push(e);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(a[i]!, a[p]!)) break;
      [a[i], a[p]] = [a[p]!, a[i]!];
      i = p;
    }
  }
  pop(): Event {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && before(a[l]!, a[m]!)) m = l;
        if (r < a.length && before(a[r]!, a[m]!)) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m]!, a[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(x: Event, y: Event): boolean {
  if (x.t !== y.t) return x.t < y.t;
  if (x.kind !== y.kind) return x.kind < y.kind;
  return x.seq < y.seq;
}

type OperatorState = {
  op: SimOperator;
  onDuty: boolean;
  serving: SimTicket | null;
  idleSince: number;
};

/** Runs one day and returns every ticket. */
export function simulateDay(day: SimDay, quoters: Record<string, Quoter> = {}): SimResult {
  const { arrivals, booked, noShows } = drawCustomers(day);
  const openAt = (day.openAt ?? DEFAULT_OPEN_AT).getTime();
  const dateAt = (s: number): Date => new Date(openAt + Math.round(s * 1000));
  const historySeconds = day.historySeconds ?? 3600;
  const services = new Map(day.services.map((s) => [s.id, s]));
  const heap = new EventHeap();
  const ops: OperatorState[] = day.operators.map((op) => ({
    op,
    onDuty: false,
    serving: null,
    idleSince: 0,
  }));
  ops.forEach((o, i) => {
    for (const [start, end] of o.op.windows) {
      heap.push(start, WINDOW_START, i);
      if (end < day.closeSeconds) heap.push(end, WINDOW_END, i);
    }
  });
  arrivals.forEach((a, i) => {
    heap.push(a.atSeconds, ARRIVAL, i);
    if (Number.isFinite(a.patienceSeconds)) heap.push(a.atSeconds + a.patienceSeconds, ABANDON, i);
  });

  const tickets: SimTicket[] = [];
  const byId = new Map<string, SimTicket>();
  let waiting: CallCandidate[] = [];
  const smoothed = new Map<string, number | null>();
  const calls = new Map<string, RecentCall[]>();
  const ordering = (now: number): OrderingContext => ({
    now: dateAt(now),
    ...(day.headStartSeconds ? { serviceHeadStartSeconds: day.headStartSeconds } : {}),
  });

  const choose = (o: OperatorState, now: number): CallCandidate | null => {
    if (day.policy === "call-next") {
      return pickNext(waiting, {
        ...ordering(now),
        operatorId: o.op.id,
        serviceIds: o.op.serviceIds,
      });
    }
    let best: CallCandidate | null = null;
    for (const c of waiting) {
      if (!o.op.serviceIds.includes(c.serviceId)) continue;
      if (best === null || c.queuedAt.getTime() < best.queuedAt.getTime()) best = c;
    }
    return best;
  };

  const dispatch = (now: number): void => {
    if (waiting.length === 0) return;
    const free = ops
      .filter((o) => o.onDuty && o.serving === null)
      .sort((a, b) => a.idleSince - b.idleSince || (a.op.id < b.op.id ? -1 : 1));
    for (const o of free) {
      if (waiting.length === 0) return;
      const next = choose(o, now);
      if (next === null) continue;
      waiting = waiting.filter((c) => c !== next);
      const t = byId.get(next.id)!;
      t.calledSeconds = now;
      t.operatorId = o.op.id;
      o.serving = t;
      const history = calls.get(t.serviceId) ?? [];
      history.push({ calledAtSeconds: now, waitSeconds: now - t.arrivalSeconds });
      calls.set(t.serviceId, history);
      heap.push(now + t.serviceSeconds, SERVICE_END, ops.indexOf(o));
    }
  };

  let endSeconds = 0;
  while (heap.size > 0) {
    const e = heap.pop();
    const now = e.t;
    if (e.kind === ARRIVAL) {
      const a = arrivals[e.ref]!;
      const service = services.get(a.serviceId)!;
      const candidate: CallCandidate = {
        id: a.id,
        serviceId: a.serviceId,
        status: TICKET_STATUS.WAITING,
        priority: a.priority,
        queuedAt: dateAt(now),
        appointmentAt: a.appointmentSeconds === null ? null : dateAt(a.appointmentSeconds),
        operatorId: null,
      };
      waiting.push(candidate);
      const history = calls.get(a.serviceId) ?? [];
      const observation: Observation = {
        atSeconds: now,
        serviceId: a.serviceId,
        peopleAhead: countPeopleAhead(candidate, waiting, ordering(now)),
        operatorsServing: ops.filter((o) => o.onDuty && o.op.serviceIds.includes(a.serviceId))
          .length,
        smoothedServiceSeconds: smoothed.get(a.serviceId) ?? null,
        expectedServiceSeconds: service.expectedServiceSeconds,
        recentCalls: history.filter((c) => c.calledAtSeconds >= now - historySeconds),
      };
      const quotes: Record<string, Quote> = {};
      for (const [name, quote] of Object.entries(quoters))
        quotes[name] = quote(observation, dateAt(now));
      const ticket: SimTicket = {
        id: a.id,
        serviceId: a.serviceId,
        kind: a.kind,
        priority: a.priority,
        arrivalSeconds: now,
        appointmentSeconds: a.appointmentSeconds,
        serviceSeconds: a.serviceSeconds,
        calledSeconds: null,
        abandonedSeconds: null,
        endSeconds: null,
        operatorId: null,
        observation,
        quotes,
      };
      tickets.push(ticket);
      byId.set(a.id, ticket);
    } else if (e.kind === ABANDON) {
      const t = byId.get(arrivals[e.ref]!.id)!;
      if (t.calledSeconds === null) {
        t.abandonedSeconds = now;
        waiting = waiting.filter((c) => c.id !== t.id);
      }
    } else if (e.kind === SERVICE_END) {
      const o = ops[e.ref]!;
      const t = o.serving!;
      t.endSeconds = now;
      endSeconds = Math.max(endSeconds, now);
      smoothed.set(
        t.serviceId,
        smoothServiceTime(smoothed.get(t.serviceId) ?? null, t.serviceSeconds),
      );
      o.serving = null;
      o.idleSince = now;
    } else if (e.kind === WINDOW_START) {
      const o = ops[e.ref]!;
      o.onDuty = true;
      if (o.serving === null) o.idleSince = now;
    } else {
      ops[e.ref]!.onDuty = false;
    }
    dispatch(now);
  }
  return { tickets, booked, noShows, endSeconds };
}

/** The wait of a called ticket, seconds; null if it was never called. */
export const waitOf = (t: SimTicket): number | null =>
  t.calledSeconds === null ? null : t.calledSeconds - t.arrivalSeconds;
