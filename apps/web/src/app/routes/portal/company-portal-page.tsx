import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../../components/ui/empty-state";
import { PageSpinner } from "../../../components/ui/spinner";
import { OpenNowLine } from "../../../features/portal/components/branch-hours";
import { PortalLoadError } from "../../../features/portal/components/portal-load-error";
import { PortalShell } from "../../../features/portal/components/portal-shell";
import { useCompanyPage } from "../../../features/portal/hooks/use-portal";
import { companyBase } from "../../../lib/company-host";
import { useLocalized } from "../../../lib/localized";
import { useCompanyContext } from "../company/company-layout";

/** `/c/:slug`: a company's branches — where, open now, today's hours. */
export function CompanyPortalPage() {
  const { t } = useTranslation();
  const text = useLocalized();
  const { slug, info } = useCompanyContext();
  const base = companyBase(slug);
  const page = useCompanyPage(slug);
  const shell = { name: info.name, logoUrl: info.logoUrl, href: base || "/" };
  if (page.isPending) return <PageSpinner />;
  if (page.isError) return <PortalLoadError company={shell} error={page.error} />;
  const { company, branches } = page.data;
  return (
    <PortalShell company={shell}>
      <Link to="/" className="text-sm text-indigo-700 underline">
        ← {t("portal.backToDirectory")}
      </Link>
      <h1 className="mt-3 text-2xl font-bold text-zinc-900">{company.name}</h1>
      {company.description && <p className="mt-1 text-zinc-600">{text(company.description)}</p>}
      <h2 className="mt-6 mb-3 text-lg font-semibold text-zinc-900">{t("portal.branchesTitle")}</h2>
      {branches.length === 0 ? (
        <EmptyState title={t("portal.noBranches")} />
      ) : (
        <ul className="space-y-3">
          {branches.map((branch) => (
            <li key={branch.id}>
              <Link
                to={`${base}/b/${encodeURIComponent(branch.slug)}`}
                data-testid={`portal-branch-${branch.slug}`}
                className="block rounded-xl border border-zinc-200 bg-white p-4 shadow-xs transition-shadow hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
              >
                <h3 className="text-base font-semibold text-zinc-900">{text(branch.name)}</h3>
                {text(branch.address) && (
                  <p className="mt-0.5 text-sm text-zinc-600">{text(branch.address)}</p>
                )}
                <div className="mt-2">
                  <OpenNowLine branch={branch} />
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </PortalShell>
  );
}
