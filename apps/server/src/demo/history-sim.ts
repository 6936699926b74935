import type { TicketSource } from "@equeue/core";
import type { Rng } from "./prng";

/**
 * One branch's working day, simulated: customers arrive, wait in one line, operators call the
 * longest waiting customer of a service they serve, some never come up, some give up waiting,
 * operators take their breaks. The result is the tickets' event histories as the queue commands
 * write them (ISSUE, CALL, START, FINISH, …), and the operators' status changes.
 */

export type SimService = { id: string; minutes: number; share: number };
export type SimOperator = { id: string; counterId: string; serviceIds: string[] };
export type SimPause = { at: number; len: number; kind: "BREAK" | "AWAY" };
export type SimShift = { op: SimOperator; start: number; end: number; pauses: SimPause[] };
export type SimPlan = {
  /** Customers come in these spans (epoch ms), by the hour's weight. */
  windows: { open: number; close: number }[];
  /** Local hour of an instant (for the day's arrival curve). */
  hourOf: (at: number) => number;
  shifts: SimShift[];
  /** Expected walk-in, kiosk and online tickets over the day. */
  volume: number;
  /** Booked visits (appointments) on the day. */
  bookings: number;
};

export type SimEvent = {
  at: number;
  type: string;
  from: string | null;
  to: string;
  operatorId: string | null;
  counterId: string | null;
};
export type SimTicket = {
  serviceId: string;
  source: TicketSource;
  appointmentAt: number | null;
  quote: { minutes: number; low: number; high: number } | null;
  events: SimEvent[];
  rating: { stars: number; comment: string | null; at: number } | null;
};
export type SimStatus = { staffId: string; status: string; at: number };

/** Relative arrivals by local hour: a morning peak and one after lunch. */
const HOUR_WEIGHT = [
  0, 0, 0, 0, 0, 0, 0, 0, 0.3, 0.8, 1.25, 1.35, 1.0, 0.6, 1.15, 1.3, 0.95, 0.65, 0.4, 0.3, 0.2, 0.1,
  0, 0,
];
const STEP = 30_000;
const MIN = 60_000;
const SLOT = 15 * MIN;

const COMMENTS: Record<number, string[]> = {
  5: [
    "Juda tez xizmat ko‘rsatishdi, rahmat!",
    "Операционист очень вежливый, спасибо!",
    "Hammasi zo‘r, navbat tez o‘tdi.",
    "Быстро и удобно, талон взял в киоске.",
  ],
  4: [
    "Yaxshi, lekin biroz kutdim.",
    "Всё хорошо, но ждал минут пятнадцать.",
    "Xodim hammasini tushuntirib berdi.",
  ],
  3: ["Navbat uzoq bo‘ldi, lekin masalam hal bo‘ldi.", "Долго ждал, но вопрос решили."],
  2: ["Juda uzoq kutdim, faqat bitta oyna ishladi.", "Очень долго, половина окон закрыта."],
  1: ["Kutib-kutib charchadim.", "Ужасно долго, никто ничего не объяснил."],
};

type Arrival = { ticket: SimTicket; entry: number; giveUp: number };

export function simulateDay(
  rng: Rng,
  plan: SimPlan,
  services: SimService[],
): { tickets: SimTicket[]; status: SimStatus[] } {
  const arrivals = [...walkIns(rng, plan, services), ...bookings(rng, plan, services)].sort(
    (a, b) => a.entry - b.entry,
  );
  const tickets = arrivals.map((a) => a.ticket);
  const status: SimStatus[] = [];
  const minutes = new Map(services.map((s) => [s.id, s.minutes]));
  const ops = plan.shifts.map((s) => ({
    ...s,
    pauses: [...s.pauses],
    state: "OFF" as "OFF" | "AVAILABLE" | "PAUSE" | "DONE",
    busyUntil: 0,
    pauseEnd: 0,
  }));
  if (ops.length === 0) return { tickets: [], status };
  const first = Math.min(...ops.map((o) => o.start));
  const last = Math.max(...ops.map((o) => o.end));
  const waiting: Arrival[] = [];
  let next = 0;
  const log = (staffId: string, s: string, at: number) => status.push({ staffId, status: s, at });
  const ev = (t: SimTicket, e: Omit<SimEvent, "operatorId" | "counterId">, op?: SimOperator) =>
    t.events.push({ ...e, operatorId: op?.id ?? null, counterId: op?.counterId ?? null });

  for (let t = first; t <= last + 60 * MIN; t += STEP) {
    while (next < arrivals.length && arrivals[next]!.entry <= t) {
      const a = arrivals[next++]!;
      if (!a.ticket.appointmentAt) a.ticket.quote = quote(a, t);
      waiting.push(a);
    }
    for (let i = waiting.length - 1; i >= 0; i--) {
      const w = waiting[i]!;
      if (w.giveUp > t) continue;
      ev(w.ticket, { at: w.giveUp, type: "CANCEL", from: "WAITING", to: "CANCELLED" });
      waiting.splice(i, 1);
    }
    for (const o of ops) {
      const free = o.busyUntil <= t;
      if (o.state === "OFF" && t >= o.start && t < o.end) {
        o.state = "AVAILABLE";
        log(o.op.id, "AVAILABLE", o.start);
      } else if (o.state === "PAUSE" && t >= o.pauseEnd) {
        o.state = "AVAILABLE";
        log(o.op.id, "AVAILABLE", o.pauseEnd);
      }
      if (o.state !== "AVAILABLE" || !free) continue;
      const pause = o.pauses[0];
      if (pause && t >= pause.at) {
        o.pauses.shift();
        o.state = "PAUSE";
        o.pauseEnd = t + pause.len;
        log(o.op.id, pause.kind, t);
        continue;
      }
      const i = waiting.findIndex((w) => o.op.serviceIds.includes(w.ticket.serviceId));
      if (t >= o.end && (i === -1 || t >= o.end + 30 * MIN)) {
        o.state = "DONE";
        log(o.op.id, "OFFLINE", t);
        continue;
      }
      if (i === -1) continue;
      const w = waiting.splice(i, 1)[0]!;
      o.busyUntil = serve(w.ticket, t + rng.between(0, 25) * 1000, o.op);
    }
  }
  for (const w of waiting)
    ev(w.ticket, { at: last + 60 * MIN, type: "EXPIRE", from: "WAITING", to: "EXPIRED" });
  return { tickets, status };

  /** The wait quoted at entry: who is ahead for the same operators, over how many serve. */
  function quote(a: Arrival, t: number): SimTicket["quote"] {
    const servers = ops.filter(
      (o) => o.op.serviceIds.includes(a.ticket.serviceId) && t < o.end && t >= o.start - 30 * MIN,
    );
    if (servers.length === 0) return null;
    const served = new Set(servers.flatMap((o) => o.op.serviceIds));
    const ahead = waiting.filter((w) => served.has(w.ticket.serviceId));
    const mean =
      [...served].reduce((s, id) => s + (minutes.get(id) ?? 15), 0) / Math.max(1, served.size);
    const q = Math.round((ahead.length * mean * 0.9) / servers.length);
    return { minutes: q, low: Math.max(0, Math.round(q * 0.7) - 1), high: Math.round(q * 1.3) + 3 };
  }

  /** Calls the ticket at `at`: a no-show, or a visit of about the service's duration. */
  function serve(t: SimTicket, at: number, op: SimOperator): number {
    ev(t, { at, type: "CALL", from: "WAITING", to: "CALLED" }, op);
    if (rng.chance(t.source === "ONLINE" ? 0.12 : 0.04)) {
      const gone = at + rng.between(120, 240) * 1000;
      ev(t, { at: gone, type: "MARK_NO_SHOW", from: "CALLED", to: "NO_SHOW" }, op);
      return gone;
    }
    const start = at + rng.between(20, 110) * 1000;
    const mean = (minutes.get(t.serviceId) ?? 15) * MIN * 0.9;
    const length = Math.min(mean * 3, Math.max(90_000, rng.lognormal(mean, 0.4)));
    const finish = Math.round(start + length);
    ev(t, { at: start, type: "START", from: "CALLED", to: "SERVING" }, op);
    ev(t, { at: finish, type: "FINISH", from: "SERVING", to: "COMPLETED" }, op);
    if (rng.chance(0.3)) t.rating = rate(rng, (at - entryOf(t)) / MIN, finish);
    // Notes and a word with the customer before the next call.
    return finish + rng.between(30, 150) * 1000;
  }
}

const entryOf = (t: SimTicket) =>
  t.events.findLast((e) => e.to === "WAITING" && e.type !== "CALL")?.at ?? t.events[0]!.at;

function rate(rng: Rng, waitMinutes: number, finish: number): SimTicket["rating"] {
  let stars = waitMinutes < 10 ? 5 : waitMinutes < 20 ? 4 : waitMinutes < 35 ? 3 : 2;
  if (rng.chance(0.3)) stars += rng.chance(0.5) ? 1 : -1;
  stars = Math.min(5, Math.max(1, stars));
  const comment = rng.chance(0.45) ? rng.pick(COMMENTS[stars]!) : null;
  return { stars, comment, at: finish + rng.between(1, 15) * MIN };
}

const pickService = (rng: Rng, services: SimService[]) => {
  let x = rng.next() * services.reduce((s, v) => s + v.share, 0);
  for (const s of services) if ((x -= s.share) < 0) return s;
  return services[services.length - 1]!;
};

function walkIns(rng: Rng, plan: SimPlan, services: SimService[]): Arrival[] {
  const slots: { at: number; weight: number }[] = [];
  for (const w of plan.windows)
    for (let at = w.open; at < w.close; at += SLOT)
      slots.push({
        at,
        weight: HOUR_WEIGHT[plan.hourOf(at)]! * (Math.min(SLOT, w.close - at) / SLOT),
      });
  const total = slots.reduce((s, x) => s + x.weight, 0);
  const out: Arrival[] = [];
  if (total === 0) return out;
  for (const slot of slots) {
    const n = rng.poisson((plan.volume * slot.weight) / total);
    for (let i = 0; i < n; i++) {
      const at = slot.at + Math.floor(rng.next() * SLOT * (slot.weight > 0 ? 1 : 0));
      const r = rng.next();
      const source: TicketSource = r < 0.6 ? "KIOSK" : r < 0.92 ? "WALK_IN" : "ONLINE";
      const operator =
        source === "WALK_IN" ? rng.pick(plan.shifts.filter((s) => s.start <= at)) : undefined;
      const ticket: SimTicket = {
        serviceId: pickService(rng, services).id,
        source,
        appointmentAt: null,
        quote: null,
        rating: null,
        events: [
          {
            at,
            type: "ISSUE",
            from: null,
            to: "WAITING",
            operatorId: operator?.op.id ?? null,
            counterId: operator?.op.counterId ?? null,
          },
        ],
      };
      out.push({
        ticket,
        entry: at,
        giveUp: at + rng.lognormal(source === "WALK_IN" ? 90 : 70, 0.5) * MIN,
      });
    }
  }
  return out;
}

/** Booked visits: booked days before; most check in around their time, some miss or cancel. */
function bookings(rng: Rng, plan: SimPlan, services: SimService[]): Arrival[] {
  const out: Arrival[] = [];
  const long = plan.windows.filter((w) => w.close - w.open >= 90 * MIN);
  for (let i = 0; i < plan.bookings && long.length > 0; i++) {
    const w = rng.pick(long);
    const slots = Math.floor((w.close - w.open - 60 * MIN) / (30 * MIN));
    const appointmentAt = w.open + 30 * MIN * rng.between(1, Math.max(1, slots));
    const booked = appointmentAt - rng.between(1, 3) * 24 * 60 * MIN - rng.between(0, 300) * MIN;
    const events: SimEvent[] = [
      { at: booked, type: "ISSUE", from: null, to: "BOOKED", operatorId: null, counterId: null },
    ];
    const ticket: SimTicket = {
      serviceId: pickService(rng, services).id,
      source: "ONLINE",
      appointmentAt,
      quote: null,
      rating: null,
      events,
    };
    const fate = rng.next();
    const end = { operatorId: null, counterId: null };
    if (fate < 0.1) {
      events.push({
        at: booked + (appointmentAt - booked) / 2,
        type: "CANCEL",
        from: "BOOKED",
        to: "CANCELLED",
        ...end,
      });
      out.push({ ticket, entry: Infinity, giveUp: Infinity });
    } else if (fate < 0.22) {
      events.push({
        at: appointmentAt + 30 * MIN,
        type: "EXPIRE",
        from: "BOOKED",
        to: "EXPIRED",
        ...end,
      });
      out.push({ ticket, entry: Infinity, giveUp: Infinity });
    } else {
      const entry = appointmentAt + rng.between(-12, 8) * MIN;
      events.push({ at: entry, type: "CHECK_IN", from: "BOOKED", to: "WAITING", ...end });
      out.push({ ticket, entry, giveUp: entry + 120 * MIN });
    }
  }
  return out;
}
