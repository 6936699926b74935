import { COMPANY_STATUSES, type CompanyStatus } from "@equeue/contracts";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Alert } from "../../../components/ui/alert";
import { buttonClass } from "../../../components/ui/button";
import { EmptyState } from "../../../components/ui/empty-state";
import { PageHeader } from "../../../components/ui/page-header";
import { Pagination } from "../../../components/ui/pagination";
import { PageSpinner } from "../../../components/ui/spinner";
import { CompaniesTable } from "../../../features/companies/components/companies-table";
import { ProvisioningFailures } from "../../../features/companies/components/provisioning-failures";
import { CompaniesToolbar } from "../../../features/companies/components/companies-toolbar";
import { useCompanies } from "../../../features/companies/hooks/use-companies";
import { useErrorMessage } from "../../../lib/errors";
import { useDebouncedValue } from "../../../lib/use-debounced-value";

const PAGE_SIZE = 20;

function statusOf(value: string | null): CompanyStatus | "" {
  return COMPANY_STATUSES.find((s) => s === value) ?? "";
}

export function CompaniesPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const status = statusOf(params.get("status"));
  const page = Math.max(1, Number(params.get("page")) || 1);
  const [search, setSearch] = useState(params.get("search") ?? "");
  const debounced = useDebouncedValue(search.trim(), 300);

  const update = (patch: Record<string, string>) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        for (const [key, value] of Object.entries(patch)) {
          if (value && !(key === "page" && value === "1")) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (debounced !== (params.get("search") ?? "")) update({ search: debounced, page: "1" });
    // Only the debounced text drives the URL; params are read fresh inside.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const query = useCompanies({
    search: params.get("search") ?? "",
    status,
    page,
    pageSize: PAGE_SIZE,
  });
  const data = query.data;
  const ready = data?.items.filter((c) => c.readyRequestedAt && c.status === "INACTIVE") ?? [];
  const filtered = Boolean(params.get("search") || status);

  return (
    <>
      <PageHeader
        title={t("companies.title")}
        subtitle={t("companies.subtitle")}
        actions={
          <Link to="/admin/companies/new" className={buttonClass("primary")}>
            + {t("companies.new")}
          </Link>
        }
      />
      {ready.length > 0 && (
        <Alert tone="info" className="mb-4" data-testid="ready-notice">
          {t("companies.readyNotice", { count: ready.length })}
        </Alert>
      )}
      <ProvisioningFailures onRetried={(company) => navigate(`/admin/companies/${company.id}`)} />
      <CompaniesToolbar
        search={search}
        status={status}
        onSearchChange={setSearch}
        onStatusChange={(value) => update({ status: value, page: "1" })}
      />
      {query.isPending ? (
        <PageSpinner />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      ) : data && data.items.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t("companies.emptyFiltered")}
            hint={t("companies.emptyFilteredHint")}
          />
        ) : (
          <EmptyState
            title={t("companies.empty")}
            hint={t("companies.emptyHint")}
            action={
              <Link to="/admin/companies/new" className={buttonClass("primary")}>
                + {t("companies.new")}
              </Link>
            }
          />
        )
      ) : data ? (
        <div className={query.isPlaceholderData ? "opacity-60 transition-opacity" : undefined}>
          <CompaniesTable companies={data.items} hrefOf={(c) => `/admin/companies/${c.id}`} />
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPageChange={(p) => update({ page: String(p) })}
          />
        </div>
      ) : null}
    </>
  );
}
