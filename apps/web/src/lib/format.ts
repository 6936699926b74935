import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { isLanguage, localeOf } from "./i18n";

/** Date-time formatter in the current language; `—` for empty values. */
export function useFormatDate(): (value: string | null | undefined, withTime?: boolean) => string {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : "uz";
  return useCallback(
    (value, withTime = true) => {
      if (!value) return "—";
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) return value;
      // Browsers ship thin Uzbek calendar data ("2026 M11 24"): use the numeric form people write.
      if (lang === "uz") return formatNumeric(date, withTime);
      return new Intl.DateTimeFormat(localeOf(lang), {
        year: "numeric",
        month: "short",
        day: "numeric",
        ...(withTime ? { hour: "2-digit", minute: "2-digit" } : {}),
      }).format(date);
    },
    [lang],
  );
}

const pad = (n: number) => String(n).padStart(2, "0");

/** 24.11.2026, 09:05 — the everyday numeric form in Uzbekistan. */
function formatNumeric(date: Date, withTime: boolean): string {
  const day = `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
  return withTime ? `${day}, ${pad(date.getHours())}:${pad(date.getMinutes())}` : day;
}

/** Milliseconds as a short human duration: "120 ms", "1.4 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
