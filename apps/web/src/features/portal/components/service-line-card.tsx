import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocalized } from "../../../lib/localized";
import type { ServiceLine } from "../api/portal.api";

/** One service of a branch: how many wait, who serves, how long, and the way in. */
export function ServiceLineCard({
  line,
  action,
  booking = null,
  badge = true,
}: {
  line: ServiceLine;
  /** The ticket series on the card (off where every ticket here starts the same). */
  badge?: boolean;
  action: ReactNode;
  /** "Book a time", where the service takes bookings online. */
  booking?: ReactNode;
}) {
  const { t } = useTranslation();
  const text = useLocalized();
  const description = text(line.description);
  return (
    <li
      className="rounded-xl border border-zinc-200 bg-white p-4 shadow-xs"
      data-testid={`service-line-${line.letter}`}
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="text-base font-semibold text-zinc-900">{text(line.name)}</h3>
          {description && <p className="mt-0.5 text-sm text-zinc-600">{description}</p>}
        </div>
        {badge && (
          <span
            aria-hidden="true"
            className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-indigo-50 font-bold text-indigo-700"
          >
            {line.ticketSeries}
          </span>
        )}
      </div>
      <dl className="mt-3 grid grid-cols-1 gap-1 text-sm text-zinc-700 sm:grid-cols-3">
        <div>
          <dt className="sr-only">{t("portal.waitingNow", { count: line.waiting })}</dt>
          <dd>{t("portal.waitingNow", { count: line.waiting })}</dd>
        </div>
        <div>
          <dt className="sr-only">{t("portal.operatorsNow", { count: line.operatorsServing })}</dt>
          <dd>
            {line.operatorsServing > 0
              ? t("portal.operatorsNow", { count: line.operatorsServing })
              : t("portal.noOperatorsNow")}
          </dd>
        </div>
        {/* No estimate while nobody serves the line: a range there would only be a guess. */}
        {!line.wait.noOperators && (
          <div>
            <dt className="sr-only">
              {t("portal.waitRange", { low: line.wait.lowMinutes, high: line.wait.highMinutes })}
            </dt>
            <dd className="font-medium text-zinc-900">
              {line.wait.highMinutes <= 1
                ? t("portal.waitNone")
                : t("portal.waitRange", { low: line.wait.lowMinutes, high: line.wait.highMinutes })}
            </dd>
          </div>
        )}
      </dl>
      <div className="mt-3">{action}</div>
      {booking && <div className="mt-2">{booking}</div>}
    </li>
  );
}
