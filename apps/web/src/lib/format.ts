import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { formatNumeric } from "./format-numeric";
import { zoneName } from "./zone-name";
import { isLanguage, localeOf } from "./i18n";

/** Date-time formatter in the current language; `—` for empty values. */
export function useFormatDate(): (
  value: string | null | undefined,
  withTime?: boolean,
  /** An IANA zone to show the time in (a branch's), else the device's own. */
  timeZone?: string | null,
) => string {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : "uz";
  return useCallback(
    (value, withTime = true, timeZone) => {
      if (!value) return "—";
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) return value;
      // Browsers ship thin Uzbek calendar data ("2026 M11 24"): use the numeric form people write.
      if (lang === "uz") return formatNumeric(date, withTime, timeZone ?? undefined);
      return new Intl.DateTimeFormat(localeOf(lang), {
        year: "numeric",
        month: "short",
        day: "numeric",
        ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
        ...(timeZone ? { timeZone } : {}),
      }).format(date);
    },
    [lang],
  );
}

/** Milliseconds as a short human duration: "120 ms", "1.4 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `zoneName` in the current language. */
export function useZoneName(): (timeZone: string) => string {
  const { i18n } = useTranslation();
  const locale = localeOf(isLanguage(i18n.language) ? i18n.language : "uz");
  return useCallback((timeZone: string) => zoneName(timeZone, locale), [locale]);
}
