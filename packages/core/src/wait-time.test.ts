import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankCandidates, type CallCandidate } from "./call-next-policy";
import { QUEUE_ERROR_CODE } from "./errors";
import { countPeopleAhead, estimateWait, smoothServiceTime } from "./wait-time";

const base = { smoothedServiceSeconds: 300, expectedServiceSeconds: 600 };

describe("estimateWait", () => {
  it("divides people ahead by operators serving and multiplies by the smoothed time", () => {
    expect(estimateWait({ ...base, peopleAhead: 3, operatorsServing: 1 })).toEqual({
      minutes: 15,
      lowMinutes: 11,
      highMinutes: 23,
      noOperators: false,
      basis: "HISTORY",
    });
    expect(estimateWait({ ...base, peopleAhead: 6, operatorsServing: 2 }).minutes).toBe(15);
  });

  it("uses the expected duration without history", () => {
    const estimate = estimateWait({
      ...base,
      smoothedServiceSeconds: null,
      peopleAhead: 2,
      operatorsServing: 1,
    });
    expect(estimate).toMatchObject({ minutes: 20, basis: "EXPECTED", noOperators: false });
  });

  it("flags a service nobody serves and widens the range", () => {
    const estimate = estimateWait({ ...base, peopleAhead: 2, operatorsServing: 0 });
    expect(estimate).toMatchObject({ minutes: 20, noOperators: true, basis: "EXPECTED" });
    expect(estimate.highMinutes - estimate.lowMinutes).toBeGreaterThan(20);
  });

  const inputArb = fc.record({
    peopleAhead: fc.integer({ min: 0, max: 200 }),
    operatorsServing: fc.integer({ min: 1, max: 20 }),
    smoothedServiceSeconds: fc.option(fc.integer({ min: 0, max: 3600 })),
    expectedServiceSeconds: fc.integer({ min: 0, max: 3600 }),
  });

  it("grows with people ahead and shrinks with operators", () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 50 }), (input, more) => {
        const now = estimateWait(input);
        const longer = estimateWait({ ...input, peopleAhead: input.peopleAhead + more });
        const staffed = estimateWait({ ...input, operatorsServing: input.operatorsServing + more });
        for (const key of ["minutes", "lowMinutes", "highMinutes"] as const) {
          expect(longer[key]).toBeGreaterThanOrEqual(now[key]);
          expect(staffed[key]).toBeLessThanOrEqual(now[key]);
        }
      }),
    );
  });

  it("always returns low <= figure <= high", () => {
    fc.assert(
      fc.property(inputArb, fc.boolean(), (input, closed) => {
        const e = estimateWait({ ...input, operatorsServing: closed ? 0 : input.operatorsServing });
        expect(e.lowMinutes).toBeLessThanOrEqual(e.minutes);
        expect(e.minutes).toBeLessThanOrEqual(e.highMinutes);
        expect(e.noOperators).toBe(closed);
      }),
    );
  });

  it("refuses negative or non-finite input", () => {
    expect(() => estimateWait({ ...base, peopleAhead: -1, operatorsServing: 1 })).toThrow(
      expect.objectContaining({ code: QUEUE_ERROR_CODE.INVALID_ARGUMENT }),
    );
    expect(() => estimateWait({ ...base, peopleAhead: 1, operatorsServing: Number.NaN })).toThrow();
  });
});

describe("smoothServiceTime", () => {
  it("starts from the first sample and moves a fraction alpha toward each new one", () => {
    expect(smoothServiceTime(null, 240)).toBe(240);
    expect(smoothServiceTime(300, 600, 0.5)).toBe(450);
    expect(() => smoothServiceTime(300, 600, 0)).toThrow(/alpha/);
  });

  it("stays between the old average and the sample and converges to a steady time", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3600 }),
        fc.integer({ min: 0, max: 3600 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (prev, sample, alpha) => {
          const next = smoothServiceTime(prev, sample, alpha);
          expect(next).toBeGreaterThanOrEqual(Math.min(prev, sample) - 1e-9);
          expect(next).toBeLessThanOrEqual(Math.max(prev, sample) + 1e-9);
          let avg = prev;
          for (let i = 0; i < 2000; i += 1) avg = smoothServiceTime(avg, sample, alpha);
          expect(avg).toBeCloseTo(sample, 3);
        },
      ),
    );
  });
});

describe("countPeopleAhead", () => {
  const now = new Date("2024-12-19T09:00:00Z");
  const ticketArb = fc.record({
    id: fc.uuid(),
    serviceId: fc.constantFrom("kassa", "kredit"),
    status: fc.constantFrom("WAITING" as const, "CALLED" as const),
    priority: fc.integer({ min: 0, max: 2 }),
    queuedAt: fc.integer({ min: 0, max: 7200 }).map((s) => new Date(now.getTime() - s * 1000)),
    appointmentAt: fc.option(
      fc.integer({ min: -3600, max: 3600 }).map((s) => new Date(now.getTime() + s * 1000)),
    ),
    operatorId: fc.constant(null),
  });

  it("equals the ticket's place in the call order of its own service", () => {
    fc.assert(
      fc.property(
        fc.array(ticketArb, { minLength: 1, maxLength: 30 }),
        (queue: CallCandidate[]) => {
          const ctx = { now, operatorId: "op", serviceIds: ["kassa"] };
          const line = rankCandidates(queue, ctx);
          line.forEach((ticket, index) => {
            expect(countPeopleAhead(ticket, queue, ctx)).toBe(index);
          });
        },
      ),
    );
  });
});
