import { useTranslation } from "react-i18next";
import { cn } from "../../../lib/cn";
import { useLocalized } from "../../../lib/localized";
import type { KioskService, WaitRange } from "../api/kiosk.api";

/**
 * "Wait: 5–10 min", "No wait", or — while nobody serves the line — nothing on the service's
 * button (it says "no operator now") and "you will be called when an operator is back" on the
 * ticket: never "no wait" or "called soon" for a line nobody calls.
 */
export function useWaitText() {
  const { t } = useTranslation();
  return (wait: WaitRange, key: "kiosk.waitRange" | "kiosk.ticket.eta" = "kiosk.waitRange") => {
    if (wait.noOperators) return key === "kiosk.waitRange" ? "" : t("kiosk.ticket.etaNoOperators");
    if (wait.highMinutes <= 0)
      return key === "kiosk.waitRange" ? t("kiosk.waitNone") : t("kiosk.ticket.etaNone");
    return t(key, { low: wait.lowMinutes, high: Math.max(wait.highMinutes, wait.lowMinutes) });
  };
}

/** The services this kiosk offers as big buttons; closed ones greyed with the reason. */
export function KioskServices({
  services,
  disabled,
  onChoose,
}: {
  services: KioskService[];
  disabled: boolean;
  onChoose: (service: KioskService) => void;
}) {
  const { t } = useTranslation();
  const local = useLocalized();
  const waitText = useWaitText();
  // A badge only where each service's tickets have a series of their own: a branch numbering by
  // source prints K-… for every service, and a letter there would promise another number.
  // (Inline, not shared with the portal: the kiosk's first load is at its JavaScript budget.)
  const badges =
    services.length > 1 && new Set(services.map((s) => s.ticketSeries)).size === services.length;
  if (services.length === 0) {
    return (
      <p className="rounded-2xl bg-amber-50 px-8 py-6 text-2xl text-amber-950 ring-1 ring-amber-300">
        {t("kiosk.noServices")}
      </p>
    );
  }
  return (
    <ul className="grid gap-5 landscape:grid-cols-2" data-testid="kiosk-services">
      {services.map((s) => {
        const closed = !s.open;
        return (
          <li key={s.id}>
            <button
              type="button"
              disabled={closed || disabled}
              onClick={() => onChoose(s)}
              className={cn(
                "flex min-h-40 w-full items-center gap-8 rounded-3xl px-8 py-6 text-left shadow-sm ring-2 transition-colors",
                "focus-visible:outline-4 focus-visible:outline-offset-4 focus-visible:outline-indigo-600",
                closed
                  ? "cursor-not-allowed bg-zinc-200 text-zinc-700 ring-zinc-300"
                  : "bg-white text-zinc-950 ring-zinc-200 active:bg-indigo-50 active:ring-indigo-600 disabled:opacity-60",
              )}
            >
              {badges && (
                <span
                  aria-hidden="true"
                  className={cn(
                    "flex size-24 shrink-0 items-center justify-center rounded-2xl font-mono text-5xl font-bold",
                    closed ? "bg-zinc-400 text-white" : "bg-indigo-600 text-white",
                  )}
                >
                  {s.ticketSeries}
                </span>
              )}
              <span className="min-w-0 flex-1">
                <span className="block text-4xl leading-tight font-bold">{local(s.name)}</span>
                {closed ? (
                  <span className="mt-3 block text-3xl font-semibold text-zinc-800">
                    {s.closedReason ? t(`kiosk.closed.${s.closedReason}`) : null}
                  </span>
                ) : (
                  <span className="mt-3 flex flex-wrap gap-x-8 gap-y-1 text-2xl text-zinc-700">
                    <span>{t("kiosk.waiting", { count: s.waiting })}</span>
                    <span>
                      {s.operatorsServing > 0
                        ? t("kiosk.operators", { count: s.operatorsServing })
                        : t("kiosk.noOperators")}
                    </span>
                    {!s.wait.noOperators && (
                      <span className="font-semibold text-zinc-900">{waitText(s.wait)}</span>
                    )}
                  </span>
                )}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
