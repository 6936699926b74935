import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { Weekday } from "../api/types";

/** "21.03.2026, Shanba" for a calendar day ("2026-03-21"), whatever the browser's time zone. */
export function useFormatDay(): (isoDay: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (isoDay: string) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay);
      if (!m) return isoDay;
      const weekday = String(
        ((new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).getUTCDay() + 6) % 7) + 1,
      );
      return `${m[3]}.${m[2]}.${m[1]}, ${t(`setup.hours.days.${weekday as Weekday}`)}`;
    },
    [t],
  );
}
