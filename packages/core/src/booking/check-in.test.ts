import { describe, expect, it } from "vitest";
import {
  DEFAULT_CHECK_IN_RULES,
  decideCheckIn,
  isBookingLapsed,
  type CheckInRules,
} from "./check-in";

const TEN = new Date("2026-11-30T05:00:00Z");
const at = (minutes: number) => new Date(TEN.getTime() + minutes * 60_000);
const expire: CheckInRules = { ...DEFAULT_CHECK_IN_RULES, lateArrival: "EXPIRE" };

describe("checking in to a booking", () => {
  it("queues an arrival inside the window at the appointment time, not at arrival", () => {
    expect(decideCheckIn(TEN, at(-15), DEFAULT_CHECK_IN_RULES)).toEqual({
      kind: "ON_TIME",
      queuedAt: TEN,
    });
    expect(decideCheckIn(TEN, at(14), DEFAULT_CHECK_IN_RULES).kind).toBe("ON_TIME");
  });

  it("refuses too early, telling when the window opens", () => {
    expect(decideCheckIn(TEN, at(-16), DEFAULT_CHECK_IN_RULES)).toEqual({
      kind: "TOO_EARLY",
      opensAt: at(-15),
    });
  });

  it("after the window, queues a late customer now (walk-in) or refuses (expire)", () => {
    expect(decideCheckIn(TEN, at(15), DEFAULT_CHECK_IN_RULES)).toEqual({
      kind: "WALK_IN",
      queuedAt: at(15),
    });
    expect(decideCheckIn(TEN, at(15), expire)).toEqual({ kind: "TOO_LATE", closedAt: at(15) });
  });

  it("lapses a booking only under the expire rule, once its window has closed", () => {
    expect(isBookingLapsed(TEN, at(14), expire)).toBe(false);
    expect(isBookingLapsed(TEN, at(15), expire)).toBe(true);
    expect(isBookingLapsed(TEN, at(600), DEFAULT_CHECK_IN_RULES)).toBe(false);
  });
});
