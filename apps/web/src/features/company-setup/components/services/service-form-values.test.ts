import { describe, expect, it } from "vitest";
import { suggestLetter } from "./service-form-values";

describe("ticket letter suggestion", () => {
  it("takes the first letter, or adds the next one when it is taken", () => {
    expect(suggestLetter("Kassa xizmati", new Set())).toBe("K");
    expect(suggestLetter("Kredit maslahat", new Set(["K"]))).toBe("KR");
    expect(suggestLetter("Kredit maslahat", new Set(["K", "KR"]))).toBe("KE");
    expect(suggestLetter("", new Set())).toBe("");
  });
});
