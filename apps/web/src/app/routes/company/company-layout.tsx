import { useEffect } from "react";
import { Outlet, useOutletContext, useParams } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { PageSpinner } from "../../../components/ui/spinner";
import type { CompanyInfo } from "../../../features/company-auth/api/company-auth.api";
import { CompanyUnavailable } from "../../../features/company-auth/components/company-unavailable";
import { useCompanyInfo } from "../../../features/company-auth/hooks/use-company-info";
import { isApiError } from "../../../lib/api/api-error";
import { companyBase, getHostCompany } from "../../../lib/company-host";
import { useErrorMessage } from "../../../lib/errors";
import { hasChosenLanguage, isLanguage, setLanguage } from "../../../lib/i18n";

export type CompanyContext = { slug: string; info: CompanyInfo; base: string };

/** Resolves the company from the path (`/c/:slug`) or the host, and loads its branding. */
export function CompanyLayout() {
  const params = useParams();
  const slug = params.slug ?? getHostCompany() ?? "";
  const info = useCompanyInfo(slug);
  const errorMessage = useErrorMessage();

  useEffect(() => {
    const lang = info.data?.defaultLanguage;
    // The company's language is only a default: a visitor's own choice wins.
    if (isLanguage(lang) && !hasChosenLanguage()) setLanguage(lang, false);
  }, [info.data?.defaultLanguage]);

  if (info.isPending) return <PageSpinner />;
  if (info.isError) {
    const error = info.error;
    if (isApiError(error) && error.code === "COMPANY_SUSPENDED")
      return <CompanyUnavailable reason="suspended" />;
    if (isApiError(error) && error.status === 404) return <CompanyUnavailable reason="not-found" />;
    return (
      <div className="mx-auto max-w-md p-8">
        <Alert tone="error">{errorMessage(error)}</Alert>
      </div>
    );
  }
  const context: CompanyContext = { slug, info: info.data, base: companyBase(slug) };
  return <Outlet context={context} />;
}

export function useCompanyContext(): CompanyContext {
  return useOutletContext<CompanyContext>();
}
