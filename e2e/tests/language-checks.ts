/// <reference lib="dom" />
// Browser code runs in page.evaluate here; the DOM types describe it.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ALL_AUDIT_ACTIONS } from "@equeue/contracts";
import { expect, type Browser, type BrowserContextOptions, type Page } from "@playwright/test";

/** The languages the language review reads: Uzbek (Latin, the default), Uzbek Cyrillic, Russian. */
export const REVIEW_LANGUAGES = ["uz", "uz-Cyrl", "ru"] as const;
export type ReviewLanguage = (typeof REVIEW_LANGUAGES)[number];

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../screenshots/languages");

/** A browser context whose screens start in `lang` (the visitor's stored choice). */
export async function contextIn(
  browser: Browser,
  lang: ReviewLanguage,
  options: BrowserContextOptions,
) {
  const context = await browser.newContext(options);
  await context.addInitScript((l) => localStorage.setItem("eq.lang", l), lang);
  return context;
}

// Common English UI words: none belongs on an Uzbek or Russian screen.
const ENGLISH = /\b(Save|Cancel|Loading|Error|Next|Back|Settings|Search)\b/i;

// Addresses, e-mails, ticket labels, ids, time zones, colours and abbreviations: not words of a
// language, the same on every screen.
const NEUTRAL = [
  /\bE-Queue\b/g,
  /\b(?:https?:\/\/|www\.)\S+/g,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /(?:^|\s|…)\/\S+/g, // a path: /c/bank/t/…
  /\b[\w-]+\.(?:uz|com|test|html)\b/g, // a host name
  /\b[A-Z][A-Za-z_]+(?:\/[A-Za-z_+-]+)+/g, // an IANA time zone: Asia/Tashkent
  /\b[A-Z]{1,3}-\d+\b/g, // ticket label
  /\b[0-9a-f]{8}-[0-9a-f-]*/g, // an id, whole or cut short
  /#[0-9A-Fa-f]{3,8}\b/g, // a colour
  /(?<![\wʻʼ])[A-Z]{1,6}\d*(?![\wʻʼ])/g, // abbreviations (SMS, QR, XLSX) and ticket letters
  /\b(?:Excel|Telegram)\b/g, // product names
];

// A dotted lower-camel word, as i18next shows a missing key: "portal.joinQueue".
const RAW_KEY = /\b[a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z_]*)+\b/g;

// A word in Latin letters (with the Uzbek ʻ and ʼ).
const LATIN_WORD = /[A-Za-z][A-Za-zʻʼ'‘’]*[A-Za-z]/g;

/** Everything a reader meets on the page: its text and the names and hints of its controls. */
async function readable(page: Page, data: string | null): Promise<string> {
  return page.evaluate((dataSelector) => {
    // Rows of data (what other companies entered, messages stored in their language) are not
    // the screen's own words: hidden while the text is read, shown again after; a list's
    // options (a filter's companies) are taken out of the text by their own.
    const matched = dataSelector
      ? Array.from(document.querySelectorAll<HTMLElement>(dataSelector))
      : [];
    const options = matched.filter(
      (el): el is HTMLOptionElement => el instanceof HTMLOptionElement,
    );
    const hidden = matched.filter((el) => !(el instanceof HTMLOptionElement));
    for (const el of hidden) el.style.display = "none";
    const attrs = Array.from(
      document.querySelectorAll("[placeholder], [aria-label], [title], [alt]"),
    )
      .flatMap((el) => ["placeholder", "aria-label", "title", "alt"].map((a) => el.getAttribute(a)))
      .filter((v): v is string => Boolean(v));
    let text = [document.title, document.body.innerText, ...attrs].join("\n");
    // The time zones of a branch's form (Asia/Tashkent, America/Port of Spain) are IANA names.
    const zones = Array.from(document.querySelectorAll("option"))
      .filter((o) => /^[A-Z][A-Za-z_]+\/./.test(o.value))
      .map((o) => o.text)
      .sort((a, b) => b.length - a.length); // America/Bahia_Banderas before America/Bahia
    for (const zone of zones) text = text.split(zone).join(" ");
    for (const el of hidden) el.style.display = "";
    for (const o of options) if (o.text.trim()) text = text.split(o.text).join(" ");
    return text;
  }, data);
}

/**
 * Saves a screenshot of face `face` in `lang` to e2e/screenshots/languages/ and checks, softly
 * (every face of a run is read before the test fails): the page's `lang`, no raw i18n keys, no
 * English UI words, and on Uzbek Cyrillic and Russian screens no Latin words except `names`
 * (what the company entered: its name, branches, services, staff) and addresses or labels.
 */
export async function reviewFace(
  page: Page,
  lang: ReviewLanguage,
  face: string,
  names: readonly string[],
  opts: { data?: string } = {},
) {
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
  await page.screenshot({ path: path.join(dir, `${lang}-${face}.png`), fullPage: true });
  await expect
    .soft(page.locator("html"), `${lang} ${face}: <html lang>`)
    .toHaveAttribute("lang", lang);
  let text = await readable(page, opts.data ?? null);
  for (const re of NEUTRAL) text = text.replace(re, " ");
  for (const name of [...names].sort((a, b) => b.length - a.length))
    text = text.split(name).join(" ");
  // The audit log shows each action's code beside its name, and one as the filter's example.
  for (const code of [...ALL_AUDIT_ACTIONS].sort((a, b) => b.length - a.length))
    text = text.split(code).join(" ");
  expect.soft(text.match(RAW_KEY) ?? [], `${lang} ${face}: raw i18n keys`).toEqual([]);
  expect.soft(text.match(ENGLISH) ?? [], `${lang} ${face}: English UI words`).toEqual([]);
  if (lang !== "uz") {
    const latin = [...new Set(text.match(LATIN_WORD) ?? [])];
    expect.soft(latin, `${lang} ${face}: Latin words`).toEqual([]);
  }
}

/** The names a company entered in the standard world, and the languages' own names. */
export const ENTERED_NAMES = [
  "Hamkorbank",
  "Toshkent filiali",
  "Kassa xizmati",
  "Kredit maslahat",
  "Aziza Karimova",
  "Bobur Aliyev",
  "Zal tablosi",
  "Kirish kioski",
  "Administrator", // the company admin's name until they change it
  "Dilshod", // a customer
  "Oʻzbekcha",
  "English",
] as const;
