import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { ru } from "./ru";
import { uz, type Messages } from "./uz";

type DeepPartial<T> = { [K in keyof T]?: T[K] extends string ? string : DeepPartial<T[K]> };

/** Texts of one area in every language; a face adds the bundles it shows (see `bundles/`). */
export type MessageBundle = Record<"uz" | "ru" | "en", DeepPartial<Messages>>;

export const LANGUAGES = ["uz", "ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = "eq.lang";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
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
  void i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : "uz";
}

/** BCP 47 tag for Intl formatting. */
export function localeOf(lang: Language): string {
  return lang === "uz" ? "uz-Latn-UZ" : lang === "ru" ? "ru-RU" : "en-GB";
}

// The shared texts every face shows; the rest arrive through `addMessages`.
const resources: Record<Language, { translation: DeepPartial<Messages> }> = {
  uz: { translation: uz },
  ru: { translation: ru },
  en: { translation: en },
};

i18n.on("languageChanged", (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage() ?? "uz",
  fallbackLng: "uz",
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = currentLanguage();

/** Adds one area's texts (merged into the shared ones); call before the face renders. */
export function addMessages(bundle: MessageBundle): void {
  for (const lang of LANGUAGES)
    i18n.addResourceBundle(lang, "translation", bundle[lang], true, true);
}

export { i18n };
