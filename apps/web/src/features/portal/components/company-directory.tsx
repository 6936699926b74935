import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/ui/empty-state";
import { Logo } from "../../../components/ui/logo";
import type { PublicCompany } from "../api/portal.api";

/** Cards of the companies that serve customers now. */
export function CompanyDirectory({ companies }: { companies: PublicCompany[] }) {
  const { t } = useTranslation();
  if (companies.length === 0) {
    return <EmptyState title={t("portal.empty")} hint={t("portal.emptyHint")} />;
  }
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {companies.map((company) => (
        <li
          key={company.slug}
          data-testid={`public-company-${company.slug}`}
          className="flex gap-4 rounded-xl border border-zinc-200 bg-white p-5 shadow-xs transition-shadow hover:shadow-md"
        >
          <Logo url={company.logoUrl} name={company.name} size="lg" />
          <div className="min-w-0">
            <h3 className="font-semibold text-zinc-900">{company.name}</h3>
            {company.description && (
              <p className="mt-1 line-clamp-3 text-sm text-zinc-600">{company.description}</p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
