import { describe, expect, it } from "vitest";
import { estimateWait } from "../wait-time";
import { customerWait } from "./customer-wait";
import { estimateEta, etaMinutes } from "./eta";

const now = new Date("2026-03-02T07:00:00Z");
const ago = (minutes: number, waitSeconds: number) => ({
  calledAt: new Date(now.getTime() - minutes * 60_000),
  waitSeconds,
});
const base = {
  now,
  peopleAhead: 3,
  operatorsServing: 1,
  smoothedServiceSeconds: null,
  expectedServiceSeconds: 300,
};

describe("customerWait: the wait customers are shown", () => {
  it("is the delay-history ETA in whole minutes once the line has recent calls", () => {
    const input = { ...base, recentCalls: [ago(20, 1800), ago(15, 1800), ago(10, 1800)] };
    const eta = etaMinutes(estimateEta(input));
    expect(customerWait(input)).toEqual({
      minutes: eta.minutes,
      lowMinutes: eta.lowMinutes,
      highMinutes: eta.highMinutes,
      noOperators: false,
      basis: "EXPECTED",
    });
    expect(eta.minutes).toBeGreaterThan(estimateWait(input).minutes);
  });

  it("keeps the plain estimate with too few calls in the window, or nobody serving", () => {
    // Two in the window, one 31 minutes ago (outside it): fewer than the model's 3.
    const few = { ...base, recentCalls: [ago(31, 1800), ago(10, 1800), ago(5, 1800)] };
    expect(customerWait(few)).toEqual(estimateWait(few));
    const closed = {
      ...base,
      operatorsServing: 0,
      recentCalls: [ago(3, 60), ago(2, 60), ago(1, 60)],
    };
    expect(customerWait(closed)).toEqual(estimateWait(closed));
    expect(customerWait(closed).noOperators).toBe(true);
  });
});
