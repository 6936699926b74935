import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, currentLanguage, isLanguage, setLanguage } from "../../lib/i18n";
import { cn } from "../../lib/cn";

/** Language picker; the choice is remembered in localStorage. */
export function LanguageSwitch({ className }: { className?: string }) {
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
        className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm text-zinc-700 focus:outline-2 focus:outline-indigo-600"
      >
        {LANGUAGES.map((lang) => (
          <option key={lang} value={lang}>
            {t(`languages.${lang}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
