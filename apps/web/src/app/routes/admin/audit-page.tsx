import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { EmptyState } from "../../../components/ui/empty-state";
import { PageHeader } from "../../../components/ui/page-header";
import { Pagination } from "../../../components/ui/pagination";
import { PageSpinner } from "../../../components/ui/spinner";
import { AuditFilters } from "../../../features/audit/components/audit-filters";
import { AuditTable } from "../../../features/audit/components/audit-table";
import { useAudit } from "../../../features/audit/hooks/use-audit";
import { useCompanies } from "../../../features/companies/hooks/use-companies";
import { useErrorMessage } from "../../../lib/errors";
import { useDebouncedValue } from "../../../lib/use-debounced-value";

export function AuditPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [action, setAction] = useState("");
  const [companyId, setCompanyId] = useState("");
  const [page, setPage] = useState(1);
  const debouncedAction = useDebouncedValue(action.trim(), 300);
  const query = useAudit({ action: debouncedAction, companyId, page });
  // The company filter offers the first 100 companies by name; enough for a picker.
  const companies = useCompanies({ search: "", status: "", page: 1, pageSize: 100 });

  return (
    <>
      <PageHeader title={t("audit.title")} subtitle={t("audit.subtitle")} />
      <AuditFilters
        action={action}
        companyId={companyId}
        companies={(companies.data?.items ?? []).map((c) => ({ id: c.id, name: c.name }))}
        onActionChange={(value) => {
          setAction(value);
          setPage(1);
        }}
        onCompanyChange={(value) => {
          setCompanyId(value);
          setPage(1);
        }}
      />
      {query.isPending ? (
        <PageSpinner />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t("audit.empty")} />
      ) : (
        <div className={query.isPlaceholderData ? "opacity-60" : undefined}>
          <AuditTable entries={query.data.items} />
          <Pagination
            page={query.data.page}
            pageSize={query.data.pageSize}
            total={query.data.total}
            onPageChange={setPage}
          />
        </div>
      )}
    </>
  );
}
