import { describe, expect, it } from "vitest";
import { dayIn, defaultReportRange } from "./report-range";

describe("the report's default range", () => {
  // 19:30 UTC on 30 November is 00:30 on 1 December in Tashkent (UTC+5).
  const evening = new Date("2026-11-30T19:30:00Z");

  it("ends on the latest branch's today, past the browser's midnight", () => {
    expect(dayIn(evening, "UTC")).toBe("2026-11-30");
    expect(dayIn(evening, "Asia/Tashkent")).toBe("2026-12-01");
    expect(defaultReportRange(["Asia/Tashkent", "UTC"], evening).to).toBe("2026-12-01");
  });

  it("covers seven days, across a month's end", () => {
    expect(defaultReportRange(["Asia/Tashkent"], evening)).toEqual({
      from: "2026-11-25",
      to: "2026-12-01",
    });
  });

  it("falls back to the browser's day for an unknown zone or no branches", () => {
    const noon = new Date("2026-06-15T12:00:00Z");
    expect(defaultReportRange(["Not/AZone"], noon).to).toBe(dayIn(noon));
    expect(defaultReportRange([], noon).to).toBe(dayIn(noon));
  });
});
