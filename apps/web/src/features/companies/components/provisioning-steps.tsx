import { useTranslation } from "react-i18next";
import { Card, CardHeader } from "../../../components/ui/card";
import { cn } from "../../../lib/cn";
import { formatDuration } from "../../../lib/format";
import { uzStaff } from "../../../lib/i18n/staff/uz";
import type { ProvisioningStep } from "../api/companies.api";

type StepKey = keyof typeof uzStaff.provisioning.steps;

function isStepKey(key: string): key is StepKey {
  return Object.hasOwn(uzStaff.provisioning.steps, key);
}

const marks: Record<ProvisioningStep["status"], { icon: string; className: string }> = {
  done: { icon: "✓", className: "bg-emerald-100 text-emerald-700" },
  failed: { icon: "✕", className: "bg-red-100 text-red-700" },
  skipped: { icon: "–", className: "bg-zinc-100 text-zinc-500" },
};

/** The automatic set-up checklist recorded when the company was created. */
export function ProvisioningSteps({ steps }: { steps: ProvisioningStep[] }) {
  const { t } = useTranslation();
  const total = steps.reduce((sum, step) => sum + (step.ms ?? 0), 0);
  return (
    <Card>
      <CardHeader
        title={t("provisioning.title")}
        actions={
          total > 0 ? (
            <span className="text-xs text-zinc-500 tabular-nums">{formatDuration(total)}</span>
          ) : null
        }
      />
      {steps.length === 0 ? (
        <p className="px-5 py-4 text-sm text-zinc-500">{t("provisioning.empty")}</p>
      ) : (
        <ol className="divide-y divide-zinc-100">
          {steps.map((step) => {
            const mark = marks[step.status] ?? marks.skipped;
            const label = isStepKey(step.key) ? t(`provisioning.steps.${step.key}`) : step.key;
            return (
              <li
                key={step.key}
                data-testid={`provisioning-step-${step.key}`}
                data-status={step.status}
                className="flex items-start gap-3 px-5 py-3"
              >
                <span
                  aria-hidden="true"
                  className={cn(
                    "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold",
                    mark.className,
                  )}
                >
                  {mark.icon}
                </span>
                <div className="min-w-0 flex-1">
                  <p className="text-sm text-zinc-800">
                    {label}
                    <span className="sr-only"> — {t(`provisioning.${step.status}`)}</span>
                  </p>
                  {step.error && (
                    <p className="mt-0.5 text-xs break-words text-red-700">{step.error}</p>
                  )}
                </div>
                {typeof step.ms === "number" && (
                  <span className="shrink-0 text-xs text-zinc-500 tabular-nums">
                    {formatDuration(step.ms)}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
