import fc from "fast-check";
import { compareCandidates, pickNext, TICKET_STATUS, type CallCandidate } from "@equeue/core";
import { describe, expect, it } from "vitest";
import { bindOperators, branchDay, branchLoad, branchOperators, CLOSE_SECONDS } from "./branch";
import { drawCustomers, simulateDay, type SimResult, type SimTicket } from "./day-sim";
import { createRng } from "./prng";

const OPEN = new Date("2026-01-05T04:00:00Z").getTime();
const dateAt = (s: number) => new Date(OPEN + Math.round(s * 1000));

function candidate(t: SimTicket): CallCandidate {
  return {
    id: t.id,
    serviceId: t.serviceId,
    status: TICKET_STATUS.WAITING,
    priority: t.priority,
    queuedAt: dateAt(t.arrivalSeconds),
    appointmentAt: t.appointmentSeconds === null ? null : dateAt(t.appointmentSeconds),
    operatorId: null,
  };
}

function onDuty(windows: Array<[number, number]>, at: number): boolean {
  return windows.some(([s, e]) => at >= s && (at < e || e >= CLOSE_SECONDS));
}

function checkConservation(day: ReturnType<typeof branchDay>, r: SimResult): void {
  const drawn = drawCustomers(day);
  expect(r.tickets).toHaveLength(drawn.arrivals.length);
  expect(r.booked).toBe(day.appointments.length);
  expect(r.tickets.filter((t) => t.kind === "appointment")).toHaveLength(r.booked - r.noShows);
  expect(new Set(r.tickets.map((t) => t.id)).size).toBe(r.tickets.length);
  const operators = new Map(day.operators.map((o) => [o.id, o]));
  const byOperator = new Map<string, SimTicket[]>();
  for (const t of r.tickets) {
    // Every ticket is called once and finished: none lost, none served twice.
    expect(t.calledSeconds).not.toBeNull();
    expect(t.endSeconds).not.toBeNull();
    expect(t.calledSeconds!).toBeGreaterThanOrEqual(t.arrivalSeconds);
    expect(t.endSeconds! - t.calledSeconds!).toBeCloseTo(t.serviceSeconds, 6);
    const op = operators.get(t.operatorId!)!;
    expect(op.serviceIds).toContain(t.serviceId);
    expect(onDuty(op.windows, t.calledSeconds!)).toBe(true);
    byOperator.set(op.id, [...(byOperator.get(op.id) ?? []), t]);
  }
  // An operator serves one customer at a time.
  for (const served of byOperator.values()) {
    served.sort((a, b) => a.calledSeconds! - b.calledSeconds!);
    for (let i = 1; i < served.length; i++)
      expect(served[i]!.calledSeconds!).toBeGreaterThanOrEqual(served[i - 1]!.endSeconds! - 1e-9);
  }
}

describe("day simulator", () => {
  it("reproduces a day exactly from its seed", () => {
    const a = simulateDay(branchDay(3, "call-next", branchOperators(), 0.5));
    const b = simulateDay(branchDay(3, "call-next", branchOperators(), 0.5));
    expect(a).toEqual(b);
    const c = simulateDay(branchDay(4, "call-next", branchOperators(), 0.5));
    expect(c.tickets.length === a.tickets.length && c.endSeconds === a.endSeconds).toBe(false);
  });

  it("conserves tickets under both policies: each arrival is called once, by a skilled operator on duty", () => {
    const bound = bindOperators(branchOperators(), branchLoad());
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(0.3, 0.8, 1.3),
        fc.boolean(),
        (seed, volume, fifo) => {
          const day = fifo
            ? branchDay(seed, "fifo", bound, volume)
            : branchDay(seed, "call-next", branchOperators(), volume);
          checkConservation(day, simulateDay(day));
        },
      ),
      { numRuns: 6 },
    );
  });

  it("with patience, each walk-in is either called or leaves, never both, and nobody is called after leaving", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), (seed) => {
        const day = {
          ...branchDay(seed, "call-next", branchOperators(), 1.3),
          patienceSeconds: 900,
        };
        const r = simulateDay(day);
        expect(r.tickets).toHaveLength(drawCustomers(day).arrivals.length);
        const left = r.tickets.filter((t) => t.abandonedSeconds !== null);
        expect(left.length).toBeGreaterThan(0);
        for (const t of r.tickets) {
          expect((t.calledSeconds === null) !== (t.abandonedSeconds === null)).toBe(true);
          if (t.abandonedSeconds !== null) {
            expect(t.kind).toBe("walk-in");
            expect(t.abandonedSeconds).toBeGreaterThan(t.arrivalSeconds);
          }
        }
      }),
      { numRuns: 4 },
    );
  });

  it("calls exactly the ticket core's call-next policy picks", () => {
    const day = branchDay(7, "call-next", branchOperators(), 1.2);
    const r = simulateDay(day);
    const callTimes = new Map<number, number>();
    for (const t of r.tickets)
      callTimes.set(t.calledSeconds!, (callTimes.get(t.calledSeconds!) ?? 0) + 1);
    let checked = 0;
    let waitedBehindSomeone = 0;
    for (const t of r.tickets) {
      const at = t.calledSeconds!;
      if (callTimes.get(at)! > 1) continue; // two calls at one instant: order among them not rebuilt
      const waiting = r.tickets.filter(
        (o) => o.arrivalSeconds <= at && o.calledSeconds! >= at && o !== t,
      );
      const op = day.operators.find((o) => o.id === t.operatorId)!;
      const pick = pickNext([...waiting, t].map(candidate), {
        now: dateAt(at),
        operatorId: op.id,
        serviceIds: op.serviceIds,
      });
      expect(pick?.id).toBe(t.id);
      checked += 1;
      if (waiting.some((o) => op.serviceIds.includes(o.serviceId))) waitedBehindSomeone += 1;
    }
    expect(checked).toBeGreaterThan(r.tickets.length * 0.9);
    expect(waitedBehindSomeone).toBeGreaterThan(50); // the check had choices to make
  });

  it("puts priority tickets and due appointments ahead, as core orders them", () => {
    const r = simulateDay(branchDay(11, "call-next", branchOperators(), 1.3));
    const overtakes = r.tickets.filter((t) =>
      r.tickets.some(
        (o) =>
          o.serviceId === t.serviceId &&
          o.arrivalSeconds < t.arrivalSeconds &&
          o.calledSeconds! > t.calledSeconds! &&
          compareCandidates(candidate(t), candidate(o), { now: dateAt(t.calledSeconds!) }) < 0,
      ),
    );
    expect(overtakes.some((t) => t.priority > 0)).toBe(true);
    expect(overtakes.some((t) => t.kind === "appointment")).toBe(true);
  });

  it("per-service FIFO calls each service's tickets in arrival order, one service per operator", () => {
    const bound = bindOperators(branchOperators(), branchLoad());
    for (const o of bound) expect(o.serviceIds).toHaveLength(1);
    const r = simulateDay(branchDay(5, "fifo", bound, 1.2));
    for (const service of ["cash", "cards", "loans", "consult"]) {
      const line = r.tickets
        .filter((t) => t.serviceId === service)
        .sort((a, b) => a.arrivalSeconds - b.arrivalSeconds);
      for (let i = 1; i < line.length; i++)
        expect(line[i]!.calledSeconds!).toBeGreaterThanOrEqual(line[i - 1]!.calledSeconds!);
    }
  });

  it("records what the server could see on arrival", () => {
    const r = simulateDay(branchDay(2), {
      echo: (o) => ({ seconds: o.peopleAhead, lowSeconds: 0, highSeconds: o.operatorsServing }),
    });
    for (const t of r.tickets) {
      expect(t.quotes.echo!.seconds).toBe(t.observation.peopleAhead);
      expect(t.observation.atSeconds).toBe(t.arrivalSeconds);
      for (const c of t.observation.recentCalls) {
        expect(c.calledAtSeconds).toBeLessThanOrEqual(t.arrivalSeconds);
        expect(c.calledAtSeconds).toBeGreaterThanOrEqual(t.arrivalSeconds - 3600);
      }
    }
    // During lunch fewer cash operators are on duty than at 10:00.
    const cash = r.tickets.filter((t) => t.serviceId === "cash");
    const at = (h: number) =>
      cash.find((t) => t.arrivalSeconds > h * 3600)!.observation.operatorsServing;
    expect(at(1)).toBeGreaterThan(at(3.8));
  });
});

describe("seeded generator", () => {
  it("draws lognormal service times with the asked mean and spread", () => {
    const rng = createRng(42);
    const xs = Array.from({ length: 20_000 }, () => rng.lognormal(300, 0.8));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(mean).toBeGreaterThan(290);
    expect(mean).toBeLessThan(310);
    expect(sd / mean).toBeGreaterThan(0.74);
    expect(sd / mean).toBeLessThan(0.86);
  });

  it("gives the hourly arrival counts of the profile on average", () => {
    const days = Array.from({ length: 30 }, (_, d) => drawCustomers(branchDay(d)));
    const walkIns = days.flatMap((d) => d.arrivals.filter((a) => a.kind === "walk-in"));
    const perHour = Array.from(
      { length: 9 },
      (_, h) => walkIns.filter((a) => Math.floor(a.atSeconds / 3600) === h).length / 30,
    );
    // 390 a day at volume 1; 11:00 carries 2/9 of it, 09:00 0.5/9.
    expect(perHour[2]!).toBeGreaterThan(75);
    expect(perHour[2]!).toBeLessThan(100);
    expect(perHour[0]!).toBeGreaterThan(15);
    expect(perHour[0]!).toBeLessThan(28);
  });
});
