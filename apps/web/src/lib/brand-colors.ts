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
