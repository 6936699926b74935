import { describe, expect, it } from "vitest";
import type { TrackedTicket } from "../api/tracking.api";
import { isNearlyUp } from "./ticket-live-notices";

const ticket = (over: Partial<TrackedTicket>) =>
  ({
    status: "WAITING",
    peopleAhead: 5,
    estimate: { minutes: 12, lowMinutes: 9, highMinutes: 15, noOperators: false },
    ...over,
  }) as TrackedTicket;

describe("isNearlyUp", () => {
  it("is true with two people ahead or fewer, or five minutes or less", () => {
    expect(isNearlyUp(ticket({ peopleAhead: 2 }))).toBe(true);
    expect(isNearlyUp(ticket({ peopleAhead: 3 }))).toBe(false);
    expect(
      isNearlyUp(
        ticket({ estimate: { minutes: 5, lowMinutes: 3, highMinutes: 8, noOperators: false } }),
      ),
    ).toBe(true);
  });

  it("is false with few ahead while the estimate is long", () => {
    const long = { minutes: 60, lowMinutes: 41, highMinutes: 83, noOperators: false };
    expect(isNearlyUp(ticket({ peopleAhead: 2, estimate: long }))).toBe(false);
    const quarter = { minutes: 15, lowMinutes: 10, highMinutes: 20, noOperators: false };
    expect(isNearlyUp(ticket({ peopleAhead: 1, estimate: quarter }))).toBe(true);
    expect(isNearlyUp(ticket({ peopleAhead: 0, estimate: null }))).toBe(true);
  });

  it("is false when not waiting, or when nobody serves the line", () => {
    expect(isNearlyUp(ticket({ status: "BOOKED", peopleAhead: 0 }))).toBe(false);
    expect(isNearlyUp(ticket({ status: "CALLED", peopleAhead: 0 }))).toBe(false);
    expect(
      isNearlyUp(
        ticket({ estimate: { minutes: 1, lowMinutes: 1, highMinutes: 1, noOperators: true } }),
      ),
    ).toBe(false);
    // Next in line, but the line's operators are away: not "come to the hall" yet.
    expect(
      isNearlyUp(
        ticket({
          peopleAhead: 0,
          estimate: { minutes: 1, lowMinutes: 1, highMinutes: 1, noOperators: true },
        }),
      ),
    ).toBe(false);
  });
});
