import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { Input } from "../../../components/ui/input";
import { PageSpinner } from "../../../components/ui/spinner";
import { CompanyDirectory } from "../../../features/portal/components/company-directory";
import { PortalShell } from "../../../features/portal/components/portal-shell";
import { usePublicCompanies } from "../../../features/portal/hooks/use-portal";
import { useErrorMessage } from "../../../lib/errors";
import { useDebouncedValue } from "../../../lib/use-debounced-value";

/** `/`: the public directory — find the company, then its branch and service. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [search, setSearch] = useState("");
  const debounced = useDebouncedValue(search.trim(), 300);
  const query = usePublicCompanies(debounced);
  return (
    <PortalShell>
      <section className="mb-5">
        <h1 className="text-2xl font-bold tracking-tight text-zinc-900 sm:text-3xl">
          {t("portal.title")}
        </h1>
        <p className="mt-2 text-zinc-600">{t("portal.tagline")}</p>
        <Link
          to="/scan"
          className="mt-3 inline-flex min-h-11 items-center gap-2 rounded-lg border border-zinc-300 bg-white px-3 text-sm font-medium text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          data-testid="scan-link"
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" className="size-5" fill="currentColor">
            <path d="M3 3h7v7H3V3zm2 2v3h3V5H5zm9-2h7v7h-7V3zm2 2v3h3V5h-3zM3 14h7v7H3v-7zm2 2v3h3v-3H5zm9-2h2v2h-2v-2zm2 2h2v2h-2v-2zm2-2h3v2h-3v-2zm-4 4h2v3h-2v-3zm4 0h3v3h-3v-3z" />
          </svg>
          {t("portal.scan.linkLabel")}
        </Link>
      </section>
      <div className="mb-4">
        <label htmlFor="portal-search" className="sr-only">
          {t("portal.searchLabel")}
        </label>
        <Input
          id="portal-search"
          type="search"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t("portal.searchPlaceholder")}
          className="h-12 text-base"
          maxLength={100}
        />
      </div>
      <h2 className="mb-3 text-lg font-semibold text-zinc-900">{t("portal.companiesTitle")}</h2>
      {query.isPending ? (
        <PageSpinner />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      ) : (
        <CompanyDirectory companies={query.data.items} search={debounced} />
      )}
      <p className="mt-10 text-center text-sm">
        <Link to="/admin" className="text-zinc-600 underline hover:text-zinc-900">
          {t("portal.adminLink")}
        </Link>
      </p>
    </PortalShell>
  );
}
