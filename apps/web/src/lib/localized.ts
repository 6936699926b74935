import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { isLanguage, textLanguageOf, type Language, type TextLanguage } from "./i18n";

/** A name the company wrote in several languages: `{ uz, ru, en }`, any of them optional. */
export type LocalizedText =
  Partial<Record<TextLanguage, string | null>> | string | null | undefined;

/**
 * The text in `lang`, else Uzbek, else any language given. A uz-Cyrl screen shows the Uzbek
 * text as the company entered it (names are not transliterated).
 */
export function pickText(text: LocalizedText, lang: Language): string {
  if (!text) return "";
  if (typeof text === "string") return text;
  return text[textLanguageOf(lang)] || text.uz || text.ru || text.en || "";
}

/** `pickText` bound to the current UI language. */
export function useLocalized(): (text: LocalizedText) => string {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : "uz";
  return useCallback((text: LocalizedText) => pickText(text, lang), [lang]);
}
