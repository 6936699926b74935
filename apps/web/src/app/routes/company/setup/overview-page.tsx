import { useTranslation } from "react-i18next";
import { Navigate } from "react-router";
import { Alert } from "../../../../components/ui/alert";
import { PageHeader } from "../../../../components/ui/page-header";
import { PageSpinner } from "../../../../components/ui/spinner";
import { ActivationCard } from "../../../../features/company-setup/components/overview/activation-card";
import { SetupChecklist } from "../../../../features/company-setup/components/overview/setup-checklist";
import { useOverview } from "../../../../features/company-setup/hooks/use-overview";
import { useErrorMessage } from "../../../../lib/errors";
import { useSetupContext } from "./setup-context";

export function OverviewPage() {
  const { isAdmin, adminBase } = useSetupContext();
  if (!isAdmin) return <Navigate to={`${adminBase}/branches`} replace />;
  return <Overview />;
}

function Overview() {
  const { t } = useTranslation();
  const { slug, info, adminBase } = useSetupContext();
  const overview = useOverview(slug);
  const errorMessage = useErrorMessage();

  if (overview.isPending) return <PageSpinner />;
  if (overview.isError) return <Alert tone="error">{errorMessage(overview.error)}</Alert>;
  const o = overview.data;
  const stats = [
    ["branches", o.counts.openBranches],
    ["services", o.counts.activeServices],
    ["counters", o.counts.counters],
    ["operators", o.counts.operators],
    ["devices", o.counts.pairedDevices],
  ] as const;

  return (
    <div className="space-y-6" data-testid="company-dashboard">
      <PageHeader
        title={t("setup.overview.title", { name: info.name })}
        subtitle={t("setup.overview.subtitle")}
      />
      <ActivationCard slug={slug} overview={o} />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-5">
        {stats.map(([key, value]) => (
          <div key={key} className="rounded-lg border border-zinc-200 bg-white px-4 py-3 shadow-xs">
            <dt className="text-xs font-medium text-zinc-500">
              {t(`setup.overview.counts.${key}`)}
            </dt>
            <dd
              className="mt-1 text-2xl font-semibold text-zinc-900 tabular-nums"
              data-testid={`count-${key}`}
            >
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <SetupChecklist overview={o} adminBase={adminBase} />
    </div>
  );
}
