import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Badge } from "../../../../components/ui/badge";
import { buttonClass } from "../../../../components/ui/button";
import { cn } from "../../../../lib/cn";
import type { ChecklistKey } from "@equeue/contracts";
import type { Overview } from "../../api/types";

/** Where each step is done, relative to `{base}/admin`. */
const LINKS: Record<ChecklistKey, string> = {
  branches: "/branches",
  services: "/services",
  operators: "/staff",
  hours: "/branches",
  counters: "/branches",
  devices: "/devices",
};

/** The set-up steps in order; the first one not done is marked as the next step. */
export function SetupChecklist({ overview, adminBase }: { overview: Overview; adminBase: string }) {
  const { t } = useTranslation();
  const items = overview.checklist;
  const done = items.filter((i) => i.done).length;
  const next = items.find((i) => !i.done && i.required) ?? items.find((i) => !i.done);

  return (
    <section
      aria-labelledby="checklist-title"
      className="rounded-lg border border-zinc-200 bg-white shadow-xs"
    >
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 px-5 py-4">
        <div>
          <h2 id="checklist-title" className="text-base font-semibold text-zinc-900">
            {t("setup.overview.checklistTitle")}
          </h2>
          <p className="text-sm text-zinc-500">
            {t("setup.overview.progress", { done, total: items.length })}
          </p>
        </div>
        <div
          className="h-2 w-48 overflow-hidden rounded-full bg-zinc-100"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={items.length}
          aria-valuenow={done}
          aria-label={t("setup.overview.checklistTitle")}
        >
          <div
            className="h-full rounded-full bg-indigo-600"
            style={{ width: `${(done / items.length) * 100}%` }}
          />
        </div>
      </div>
      <ol className="divide-y divide-zinc-100">
        {items.map((item, index) => {
          const isNext = item === next;
          return (
            <li
              key={item.key}
              data-testid={`checklist-${item.key}`}
              data-done={item.done}
              className={cn(
                "flex flex-wrap items-center gap-4 px-5 py-3.5",
                isNext && "bg-indigo-50/60",
              )}
            >
              <span
                aria-hidden="true"
                className={cn(
                  "flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-semibold",
                  item.done ? "bg-emerald-100 text-emerald-700" : "bg-zinc-100 text-zinc-600",
                  isNext && "bg-indigo-600 text-white",
                )}
              >
                {item.done ? "✓" : index + 1}
              </span>
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-center gap-2 font-medium text-zinc-900">
                  {t(`setup.overview.steps.${item.key}.title`)}
                  {item.done ? (
                    <Badge tone="green">{t("setup.overview.done")}</Badge>
                  ) : item.required ? (
                    <Badge tone="amber">{t("setup.overview.required")}</Badge>
                  ) : (
                    <Badge tone="gray">{t("setup.overview.recommended")}</Badge>
                  )}
                  {isNext && <Badge tone="indigo">{t("setup.overview.next")}</Badge>}
                </p>
                <p className="mt-0.5 text-sm text-zinc-500">
                  {t(`setup.overview.steps.${item.key}.${item.done ? "done" : "todo"}`)}
                </p>
              </div>
              {!item.done && (
                <Link
                  to={`${adminBase}${LINKS[item.key]}`}
                  className={buttonClass(isNext ? "primary" : "secondary", "sm")}
                >
                  {t(`setup.overview.steps.${item.key}.action`)} →
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
