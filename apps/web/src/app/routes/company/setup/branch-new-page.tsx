import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate } from "react-router";
import { PageHeader } from "../../../../components/ui/page-header";
import { useToast } from "../../../../components/ui/toast";
import { BranchForm } from "../../../../features/company-setup/components/branches/branch-form";
import { useSetupContext } from "./setup-context";

export function BranchNewPage() {
  const { t } = useTranslation();
  const { slug, adminBase, isAdmin } = useSetupContext();
  const navigate = useNavigate();
  const toast = useToast();
  if (!isAdmin) return <Navigate to={`${adminBase}/branches`} replace />;
  return (
    <>
      <Link to={`${adminBase}/branches`} className="text-sm text-zinc-600 hover:underline">
        ← {t("setup.nav.branches")}
      </Link>
      <div className="mt-2">
        <PageHeader
          title={t("setup.branches.newTitle")}
          subtitle={t("setup.branches.newSubtitle")}
        />
      </div>
      <BranchForm
        slug={slug}
        onSaved={(branch, copied) => {
          toast.show(t(copied ? "setup.branches.createdCopy" : "setup.branches.created"));
          navigate(`${adminBase}/branches/${branch.id}?tab=${copied ? "services" : "counters"}`);
        }}
        onCancel={() => navigate(`${adminBase}/branches`)}
      />
    </>
  );
}
