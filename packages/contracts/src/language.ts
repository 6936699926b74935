/**
 * The languages of stored texts (tickets' messages, company-entered names, company defaults):
 * Uzbek (Latin) first and default, Russian, English.
 */
export const LANGUAGES = ["uz", "ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The languages a screen can show: the stored ones plus Uzbek in Cyrillic, whose texts are made
 * from the Uzbek (Latin) ones. Kiosks and boards list them in their settings.
 */
export const SCREEN_LANGUAGES = ["uz", "uz-Cyrl", "ru", "en"] as const;
export type ScreenLanguage = (typeof SCREEN_LANGUAGES)[number];

/** The stored language behind a screen language: a uz-Cyrl screen reads and writes Uzbek. */
export function textLanguageOf(lang: ScreenLanguage): Language {
  return lang === "uz-Cyrl" ? "uz" : lang;
}

/** Text a company wrote in several languages; Uzbek is required. */
export type I18nText = { uz: string; ru?: string | undefined; en?: string | undefined };
