import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { uz, type Messages } from "./uz";

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };
type Texts = DeepPartial<Messages>;

/**
 * Texts of one area: Uzbek (the default and the fallback) in the bundle itself, the other
 * languages loaded when a visitor chooses them — a phone downloads one language, not three.
 * A face adds the bundles it shows (see `bundles/`).
 */
export type MessageBundle = {
  uz: Texts;
  ru: () => Promise<Texts>;
  en: () => Promise<Texts>;
};

import {
  LANGUAGES as TEXT_LANGUAGES,
  SCREEN_LANGUAGES as LANGUAGES,
  textLanguageOf,
  type ScreenLanguage as Language,
  type Language as TextLanguage,
} from "@equeue/contracts";

/**
 * The languages a screen offers (uz, uz-Cyrl, ru, en). What is sent to the server or picked
 * from company-entered texts is the `TextLanguage` behind it (`textLanguage()`): uz-Cyrl is uz.
 */
export { LANGUAGES, TEXT_LANGUAGES, textLanguageOf, type Language, type TextLanguage };

const STORAGE_KEY = "eq.lang";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** A language of stored texts (a company's default, its names in several languages). */
export function isTextLanguage(value: unknown): value is TextLanguage {
  return typeof value === "string" && (TEXT_LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/** True when the visitor picked a language themselves (a company default must not override it). */
export function hasChosenLanguage(): boolean {
  return storedLanguage() !== null;
}

export function setLanguage(lang: Language, persist = true): void {
  if (persist) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }
  void loadLanguage(lang).then(() => i18n.changeLanguage(lang));
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : "uz";
}

/** The stored language of the screen's one: for the server and company-entered names. */
export function textLanguage(): TextLanguage {
  return textLanguageOf(currentLanguage());
}

const LOCALES: Record<Language, string> = {
  uz: "uz-Latn-UZ",
  "uz-Cyrl": "uz-Cyrl-UZ",
  ru: "ru-RU",
  en: "en-GB",
};

/** BCP 47 tag for Intl formatting. */
export function localeOf(lang: Language): string {
  return LOCALES[lang];
}

// The shared texts every face shows; the rest arrive through `addMessages`.
const base: MessageBundle = {
  uz,
  ru: () => import("./ru").then((m) => m.ru),
  en: () => import("./en").then((m) => m.en),
};
const bundles: MessageBundle[] = [base];
const loaded = new Map<Language, Promise<void>>([["uz", Promise.resolve()]]);

/** Fetches every registered bundle's texts in `lang` (once); Uzbek is always there. */
function loadLanguage(lang: Language): Promise<void> {
  let pending = loaded.get(lang);
  if (!pending) {
    pending = Promise.all(bundles.map((b) => addBundleLanguage(b, lang))).then(() => undefined);
    loaded.set(lang, pending);
    // A failed download (offline) may be tried again on the next choice.
    pending.catch(() => loaded.delete(lang));
  }
  return pending;
}

/**
 * Downloads `langs` ahead without switching to them (a kiosk prints a line in each of its
 * languages; a bilingual board shows headings in two). Resolves when they are in, or when a
 * download failed (offline: the texts fall back to Uzbek); never rejects.
 */
export function preloadLanguages(langs: readonly Language[]): Promise<void> {
  return Promise.all(langs.map((lang) => loadLanguage(lang).catch(() => undefined))).then(
    () => undefined,
  );
}

async function addBundleLanguage(bundle: MessageBundle, lang: Language): Promise<void> {
  // Uzbek Cyrillic is made from the Uzbek (Latin) texts, so it has every key they have. The
  // transliterator loads only when someone picks it: the kiosk and board budgets have no room.
  const texts =
    lang === "uz"
      ? bundle.uz
      : lang === "uz-Cyrl"
        ? (await import("./cyrillic")).uzCyrlOf(bundle.uz)
        : await bundle[lang]();
  i18n.addResourceBundle(lang, "translation", texts, true, true);
}

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng; // "uz-Cyrl" is a BCP 47 tag as it stands
});

const initialLanguage = storedLanguage() ?? "uz";
void i18n.use(initReactI18next).init({
  resources: { uz: { translation: uz } },
  lng: "uz",
  fallbackLng: "uz",
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = currentLanguage();

/** Adds one area's texts (merged into the shared ones); call before the face renders. */
export function addMessages(bundle: MessageBundle): void {
  bundles.push(bundle);
  i18n.addResourceBundle("uz", "translation", bundle.uz, true, true);
}

/**
 * Adds the texts of a page loaded later (a lazy route), in every language already loaded;
 * resolves when the visitor's language has them. Await it in the route's `lazy()`.
 */
export async function loadMessages(bundle: MessageBundle): Promise<void> {
  if (bundles.includes(bundle)) return;
  addMessages(bundle);
  const languages = [...loaded.keys()].filter((lang) => lang !== "uz");
  await Promise.all(languages.map((lang) => addBundleLanguage(bundle, lang))).catch(
    () => undefined, // offline: Uzbek, which is in the bundle, rather than no page
  );
}

/**
 * Resolves when the visitor's language is loaded and chosen; a face renders after it, so a
 * Russian-speaking visitor never sees a flash of Uzbek. Call after the face's `addMessages`.
 */
export function languageReady(): Promise<void> {
  if (initialLanguage === "uz") return Promise.resolve();
  return loadLanguage(initialLanguage)
    .then(() => i18n.changeLanguage(initialLanguage))
    .then(
      () => undefined,
      () => undefined, // offline: Uzbek, which is in the bundle, rather than a blank page
    );
}

export { i18n };
