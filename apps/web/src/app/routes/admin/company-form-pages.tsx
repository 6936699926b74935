import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { PageHeader } from "../../../components/ui/page-header";
import { PageSpinner } from "../../../components/ui/spinner";
import { useToast } from "../../../components/ui/toast";
import { CompanyForm } from "../../../features/companies/components/company-form";
import { useCompany } from "../../../features/companies/hooks/use-companies";
import { useErrorMessage } from "../../../lib/errors";

const adminUrlOf = (slug: string) => `${window.location.origin}/c/${slug}/admin`;

function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Link to={to} className="mb-3 inline-block text-sm text-zinc-500 hover:text-zinc-800">
      ← {label}
    </Link>
  );
}

export function CompanyNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <div className="mx-auto max-w-3xl">
      <BackLink to="/admin/companies" label={t("company.backToList")} />
      <PageHeader title={t("form.createTitle")} subtitle={t("form.createSubtitle")} />
      <CompanyForm
        adminUrlOf={adminUrlOf}
        onSaved={(company) => {
          toast.show(t("form.created"));
          navigate(`/admin/companies/${company.id}`);
        }}
        onCancel={() => navigate("/admin/companies")}
      />
    </div>
  );
}

export function CompanyEditPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const errorMessage = useErrorMessage();
  const query = useCompany(id);
  const back = `/admin/companies/${id}`;

  return (
    <div className="mx-auto max-w-3xl">
      <BackLink to={back} label={query.data?.name ?? t("common.back")} />
      <PageHeader title={t("form.editTitle")} />
      {query.isPending ? (
        <PageSpinner />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      ) : (
        <CompanyForm
          key={query.data.id}
          company={query.data}
          adminUrlOf={adminUrlOf}
          onSaved={() => {
            toast.show(t("form.saved"));
            navigate(back);
          }}
          onCancel={() => navigate(back)}
        />
      )}
    </div>
  );
}
