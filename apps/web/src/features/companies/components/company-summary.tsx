import { useTranslation } from "react-i18next";
import { Logo } from "../../../components/ui/logo";
import type { Company } from "../api/companies.api";
import { CompanyStatusBadge, ReadyBadge } from "./company-status-badge";

type Props = { company: Company; adminUrl: string; loginUrl: string | null };

/** Header of the company page: logo, name, status and where it lives. */
export function CompanySummary({ company, adminUrl, loginUrl }: Props) {
  const { t } = useTranslation();
  return (
    <div className="flex min-w-0 items-start gap-4">
      <Logo url={company.logoUrl} name={company.name} size="lg" />
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-xl font-semibold tracking-tight text-zinc-900">{company.name}</h1>
          <CompanyStatusBadge status={company.status} />
          {company.readyRequestedAt && company.status === "INACTIVE" && <ReadyBadge />}
        </div>
        <p className="mt-0.5 font-mono text-xs text-zinc-500">{company.slug}</p>
        <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm">
          <div className="flex gap-1.5">
            <dt className="text-zinc-500">{t("company.adminUrl")}:</dt>
            <dd>
              <a
                href={adminUrl}
                target="_blank"
                rel="noreferrer"
                data-testid="company-admin-url"
                className="text-indigo-700 hover:underline"
              >
                {adminUrl}
              </a>
            </dd>
          </div>
          {loginUrl && (
            <div className="flex gap-1.5">
              <dt className="text-zinc-500">{t("company.loginUrl")}:</dt>
              <dd>
                <a
                  href={loginUrl}
                  target="_blank"
                  rel="noreferrer"
                  className="text-indigo-700 hover:underline"
                >
                  {loginUrl}
                </a>
              </dd>
            </div>
          )}
        </dl>
      </div>
    </div>
  );
}
