import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { EmptyState } from "../../../components/ui/empty-state";
import { PageSpinner } from "../../../components/ui/spinner";
import { CompanyActions } from "../../../features/companies/components/company-actions";
import { CompanyDetails } from "../../../features/companies/components/company-details";
import { CompanySummary } from "../../../features/companies/components/company-summary";
import { ProvisioningSteps } from "../../../features/companies/components/provisioning-steps";
import { useCompany } from "../../../features/companies/hooks/use-companies";
import { isApiError } from "../../../lib/api/api-error";
import { useErrorMessage } from "../../../lib/errors";

export function CompanyPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const query = useCompany(id);

  const back = (
    <Link
      to="/admin/companies"
      className="mb-3 inline-block text-sm text-zinc-500 hover:text-zinc-800"
    >
      ← {t("company.backToList")}
    </Link>
  );

  if (query.isPending) return <PageSpinner />;
  if (query.isError) {
    return (
      <>
        {back}
        {isApiError(query.error) && query.error.status === 404 ? (
          <EmptyState title={t("company.notFound")} />
        ) : (
          <Alert tone="error">{errorMessage(query.error)}</Alert>
        )}
      </>
    );
  }

  const company = query.data;
  const adminUrl = company.urls.admin;
  const loginUrl = company.urls.login;

  return (
    <>
      {back}
      <div className="mb-6 flex flex-col gap-4">
        <CompanySummary company={company} adminUrl={adminUrl} loginUrl={loginUrl} />
        <CompanyActions
          company={company}
          editHref={`/admin/companies/${company.id}/edit`}
          onPurged={() => navigate("/admin/companies", { replace: true })}
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <CompanyDetails company={company} />
        <ProvisioningSteps steps={company.provisioning.steps} />
      </div>
    </>
  );
}
