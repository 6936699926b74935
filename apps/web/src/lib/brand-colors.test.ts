import { describe, expect, it } from "vitest";
import { BOARD_BACKGROUND, boardAccent, contrastRatio } from "./brand-colors";

describe("brand colour on the display board", () => {
  it("keeps a colour white text already reads on", () => {
    expect(boardAccent("#0F766E")).toBe("#0f766e");
    expect(contrastRatio("#0f766e", "#ffffff")).toBeGreaterThan(4.5);
  });

  it.each(["#fde047", "#ffffff", "#22d3ee", "#f59e0b", "#a3e635"])(
    "darkens %s until white text is readable on it",
    (color) => {
      const accent = boardAccent(color)!;
      expect(contrastRatio(accent, "#ffffff")).toBeGreaterThanOrEqual(4.5);
      expect(accent).not.toBe(color);
    },
  );

  it.each(["#000000", "#020617", "#0a0a1a"])(
    "lightens %s so it does not vanish into the board",
    (color) => {
      const accent = boardAccent(color)!;
      expect(contrastRatio(accent, BOARD_BACKGROUND)).toBeGreaterThanOrEqual(1.6);
      expect(contrastRatio(accent, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    },
  );

  it("gives no colour for none or a malformed one, so the board keeps its own", () => {
    expect(boardAccent(null)).toBeNull();
    expect(boardAccent("")).toBeNull();
    expect(boardAccent("red")).toBeNull();
    expect(boardAccent("#12345")).toBeNull();
  });
});
