import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../screenshots");

/** The path of screenshot `name` (for a screenshot of the viewport only). */
export const shot = (name: string) => path.join(dir, `${name}.png`);

/** Saves a full-page screenshot to e2e/screenshots/<name>.png, to be looked at. */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
