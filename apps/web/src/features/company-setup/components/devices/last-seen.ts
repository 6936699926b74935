import { useTranslation } from "react-i18next";

/** "just now", "2 min ago", "3 h ago", or "5 days ago". */
export function useAgo(now: number): (iso: string | null) => string {
  const { t } = useTranslation();
  return (iso) => {
    if (!iso) return t("setup.devices.never");
    const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
    if (seconds < 60) return t("setup.devices.justNow");
    if (seconds < 3600) return t("setup.devices.minutesAgo", { count: Math.floor(seconds / 60) });
    if (seconds < 86_400) return t("setup.devices.hoursAgo", { count: Math.floor(seconds / 3600) });
    return t("setup.devices.daysAgo", { count: Math.floor(seconds / 86_400) });
  };
}
