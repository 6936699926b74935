import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { QUEUE_ERROR_CODE } from "./errors";
import { businessDay, formatTicketNumber, parseTicketNumber, seriesFor } from "./numbering";

describe("seriesFor", () => {
  it("uses the plan's letters by source and the service letter by service", () => {
    expect(seriesFor({ scheme: "BY_SOURCE", source: "KIOSK" })).toBe("K");
    expect(seriesFor({ scheme: "BY_SOURCE", source: "ONLINE", serviceLetter: "A" })).toBe("O");
    expect(seriesFor({ scheme: "BY_SOURCE", source: "WALK_IN" })).toBe("W");
    expect(seriesFor({ scheme: "BY_SERVICE", source: "KIOSK", serviceLetter: "kr" })).toBe("KR");
  });

  it("refuses a per-service scheme without a usable letter", () => {
    for (const serviceLetter of [null, "", "1", "ABC", "Ж"]) {
      expect(() => seriesFor({ scheme: "BY_SERVICE", source: "ONLINE", serviceLetter })).toThrow(
        expect.objectContaining({ code: QUEUE_ERROR_CODE.INVALID_SERIES }),
      );
    }
  });
});

describe("formatTicketNumber", () => {
  it("pads to three digits and grows past 999", () => {
    expect(formatTicketNumber("K", 1)).toBe("K-001");
    expect(formatTicketNumber("O", 42)).toBe("O-042");
    expect(formatTicketNumber("K", 999)).toBe("K-999");
    expect(formatTicketNumber("K", 1000)).toBe("K-1000");
    expect(formatTicketNumber("KR", 12345)).toBe("KR-12345");
  });

  it("refuses numbers that are not positive integers", () => {
    for (const n of [0, -1, 1.5, Number.NaN]) {
      expect(() => formatTicketNumber("K", n)).toThrow(
        expect.objectContaining({ code: QUEUE_ERROR_CODE.INVALID_TICKET_NUMBER }),
      );
    }
  });

  it("round-trips through parseTicketNumber and gives distinct labels to distinct numbers", () => {
    const seriesArb = fc.constantFrom("K", "O", "W", "A", "KR");
    fc.assert(
      fc.property(seriesArb, fc.integer({ min: 1, max: 10_000_000 }), (series, n) => {
        const label = formatTicketNumber(series, n);
        expect(label).toMatch(/^[A-Z]{1,2}-\d{3,}$/);
        expect(parseTicketNumber(label)).toEqual({ series, n });
        expect(formatTicketNumber(series, n + 1)).not.toBe(label);
      }),
    );
  });

  it("parses only canonical labels", () => {
    for (const label of ["K-1", "K-000", "K-0001", "k-001", "K001", "ABC-001", "K-01x"]) {
      expect(parseTicketNumber(label)).toBeNull();
    }
  });
});

describe("businessDay", () => {
  it("turns over at local midnight in Tashkent, not at UTC midnight", () => {
    expect(businessDay(new Date("2024-12-18T18:59:59Z"), "Asia/Tashkent")).toBe("2024-12-18");
    expect(businessDay(new Date("2024-12-18T19:00:00Z"), "Asia/Tashkent")).toBe("2024-12-19");
    // 23:30 UTC on the 18th is already 04:30 on the 19th in Tashkent.
    expect(businessDay(new Date("2024-12-18T23:30:00Z"), "Asia/Tashkent")).toBe("2024-12-19");
    // 00:30 UTC on the 19th is 05:30 on the 19th: UTC and local agree again.
    expect(businessDay(new Date("2024-12-19T00:30:00Z"), "Asia/Tashkent")).toBe("2024-12-19");
  });

  it("does not break after 5 pm west of UTC (the TheQ bug)", () => {
    // 17:30 PDT on 31 May is 00:30 UTC on 1 June.
    expect(businessDay(new Date("2024-06-01T00:30:00Z"), "America/Vancouver")).toBe("2024-05-31");
  });

  it("handles half-hour offsets and DST", () => {
    expect(businessDay(new Date("2024-12-18T18:14:00Z"), "Asia/Kathmandu")).toBe("2024-12-18");
    expect(businessDay(new Date("2024-12-18T18:15:00Z"), "Asia/Kathmandu")).toBe("2024-12-19");
    expect(businessDay(new Date("2024-03-31T22:30:00Z"), "Europe/Berlin")).toBe("2024-04-01");
    expect(businessDay(new Date("2024-12-31T22:30:00Z"), "Europe/Berlin")).toBe("2024-12-31");
  });

  it("equals the UTC date shifted by +5 h in Tashkent for any instant", () => {
    const dateArb = fc.date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2099-12-31T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(dateArb, (now) => {
        const shifted = new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
        expect(businessDay(now, "Asia/Tashkent")).toBe(shifted);
        expect(businessDay(now, "UTC")).toBe(now.toISOString().slice(0, 10));
      }),
    );
  });

  it("refuses an unknown time zone and an invalid date", () => {
    expect(() => businessDay(new Date(), "Asia/Toshkent")).toThrow(
      expect.objectContaining({ code: QUEUE_ERROR_CODE.INVALID_TIME_ZONE }),
    );
    expect(() => businessDay(new Date(Number.NaN), "Asia/Tashkent")).toThrow(
      expect.objectContaining({ code: QUEUE_ERROR_CODE.INVALID_ARGUMENT }),
    );
  });
});
