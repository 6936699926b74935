import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_ETA_MODEL,
  ETA_FEATURES,
  estimateEta,
  etaFeatures,
  etaMinutes,
  fitEtaModel,
  predictFromFeatures,
  type EtaInput,
  type EtaModel,
} from "./eta";

const now = new Date("2026-01-05T07:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

const base: EtaInput = {
  now,
  peopleAhead: 4,
  operatorsServing: 2,
  smoothedServiceSeconds: 300,
  expectedServiceSeconds: 600,
  recentCalls: [],
};

describe("etaFeatures", () => {
  it("computes the queue, flow, last-wait and recent-wait terms", () => {
    const features = etaFeatures({
      ...base,
      recentCalls: [
        { calledAt: minutesAgo(20), waitSeconds: 600 },
        { calledAt: minutesAgo(2), waitSeconds: 900 },
        { calledAt: minutesAgo(10), waitSeconds: 300 },
        { calledAt: minutesAgo(45), waitSeconds: 5000 }, // outside the 30-minute window
      ],
    });
    expect(ETA_FEATURES).toHaveLength(5);
    expect(features).toEqual([
      (4 * 300) / 2, // queue
      (4 * 1800) / 3, // flow: 3 calls in 30 minutes, one every 600 s
      900, // the last called waited 15 minutes
      600, // the average of the three
      1,
    ]);
  });

  it("falls back to the configured duration and to the queue form without history", () => {
    const features = etaFeatures({ ...base, smoothedServiceSeconds: null, operatorsServing: 0 });
    expect(features).toEqual([4 * 600, 4 * 600, 0, 0, 1]);
  });

  it("refuses negative or non-finite input", () => {
    expect(() => etaFeatures({ ...base, peopleAhead: -1 })).toThrow();
    expect(() => etaFeatures({ ...base, operatorsServing: Number.NaN })).toThrow();
    expect(() => etaFeatures({ ...base, smoothedServiceSeconds: -5 })).toThrow();
  });
});

describe("estimateEta", () => {
  const inputArb = fc.record({
    peopleAhead: fc.integer({ min: 0, max: 300 }),
    operatorsServing: fc.integer({ min: 0, max: 30 }),
    smoothedServiceSeconds: fc.option(fc.integer({ min: 0, max: 3600 })),
    expectedServiceSeconds: fc.integer({ min: 0, max: 3600 }),
    recentCalls: fc.array(
      fc.record({
        minutes: fc.integer({ min: 0, max: 90 }),
        waitSeconds: fc.integer({ min: 0, max: 7200 }),
      }),
      { maxLength: 40 },
    ),
  });

  it("gives a non-negative estimate inside its own interval", () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const e = estimateEta({
          ...raw,
          now,
          recentCalls: raw.recentCalls.map((c) => ({
            calledAt: minutesAgo(c.minutes),
            waitSeconds: c.waitSeconds,
          })),
        });
        expect(e.seconds).toBeGreaterThanOrEqual(0);
        expect(e.lowSeconds).toBeGreaterThanOrEqual(0);
        expect(e.lowSeconds).toBeLessThanOrEqual(e.seconds);
        expect(e.highSeconds).toBeGreaterThanOrEqual(e.seconds);
      }),
    );
  });

  it("grows with the people ahead when history stays the same", () => {
    const recentCalls = [
      { calledAt: minutesAgo(5), waitSeconds: 400 },
      { calledAt: minutesAgo(10), waitSeconds: 500 },
      { calledAt: minutesAgo(15), waitSeconds: 450 },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (ahead) => {
        const a = estimateEta({ ...base, recentCalls, peopleAhead: ahead });
        const b = estimateEta({ ...base, recentCalls, peopleAhead: ahead + 1 });
        expect(b.seconds).toBeGreaterThan(a.seconds);
      }),
    );
  });

  it("quotes a short wait with a tight range when nobody is ahead and nobody waited", () => {
    const e = estimateEta({ ...base, peopleAhead: 0 });
    expect(e.seconds).toBeLessThan(120);
    expect(e.highSeconds).toBeLessThan(300);
  });
});

describe("etaMinutes", () => {
  it("rounds the estimate and widens the range to whole minutes", () => {
    expect(etaMinutes({ seconds: 725, lowSeconds: 439, highSeconds: 1315 })).toEqual({
      minutes: 12,
      lowMinutes: 7,
      highMinutes: 22,
    });
  });
});

describe("fitEtaModel", () => {
  // A deterministic generator: waits follow 0.5·queue + 0.5·flow + 30 s plus a spread of ±20 %.
  function samples(n: number) {
    const out = [];
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < n; i++) {
      const queue = rand() * 1800;
      const flow = rand() * 1800;
      const last = rand() * 600;
      const recent = rand() * 600;
      const mean = 0.5 * queue + 0.5 * flow + 30;
      out.push({
        features: [queue, flow, last, recent, 1],
        actualSeconds: mean * (0.8 + 0.4 * rand()),
      });
    }
    return out;
  }

  it("recovers the weights of a known linear relation", () => {
    const model = fitEtaModel(samples(4000));
    expect(model.weights[0]).toBeCloseTo(0.5, 1);
    expect(model.weights[1]).toBeCloseTo(0.5, 1);
    expect(Math.abs(model.weights[2]!)).toBeLessThan(0.05);
    expect(Math.abs(model.weights[3]!)).toBeLessThan(0.05);
  });

  it("its bands cover about 80 % of fresh samples from the same source", () => {
    const model = fitEtaModel(samples(4000));
    const fresh = samples(8000).slice(4000);
    const inside = fresh.filter((s) => {
      const e = predictFromFeatures(s.features, model);
      return s.actualSeconds >= e.lowSeconds && s.actualSeconds <= e.highSeconds;
    }).length;
    expect(inside / fresh.length).toBeGreaterThan(0.75);
    expect(inside / fresh.length).toBeLessThan(0.85);
    // Bands are ordered and the last one takes everything above.
    const edges = model.bands.map((b) => b.upToSeconds);
    expect([...edges].sort((a, b) => a - b)).toEqual(edges);
    expect(edges[edges.length - 1]).toBe(Number.MAX_VALUE);
  });

  it("refuses too little history", () => {
    expect(() => fitEtaModel(samples(10))).toThrow();
  });

  it("ships a model with one weight per feature and ordered bands", () => {
    const m: EtaModel = DEFAULT_ETA_MODEL;
    expect(m.weights).toHaveLength(ETA_FEATURES.length);
    const edges = m.bands.map((b) => b.upToSeconds);
    expect([...edges].sort((a, b) => a - b)).toEqual(edges);
    for (const b of m.bands) expect(b.high).toBeGreaterThanOrEqual(b.low);
  });
});
