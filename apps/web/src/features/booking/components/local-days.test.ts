import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isoWeekday, longDate, shortDate } from "./local-days";

describe("the branch's local days", () => {
  it("counts across month and year ends without a time zone", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-11-30", "2026-12-07")).toBe(7);
  });

  it("names Monday 1 and Sunday 7, and writes dates as people do", () => {
    expect(isoWeekday("2026-11-30")).toBe(1);
    expect(isoWeekday("2026-12-06")).toBe(7);
    expect(shortDate("2026-12-01")).toBe("01.12");
    expect(longDate("2026-12-01")).toBe("01.12.2026");
  });
});
