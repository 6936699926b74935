import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** 0 serious or critical accessibility violations (axe-core) on the page as it is now. */
export async function expectAccessible(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `${what}: serious or critical axe violations`,
  ).toEqual([]);
}

/** A customer's phone: the 390×844 viewport the portal is designed for, with touch. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
} as const;
