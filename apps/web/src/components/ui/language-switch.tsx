import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, currentLanguage, isLanguage, setLanguage } from "../../lib/i18n";
import { cn } from "../../lib/cn";

/**
 * Language picker; the choice is remembered in localStorage. `touch`: for customers' phones —
 * a finger-sized control (44 px) showing the short codes (UZ, ЎЗ, RU, EN), so the company's name
 * beside it in a 390 px header is not cut off.
 */
/** Each language's short code, in its own script: Uzbek Cyrillic is ЎЗ, not "UZ-CYRL". */
const SHORT: Record<(typeof LANGUAGES)[number], string> = {
  uz: "UZ",
  "uz-Cyrl": "ЎЗ",
  ru: "RU",
  en: "EN",
};

export function LanguageSwitch({ className, touch }: { className?: string; touch?: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const value = isLanguage(i18n.language) ? i18n.language : currentLanguage();
  return (
    <div className={cn("flex items-center", className)}>
      <label htmlFor={id} className="sr-only">
        {t("common.language")}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
        className={cn(
          "rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-700 focus:outline-2 focus:outline-indigo-600",
          touch ? "h-11 min-w-14 font-medium" : "h-8",
        )}
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang} aria-label={t(`languages.${lang}`)}>
            {touch ? SHORT[lang] : t(`languages.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
