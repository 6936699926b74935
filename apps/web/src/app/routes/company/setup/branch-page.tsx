import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { Alert } from "../../../../components/ui/alert";
import { Badge } from "../../../../components/ui/badge";
import { Button } from "../../../../components/ui/button";
import { ConfirmDialog } from "../../../../components/ui/confirm-dialog";
import { PageHeader } from "../../../../components/ui/page-header";
import { PageSpinner } from "../../../../components/ui/spinner";
import { useToast } from "../../../../components/ui/toast";
import type { Branch } from "../../../../features/company-setup/api/types";
import { BranchCounters } from "../../../../features/company-setup/components/branches/branch-counters";
import { BranchExceptions } from "../../../../features/company-setup/components/branches/branch-exceptions";
import { BranchForm } from "../../../../features/company-setup/components/branches/branch-form";
import { BranchHoursPanel } from "../../../../features/company-setup/components/branches/branch-hours-panel";
import { BranchServices } from "../../../../features/company-setup/components/branches/branch-services";
import { Tabs } from "../../../../features/company-setup/components/tabs";
import { useBranch, useSetBranchOpen } from "../../../../features/company-setup/hooks/use-branches";
import { useCounters } from "../../../../features/company-setup/hooks/use-counters";
import { useErrorMessage } from "../../../../lib/errors";
import { useLocalized } from "../../../../lib/localized";
import { useSetupContext } from "./setup-context";

const TABS = ["details", "hours", "counters", "services"] as const;
type TabKey = (typeof TABS)[number];
const isTab = (v: string | null): v is TabKey => TABS.some((k) => k === v);

export function BranchPage() {
  const { id = "" } = useParams();
  const { slug } = useSetupContext();
  const branch = useBranch(slug, id);
  const errorMessage = useErrorMessage();
  if (branch.isPending) return <PageSpinner />;
  if (branch.isError) return <Alert tone="error">{errorMessage(branch.error)}</Alert>;
  return <BranchView branch={branch.data} />;
}

function BranchView({ branch }: { branch: Branch }) {
  const { t } = useTranslation();
  const { slug, adminBase, isAdmin } = useSetupContext();
  const local = useLocalized();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const [params, setParams] = useSearchParams();
  const tab = isTab(params.get("tab")) ? (params.get("tab") as TabKey) : "details";
  const counters = useCounters(slug, branch.id);
  const setOpen = useSetBranchOpen(slug, branch.id);
  const [confirming, setConfirming] = useState(false);
  const name = local(branch.name);
  const closing = branch.status === "OPEN";

  return (
    <>
      <Link to={`${adminBase}/branches`} className="text-sm text-zinc-600 hover:underline">
        ← {t("setup.nav.branches")}
      </Link>
      <div className="mt-2">
        <PageHeader
          title={
            <span className="flex flex-wrap items-center gap-3">
              {name}
              <Badge
                tone={branch.status === "OPEN" ? "green" : "gray"}
                dot
                data-testid="branch-status"
              >
                {t(`setup.branches.${branch.status}`)}
              </Badge>
            </span>
          }
          subtitle={`${branch.code} · /${branch.slug} · ${branch.timeZone}`}
          actions={
            isAdmin && (
              <Button
                variant={closing ? "dangerGhost" : "secondary"}
                onClick={() => setConfirming(true)}
              >
                {closing ? t("setup.branches.close") : t("setup.branches.reopen")}
              </Button>
            )
          }
        />
      </div>
      {!closing && (
        <Alert tone="warning" className="mb-4">
          {t("setup.branches.closedBanner")}
        </Alert>
      )}
      <Tabs
        label={name}
        tabs={TABS.map((key) => ({
          key,
          label: t(`setup.branches.tabs.${key}`),
          count: key === "counters" ? counters.data?.filter((c) => c.active).length : undefined,
        }))}
        selected={tab}
        onSelect={(key) => setParams({ tab: key }, { replace: true })}
      />
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="space-y-6">
        {tab === "details" && (
          <BranchForm
            key={branch.updatedAt}
            slug={slug}
            branch={branch}
            readOnly={!isAdmin}
            onSaved={(_, __, cancelled = 0) =>
              toast.show(
                cancelled > 0
                  ? t("setup.branches.savedCancelled", { count: cancelled })
                  : t("setup.branches.saved"),
              )
            }
          />
        )}
        {tab === "hours" && (
          <>
            <BranchHoursPanel slug={slug} branch={branch} />
            <BranchExceptions slug={slug} branchId={branch.id} />
          </>
        )}
        {tab === "counters" && <BranchCounters slug={slug} branchId={branch.id} />}
        {tab === "services" && (
          <BranchServices
            slug={slug}
            branchId={branch.id}
            servicesPath={`${adminBase}/services/new`}
          />
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t(closing ? "setup.branches.closeTitle" : "setup.branches.reopenTitle", { name })}
        description={t(closing ? "setup.branches.closeText" : "setup.branches.reopenText")}
        confirmLabel={closing ? t("setup.branches.close") : t("setup.branches.reopen")}
        tone={closing ? "danger" : "primary"}
        pending={setOpen.isPending}
        error={setOpen.error ? errorMessage(setOpen.error) : null}
        onClose={() => {
          setConfirming(false);
          setOpen.reset();
        }}
        onConfirm={() =>
          setOpen.mutate(!closing, {
            onSuccess: () => {
              setConfirming(false);
              toast.show(
                t(closing ? "setup.branches.closedToast" : "setup.branches.reopenedToast"),
              );
            },
          })
        }
      />
    </>
  );
}
