import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import { Alert } from "../../../../components/ui/alert";
import { PageHeader } from "../../../../components/ui/page-header";
import { PageSpinner } from "../../../../components/ui/spinner";
import { useToast } from "../../../../components/ui/toast";
import { ServiceForm } from "../../../../features/company-setup/components/services/service-form";
import { useBranches } from "../../../../features/company-setup/hooks/use-branches";
import { useServices } from "../../../../features/company-setup/hooks/use-services";
import { useErrorMessage } from "../../../../lib/errors";
import { useLocalized } from "../../../../lib/localized";
import { useSetupContext } from "./setup-context";

/** `services/new` and `services/:id`: the same form, empty or filled. */
export function ServiceFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { slug, adminBase, isAdmin } = useSetupContext();
  const navigate = useNavigate();
  const toast = useToast();
  const local = useLocalized();
  const errorMessage = useErrorMessage();
  const services = useServices(slug);
  const branches = useBranches(slug);

  if (services.isPending || branches.isPending) return <PageSpinner />;
  if (services.isError) return <Alert tone="error">{errorMessage(services.error)}</Alert>;
  const service = id ? services.data.find((s) => s.id === id) : undefined;
  if (id && !service) return <Alert tone="error">{t("errors.NOT_FOUND")}</Alert>;
  const back = `${adminBase}/services`;
  // Only a company admin creates services; a branch manager reads them.
  if (!service && !isAdmin) return <Navigate to={back} replace />;

  return (
    <>
      <Link to={back} className="text-sm text-zinc-600 hover:underline">
        ← {t("setup.nav.services")}
      </Link>
      <div className="mt-2">
        <PageHeader
          title={service ? local(service.name) : t("setup.services.newTitle")}
          subtitle={service ? undefined : t("setup.services.newSubtitle")}
        />
      </div>
      <ServiceForm
        key={service?.updatedAt ?? "new"}
        slug={slug}
        service={service}
        others={services.data}
        branches={branches.data ?? []}
        onSaved={({ cancelledBookings: count }) => {
          toast.show(
            count > 0
              ? t("setup.services.savedCancelled", { count })
              : t(service ? "setup.services.saved" : "setup.services.created"),
          );
          navigate(back);
        }}
        onCancel={() => navigate(back)}
        readOnly={!isAdmin}
      />
    </>
  );
}
