import { describe, expect, it } from "vitest";
import { formatNumeric } from "./format-numeric";

describe("formatNumeric", () => {
  const at = new Date("2026-11-30T09:00:00Z");

  it("shows a branch's time in the branch's zone, wherever the phone is", () => {
    expect(formatNumeric(at, true, "Asia/Tashkent")).toBe("30.11.2026, 14:00");
    expect(formatNumeric(at, true, "Pacific/Kiritimati")).toBe("30.11.2026, 23:00");
    expect(formatNumeric(at, false, "Pacific/Pago_Pago")).toBe("29.11.2026");
  });
});
