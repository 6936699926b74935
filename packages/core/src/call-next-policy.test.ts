import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareCandidates,
  isEligible,
  pickNext,
  rankCandidates,
  type CallCandidate,
  type CallNextContext,
} from "./call-next-policy";
import type { TicketStatus } from "./ticket-status";

const NOW = new Date("2024-12-19T09:00:00Z");
const min = (m: number) => new Date(NOW.getTime() + m * 60_000);

function candidate(id: string, overrides: Partial<CallCandidate> = {}): CallCandidate {
  return {
    id,
    serviceId: "kassa",
    status: "WAITING",
    priority: 0,
    queuedAt: min(-10),
    appointmentAt: null,
    operatorId: null,
    ...overrides,
  };
}

const ctx: CallNextContext = { now: NOW, operatorId: "op-1", serviceIds: ["kassa", "kredit"] };

const candidateArb = fc.record({
  id: fc.uuid(),
  serviceId: fc.constantFrom("kassa", "kredit", "ipoteka"),
  status: fc.constantFrom<TicketStatus>("WAITING", "WAITING", "WAITING", "CALLED", "BOOKED"),
  priority: fc.integer({ min: 0, max: 2 }),
  queuedAt: fc.integer({ min: -180, max: 0 }).map(min),
  appointmentAt: fc.option(fc.integer({ min: -60, max: 60 }).map(min)),
  operatorId: fc.constantFrom(null, null, null, "op-1", "op-2"),
});

describe("rankCandidates", () => {
  it("serves first come first served within one priority", () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 40 }), (raw) => {
        const walkIns = raw.map((c) => ({ ...c, appointmentAt: null }));
        const ranked = rankCandidates(walkIns, ctx);
        for (let i = 1; i < ranked.length; i += 1) {
          const [prev, next] = [ranked[i - 1], ranked[i]];
          if (!prev || !next) continue;
          expect(prev.priority).toBeGreaterThanOrEqual(next.priority);
          if (prev.priority === next.priority) {
            expect(prev.queuedAt.getTime()).toBeLessThanOrEqual(next.queuedAt.getTime());
          }
        }
      }),
    );
  });

  it("keeps exactly the eligible tickets, and pickNext takes the first of them", () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 40 }), (raw) => {
        const ranked = rankCandidates(raw, ctx);
        const eligible = raw.filter(
          (c) =>
            c.status === "WAITING" &&
            c.serviceId !== "ipoteka" &&
            (c.operatorId === null || c.operatorId === "op-1"),
        );
        expect(new Set(ranked.map((c) => c.id))).toEqual(new Set(eligible.map((c) => c.id)));
        expect(ranked.every((c) => isEligible(c, ctx))).toBe(true);
        expect(pickNext(raw, ctx)).toBe(ranked[0] ?? null);
      }),
    );
  });

  it("puts due appointments before everyone, in booked-time order", () => {
    fc.assert(
      fc.property(fc.array(candidateArb, { maxLength: 40 }), (raw) => {
        const ranked = rankCandidates(raw, ctx);
        const due = (c: CallCandidate) =>
          c.appointmentAt !== null &&
          c.appointmentAt.getTime() >= min(-15).getTime() &&
          c.appointmentAt.getTime() <= min(5).getTime();
        const firstNotDue = ranked.findIndex((c) => !due(c));
        if (firstNotDue >= 0) expect(ranked.slice(firstNotDue).some(due)).toBe(false);
        const dueTimes = ranked.filter(due).map((c) => c.appointmentAt?.getTime() ?? 0);
        expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));
      }),
    );
  });

  it("gives an on-time booking the next call but treats a very late one like a walk-in", () => {
    const vip = candidate("vip", { priority: 5, queuedAt: min(-60) });
    const booked = candidate("booked", { queuedAt: min(-1), appointmentAt: min(2) });
    const late = candidate("late", { queuedAt: min(-1), appointmentAt: min(-20) });
    const early = candidate("early", { queuedAt: min(-1), appointmentAt: min(30) });
    const walkIn = candidate("walk-in", { queuedAt: min(-5) });
    const order = rankCandidates([late, early, walkIn, vip, booked], ctx).map((c) => c.id);
    // early and late queued at the same moment: the id breaks the tie.
    expect(order).toEqual(["booked", "vip", "walk-in", "early", "late"]);
  });

  it("honours a wider appointment window when configured", () => {
    const late = candidate("late", { queuedAt: min(-1), appointmentAt: min(-20) });
    const walkIn = candidate("walk-in", { queuedAt: min(-5) });
    const wide = { ...ctx, appointmentWindow: { earlySeconds: 300, lateSeconds: 1800 } };
    expect(pickNext([walkIn, late], ctx)?.id).toBe("walk-in");
    expect(pickNext([walkIn, late], wide)?.id).toBe("late");
  });

  it("is a total order: antisymmetric and deterministic by id", () => {
    fc.assert(
      fc.property(candidateArb, candidateArb, (a, b) => {
        const ab = compareCandidates(a, b, ctx);
        const ba = compareCandidates(b, a, ctx);
        expect(Math.sign(ab)).toBe(-Math.sign(ba));
        if (a.id !== b.id) expect(ab).not.toBe(0);
      }),
    );
  });
});

describe("service head start", () => {
  it("lets a quiet service's ticket waiting 10 minutes beat a busy, favoured service", () => {
    const headStart = { ...ctx, serviceHeadStartSeconds: { kassa: 300 } };
    const quiet = candidate("quiet", { serviceId: "kredit", queuedAt: min(-10) });
    // Kassa tickets keep arriving every 20 s, faster than the operator calls (every 60 s).
    const busy = Array.from({ length: 200 }, (_, i) =>
      candidate(`busy-${String(i).padStart(3, "0")}`, {
        queuedAt: new Date(min(-15).getTime() + i * 20_000),
      }),
    );
    const served: string[] = [];
    let waiting = [quiet, ...busy];
    for (let call = 0; call < 120 && !served.includes("quiet"); call += 1) {
      const now = new Date(NOW.getTime() + call * 60_000);
      const present = waiting.filter((c) => c.queuedAt <= now);
      const next = pickNext(present, { ...headStart, now });
      if (!next) continue;
      served.push(next.id);
      waiting = waiting.filter((c) => c.id !== next.id);
    }
    expect(served).toContain("quiet");
    // Only kassa tickets queued less than 5 minutes after the quiet one may overtake it.
    const overtakers = served.filter((id) => id !== "quiet");
    const limit = min(-10).getTime() + 300_000;
    for (const id of overtakers) {
      expect(busy.find((c) => c.id === id)?.queuedAt.getTime()).toBeLessThanOrEqual(limit);
    }
  });

  it("never lets a ticket be overtaken by one queued later than the head-start difference", () => {
    const headStartArb = fc.record({
      kassa: fc.integer({ min: 0, max: 1800 }),
      kredit: fc.integer({ min: 0, max: 1800 }),
    });
    fc.assert(
      fc.property(headStartArb, fc.array(candidateArb, { maxLength: 30 }), (heads, raw) => {
        const c = { ...ctx, serviceHeadStartSeconds: heads };
        const ranked = rankCandidates(
          raw.map((r) => ({ ...r, priority: 0, appointmentAt: null })),
          c,
        );
        const head = (s: string) =>
          s === "kassa" ? heads.kassa : s === "kredit" ? heads.kredit : 0;
        ranked.forEach((earlier, i) => {
          for (const later of ranked.slice(i + 1)) {
            const gap = (earlier.queuedAt.getTime() - later.queuedAt.getTime()) / 1000;
            expect(gap).toBeLessThanOrEqual(head(earlier.serviceId) - head(later.serviceId) + 1e-9);
          }
        });
      }),
    );
  });
});
