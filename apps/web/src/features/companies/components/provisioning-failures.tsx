import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { Card, CardHeader } from "../../../components/ui/card";
import { useToast } from "../../../components/ui/toast";
import { useErrorMessage } from "../../../lib/errors";
import { useFormatDate } from "../../../lib/format";
import type { Company } from "../api/companies.api";
import { useProvisioningFailures, useRetryProvisioning } from "../hooks/use-companies";

/** Create attempts that failed part-way (nothing was kept); each can be retried. */
export function ProvisioningFailures({ onRetried }: { onRetried: (company: Company) => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const failures = useProvisioningFailures();
  const retry = useRetryProvisioning();
  const items = failures.data?.items ?? [];
  if (items.length === 0) return null;

  return (
    <Card className="mb-4 border-red-200" data-testid="provisioning-failures">
      <CardHeader title={t("provisioning.failuresTitle")} />
      <p className="px-5 pt-3 text-sm text-zinc-600">{t("provisioning.failuresHint")}</p>
      <ul className="divide-y divide-zinc-100">
        {items.map((failure) => (
          <li key={failure.id} className="flex flex-wrap items-center gap-3 px-5 py-3 text-sm">
            <div className="min-w-0 flex-1">
              <p className="font-mono font-medium text-zinc-900">{failure.slug}</p>
              <p className="text-xs text-zinc-500">
                {t("provisioning.failedStep")}:{" "}
                <span className="font-mono">{failure.failedStep}</span>
                {" · "}
                {t("provisioning.attempts", { count: failure.attempts })}
                {" · "}
                {formatDate(failure.createdAt)}
              </p>
              <p className="mt-0.5 text-xs break-words text-red-700">{failure.error}</p>
            </div>
            <Button
              size="sm"
              variant="secondary"
              loading={retry.isPending && retry.variables === failure.id}
              onClick={() =>
                retry.mutate(failure.id, {
                  onSuccess: (company) => {
                    toast.show(t("form.created"));
                    onRetried(company);
                  },
                  onError: (error) => toast.show(errorMessage(error), "error"),
                })
              }
            >
              {t("common.retry")}
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
