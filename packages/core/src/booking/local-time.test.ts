import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QUEUE_ERROR_CODE } from "../errors";
import {
  addDays,
  daysBetween,
  instantsAt,
  isoWeekday,
  localClock,
  parseClock,
  spanResolver,
  zoneOffsetMinutes,
} from "./local-time";

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("local time in a branch's zone", () => {
  it("reads the local day, weekday and minute, not the UTC ones", () => {
    // 20:30 UTC on Sunday is already 01:30 on Monday in Tashkent.
    expect(localClock(new Date("2026-11-29T20:30:00Z"), "Asia/Tashkent")).toEqual({
      date: "2026-11-30",
      weekday: "1",
      minutes: 90,
    });
    expect(zoneOffsetMinutes(new Date("2026-07-01T00:00:00Z"), "Asia/Kathmandu")).toBe(345);
    expect(zoneOffsetMinutes(new Date("2026-07-01T00:00:00Z"), "Europe/Berlin")).toBe(120);
    expect(zoneOffsetMinutes(new Date("2026-01-01T00:00:00Z"), "Europe/Berlin")).toBe(60);
  });

  it("finds no instant in a skipped hour and two in a repeated one", () => {
    expect(instantsAt("2026-03-29", 150, "Europe/Berlin")).toEqual([]); // 02:30
    expect(iso(instantsAt("2026-03-29", 180, "Europe/Berlin"))).toEqual([
      "2026-03-29T01:00:00.000Z",
    ]);
    expect(iso(instantsAt("2026-10-25", 150, "Europe/Berlin"))).toEqual([
      "2026-10-25T00:30:00.000Z",
      "2026-10-25T01:30:00.000Z",
    ]);
    // Lord Howe moves its clocks by half an hour.
    expect(instantsAt("2026-10-04", 2 * 60 + 15, "Australia/Lord_Howe")).toEqual([]);
  });

  it("resolves spans only where the wall clock moves by their length", () => {
    const spring = spanResolver("2026-03-29", "Europe/Berlin");
    expect(spring(60, 30)?.toISOString()).toBe("2026-03-29T00:00:00.000Z"); // 01:00–01:30
    expect(spring(90, 30)).toBeNull(); // 01:30 → the 02:00 that never comes
    expect(spring(120, 30)).toBeNull(); // 02:00 does not exist
    const autumn = spanResolver("2026-10-25", "Europe/Berlin");
    expect(autumn(150, 30)?.toISOString()).toBe("2026-10-25T01:30:00.000Z");
  });

  it("agrees with Intl for every quarter hour of a year in a DST zone", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 96 }), (q) => {
        const at = new Date(Date.UTC(2026, 0, 1) + q * 15 * 60_000);
        const { date, minutes } = localClock(at, "America/New_York");
        expect(instantsAt(date, minutes, "America/New_York").map((d) => d.getTime())).toContain(
          at.getTime(),
        );
      }),
    );
  });

  it("does calendar arithmetic on local days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetween("2026-11-30", "2027-01-01")).toBe(32);
    expect(isoWeekday("2026-11-29")).toBe("7");
    expect(isoWeekday("2026-11-30")).toBe("1");
  });

  it("reads stored times and refuses anything else", () => {
    expect(parseClock("09:30")).toBe(570);
    expect(parseClock("09:30:00")).toBe(570);
    expect(parseClock("24:00")).toBe(1440);
    for (const bad of ["9:30", "24:01", "12:60", "noon"]) {
      expect(() => parseClock(bad)).toThrow(
        expect.objectContaining({ code: QUEUE_ERROR_CODE.INVALID_ARGUMENT }),
      );
    }
    expect(() => addDays("2026-02-30", 1)).toThrow(
      expect.objectContaining({ code: QUEUE_ERROR_CODE.INVALID_ARGUMENT }),
    );
  });
});
