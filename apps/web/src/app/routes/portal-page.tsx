import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { BrandMark } from "../../components/brand-mark";
import { Alert } from "../../components/ui/alert";
import { LanguageSwitch } from "../../components/ui/language-switch";
import { PageSpinner } from "../../components/ui/spinner";
import { CompanyDirectory } from "../../features/portal/components/company-directory";
import { usePublicCompanies } from "../../features/portal/hooks/use-public-companies";
import { useErrorMessage } from "../../lib/errors";

export function PortalPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const query = usePublicCompanies();
  return (
    <div className="min-h-dvh bg-zinc-50">
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex h-14 max-w-6xl items-center justify-between px-4 sm:px-6">
          <BrandMark size="sm" />
          <div className="flex items-center gap-3">
            <Link
              to="/admin"
              className="hidden text-sm text-zinc-500 hover:text-zinc-800 sm:inline"
            >
              {t("portal.adminLink")}
            </Link>
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <section className="border-b border-zinc-200 bg-gradient-to-b from-indigo-50 to-zinc-50">
        <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
          <h1 className="text-4xl font-bold tracking-tight text-zinc-900 sm:text-5xl">
            {t("portal.title")}
          </h1>
          <p className="mt-4 max-w-2xl text-lg text-zinc-600">{t("portal.tagline")}</p>
        </div>
      </section>
      <main className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
        <h2 className="mb-5 text-lg font-semibold text-zinc-900">{t("portal.companiesTitle")}</h2>
        {query.isPending ? (
          <PageSpinner />
        ) : query.isError ? (
          <Alert tone="error">{errorMessage(query.error)}</Alert>
        ) : (
          <CompanyDirectory companies={query.data.items} />
        )}
      </main>
    </div>
  );
}
