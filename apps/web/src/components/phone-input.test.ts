import { describe, expect, it } from "vitest";
import { formatLocalPhone, toE164 } from "./phone-input";

describe("the +998 phone mask", () => {
  it("groups the nine local digits as people write them", () => {
    expect(formatLocalPhone("901234567")).toBe("90 123 45 67");
    expect(formatLocalPhone("90 12")).toBe("90 12");
    expect(formatLocalPhone("+998 90 123-45-67")).toBe("90 123 45 67");
    expect(formatLocalPhone("90123456789")).toBe("90 123 45 67");
  });
  it("sends E.164", () => {
    expect(toE164("90 123 45 67")).toBe("+998901234567");
  });
});
