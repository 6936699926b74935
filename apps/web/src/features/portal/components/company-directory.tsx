import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../../components/ui/empty-state";
import { Logo } from "../../../components/ui/logo";
import { useLocalized } from "../../../lib/localized";
import type { PublicCompany } from "../api/portal.api";

/** Cards of the companies that serve customers now; each opens the company's branches. */
export function CompanyDirectory({
  companies,
  search,
}: {
  companies: PublicCompany[];
  search: string;
}) {
  const { t } = useTranslation();
  const text = useLocalized();
  if (companies.length === 0) {
    return search ? (
      <EmptyState title={t("portal.noMatch", { search })} />
    ) : (
      <EmptyState title={t("portal.empty")} hint={t("portal.emptyHint")} />
    );
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {companies.map((company) => (
        <li key={company.slug} data-testid={`public-company-${company.slug}`}>
          <Link
            to={`/c/${encodeURIComponent(company.slug)}`}
            className="flex h-full gap-4 rounded-xl border border-zinc-200 bg-white p-4 shadow-xs transition-shadow hover:shadow-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            <Logo url={company.logoUrl} name={company.name} size="lg" />
            <div className="min-w-0">
              <h3 className="font-semibold text-zinc-900">{company.name}</h3>
              {company.rating && (
                <p
                  className="mt-0.5 text-sm text-zinc-700"
                  data-testid="company-rating"
                  aria-label={t("portal.ratingLabel", {
                    average: company.rating.average,
                    count: company.rating.count,
                  })}
                >
                  <span aria-hidden="true" className="text-amber-500">
                    ★
                  </span>{" "}
                  <span aria-hidden="true">
                    {company.rating.average.toFixed(1)} ({company.rating.count})
                  </span>
                </p>
              )}
              {company.description && (
                <p className="mt-1 line-clamp-3 text-sm text-zinc-600">
                  {text(company.description)}
                </p>
              )}
            </div>
          </Link>
        </li>
      ))}
    </ul>
  );
}
