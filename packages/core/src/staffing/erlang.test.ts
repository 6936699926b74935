import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  agentsForServiceLevel,
  erlangA,
  erlangB,
  erlangC,
  erlangCMetrics,
  staffingPlan,
  trafficErlangs,
} from "./erlang";

describe("Erlang C", () => {
  it("matches the CRAN ErlangC test vector: 100 per 30 min, 180 s, 20 s target, 14 agents", () => {
    const traffic = trafficErlangs(100, 30 * 60, 180);
    expect(traffic).toBeCloseTo(10, 10);
    const r = erlangCMetrics({
      arrivalRate: 100 / 1800,
      handleSeconds: 180,
      targetSeconds: 20,
      agents: 14,
    });
    expect(r.pWait).toBeCloseTo(0.1741, 4);
    expect(r.serviceLevel).toBeCloseTo(0.888, 3);
    expect(r.averageWaitSeconds).toBeCloseTo(7.83, 1);
    expect(r.occupancy).toBeCloseTo(10 / 14, 10);
  });

  it("advises the fewest agents meeting the target (the CRAN vector needs 14 for 80 % in 20 s)", () => {
    const r = agentsForServiceLevel(100 / 1800, 180, { targetSeconds: 20, serviceLevel: 0.8 });
    expect(r.agents).toBe(14);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const fewer = erlangCMetrics({
      arrivalRate: 100 / 1800,
      handleSeconds: 180,
      targetSeconds: 20,
      agents: 13,
    });
    expect(fewer.serviceLevel).toBeLessThan(0.8);
  });

  it("caps occupancy when asked", () => {
    const r = agentsForServiceLevel(100 / 1800, 180, {
      targetSeconds: 20,
      serviceLevel: 0.5,
      maxOccupancy: 0.7,
    });
    expect(r.agents).toBe(15);
  });

  it("stays finite and correct for thousands of agents (no factorial overflow)", () => {
    const b = erlangB(5000, 5200);
    expect(Number.isFinite(b)).toBe(true);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.01);
    const r = agentsForServiceLevel(5000 / 180, 180, { targetSeconds: 20, serviceLevel: 0.8 });
    expect(r.agents).toBeGreaterThan(5000);
    expect(r.agents).toBeLessThan(5100);
  });

  it("is 1 when the queue cannot keep up", () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(10, 3)).toBe(1);
  });

  it("P(wait) falls and the service level rises as agents are added", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 200, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 600 }),
        (traffic, agents, target) => {
          const a = erlangCMetrics({
            arrivalRate: traffic / 100,
            handleSeconds: 100,
            targetSeconds: target,
            agents,
          });
          const b = erlangCMetrics({
            arrivalRate: traffic / 100,
            handleSeconds: 100,
            targetSeconds: target,
            agents: agents + 1,
          });
          expect(b.pWait).toBeLessThanOrEqual(a.pWait + 1e-12);
          expect(b.serviceLevel).toBeGreaterThanOrEqual(a.serviceLevel - 1e-12);
          expect(b.averageWaitSeconds).toBeLessThanOrEqual(a.averageWaitSeconds);
          expect(a.pWait).toBeGreaterThanOrEqual(0);
          expect(a.pWait).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it("Erlang C is at least Erlang B", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 150 }),
        (traffic, agents) => {
          expect(erlangC(traffic, agents)).toBeGreaterThanOrEqual(erlangB(traffic, agents) - 1e-12);
        },
      ),
    );
  });

  it("plans each 15-minute interval on its own", () => {
    const plan = staffingPlan(
      [
        { arrivals: 0, handleSeconds: 300 },
        { arrivals: 30, handleSeconds: 300 },
        { arrivals: 60, handleSeconds: 300 },
      ],
      { targetSeconds: 300, serviceLevel: 0.8 },
    );
    expect(plan.map((p) => p.agents)).toEqual([0, plan[1]!.agents, plan[2]!.agents]);
    expect(plan[1]!.agents).toBeGreaterThan(10); // 10 Erlangs
    expect(plan[2]!.agents).toBeGreaterThan(plan[1]!.agents);
    for (const p of plan.slice(1)) expect(p.serviceLevel).toBeGreaterThanOrEqual(0.8);
  });

  it("refuses nonsense", () => {
    expect(() => erlangB(-1, 3)).toThrow();
    expect(() => erlangB(1, 2.5)).toThrow();
    expect(() => agentsForServiceLevel(1, 0, { targetSeconds: 20, serviceLevel: 0.8 })).toThrow();
    expect(() => agentsForServiceLevel(1, 10, { targetSeconds: 20, serviceLevel: 1 })).toThrow();
  });
});

describe("Erlang A", () => {
  it("approaches Erlang C when customers are very patient", () => {
    const c = erlangCMetrics({
      arrivalRate: 100 / 1800,
      handleSeconds: 180,
      targetSeconds: 20,
      agents: 14,
    });
    const a = erlangA({
      arrivalRate: 100 / 1800,
      handleSeconds: 180,
      patienceSeconds: 1e9,
      agents: 14,
    });
    expect(a.pWait).toBeCloseTo(c.pWait, 4);
    expect(a.averageWaitSeconds).toBeCloseTo(c.averageWaitSeconds, 2);
    expect(a.pAbandon).toBeLessThan(1e-6);
    expect(a.occupancy).toBeCloseTo(10 / 14, 4);
  });

  it("stays stable with fewer agents than the traffic: impatient customers leave", () => {
    const a = erlangA({ arrivalRate: 1 / 10, handleSeconds: 100, patienceSeconds: 300, agents: 8 });
    expect(a.pWait).toBeGreaterThan(0.9);
    // Flow balance: served + abandoned = arrivals, and served = busy agents × μ.
    const served = (a.occupancy * 8) / 100;
    expect(served + a.pAbandon * 0.1).toBeCloseTo(0.1, 6);
  });

  it("stays finite far from balance: no operators and patient customers, or many idle operators", () => {
    const none = erlangA({
      arrivalRate: 39.08 / 100,
      handleSeconds: 100,
      patienceSeconds: 1800,
      agents: 0,
    });
    expect(none.pAbandon).toBeCloseTo(1, 9);
    expect(none.averageQueue).toBeCloseTo(0.3908 * 1800, 3);
    const idle = erlangA({
      arrivalRate: 0.1,
      handleSeconds: 100,
      patienceSeconds: 60,
      agents: 5000,
    });
    expect(idle.pWait).toBeLessThan(1e-12);
    expect(idle.occupancy).toBeCloseTo(10 / 5000, 9);
  });

  it("abandonment and waiting fall as agents are added", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 60, noNaN: true }),
        fc.integer({ min: 0, max: 80 }),
        fc.double({ min: 10, max: 3600, noNaN: true }),
        (traffic, agents, patience) => {
          const input = {
            arrivalRate: traffic / 100,
            handleSeconds: 100,
            patienceSeconds: patience,
          };
          const a = erlangA({ ...input, agents });
          const b = erlangA({ ...input, agents: agents + 1 });
          expect(b.pAbandon).toBeLessThanOrEqual(a.pAbandon + 1e-9);
          expect(b.averageWaitSeconds).toBeLessThanOrEqual(a.averageWaitSeconds + 1e-9);
          expect(a.pAbandon).toBeGreaterThanOrEqual(0);
          expect(a.pAbandon).toBeLessThanOrEqual(1 + 1e-9);
        },
      ),
    );
  });
});
