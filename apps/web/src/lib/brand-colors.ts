import type { CSSProperties } from "react";

const HEX = /^#[0-9a-fA-F]{6}$/;

/** Relative luminance (WCAG) of "#RRGGBB". */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two "#RRGGBB" colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const toHex = (channels: number[]) =>
  "#" + channels.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("");

/** `hex` moved toward `target` (0 or 255 per channel) by `share` (0 … 1). */
function mixToward(hex: string, target: 0 | 255, share: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return toHex(channels.map((c) => c + (target - c) * share));
}

/** The smallest move toward `target` for which `ok` holds (luminance is monotonic in it). */
function nudge(hex: string, target: 0 | 255, ok: (hex: string) => boolean): string {
  if (ok(hex)) return hex;
  let [low, high] = [0, 1];
  for (let i = 0; i < 16; i++) {
    const mid = (low + high) / 2;
    if (ok(mixToward(hex, target, mid))) high = mid;
    else low = mid;
  }
  return mixToward(hex, target, high);
}

/** The hall board's background (Tailwind slate-950): a brand colour must stand out from it. */
export const BOARD_BACKGROUND = "#020617";

/**
 * The company colour as the display board can wear it behind white text: darkened until white
 * reads on it (WCAG AA, ≥ 4.5:1), lightened when it would vanish into the board's near-black
 * background. Null for no colour or a malformed one: the board keeps its own colours.
 */
export function boardAccent(color: string | null | undefined): string | null {
  if (!color || !HEX.test(color)) return null;
  const readable = nudge(color.toLowerCase(), 0, (hex) => contrastRatio(hex, "#ffffff") >= 4.6);
  return nudge(readable, 255, (hex) => contrastRatio(hex, BOARD_BACKGROUND) >= 1.6);
}

/**
 * Inline style that re-themes a subtree in the company's colour: the app's accent (Tailwind's
 * indigo scale) is redefined from `--brand`. A colour too light for white text is darkened, so
 * buttons stay readable (WCAG AA wants ≥ 4.5:1 against white, i.e. luminance ≤ 0.18).
 */
export function brandStyle(color: string | null | undefined): CSSProperties | undefined {
  if (!color || !HEX.test(color)) return undefined;
  const l = luminance(color);
  const brand =
    l > 0.18
      ? `color-mix(in oklab, ${color} ${Math.round(Math.max(35, 100 - (l - 0.18) * 160))}%, black)`
      : color;
  const mix = (pct: number, with_: "white" | "black") =>
    `color-mix(in oklab, var(--brand) ${pct}%, ${with_})`;
  return {
    "--brand": brand,
    "--color-indigo-50": mix(8, "white"),
    "--color-indigo-100": mix(16, "white"),
    "--color-indigo-200": mix(30, "white"),
    "--color-indigo-400": mix(60, "white"),
    "--color-indigo-500": mix(85, "white"),
    "--color-indigo-600": "var(--brand)",
    "--color-indigo-700": mix(85, "black"),
    "--color-indigo-800": mix(70, "black"),
  } as CSSProperties;
}
