import { describe, expect, it } from "vitest";
import { formatElapsed, formatSeconds } from "./use-now";

describe("durations", () => {
  it("a running timer shows the whole seconds gone", () => {
    expect(formatElapsed(245.9)).toBe("4:05");
    expect(formatElapsed(3729)).toBe("1:02:09");
  });

  it("a measured average is rounded, never shown as 60 seconds", () => {
    expect(formatSeconds(1079.5)).toBe("18:00");
    expect(formatSeconds(59.6)).toBe("1:00");
    expect(formatSeconds(245.4)).toBe("4:05");
  });
});
