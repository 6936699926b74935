import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/ui/alert";
import { EmptyState } from "../../../components/ui/empty-state";
import { PageHeader } from "../../../components/ui/page-header";
import { Pagination } from "../../../components/ui/pagination";
import { Select } from "../../../components/ui/select";
import { PageSpinner } from "../../../components/ui/spinner";
import {
  OUTBOX_STATUSES,
  type OutboxMessage,
  type OutboxStatus,
} from "../../../features/outbox/api/outbox.api";
import { OutboxMessageDialog } from "../../../features/outbox/components/outbox-message-dialog";
import { OutboxTable } from "../../../features/outbox/components/outbox-table";
import { useOutbox } from "../../../features/outbox/hooks/use-outbox";
import { useErrorMessage } from "../../../lib/errors";

export function OutboxPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [status, setStatus] = useState<OutboxStatus | "">("");
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<OutboxMessage | null>(null);
  const query = useOutbox({ status, page });
  const data = query.data;

  return (
    <>
      <PageHeader
        title={t("outbox.title")}
        subtitle={t("outbox.subtitle")}
        actions={
          <div className="w-44">
            <label htmlFor="outbox-status" className="sr-only">
              {t("outbox.statusFilter")}
            </label>
            <Select
              id="outbox-status"
              value={status}
              onChange={(e) => {
                setStatus(OUTBOX_STATUSES.find((s) => s === e.target.value) ?? "");
                setPage(1);
              }}
            >
              <option value="">{t("common.all")}</option>
              {OUTBOX_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`outboxStatus.${s}`)}
                </option>
              ))}
            </Select>
          </div>
        }
      />
      {data && !data.delivery.configured && (
        <Alert
          tone="warning"
          title={t("outbox.smtpBanner")}
          className="mb-4"
          data-testid="smtp-banner"
        >
          {t("outbox.smtpBannerHint")}
        </Alert>
      )}
      {query.isPending ? (
        <PageSpinner />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      ) : query.data.items.length === 0 ? (
        <EmptyState title={t("outbox.empty")} />
      ) : (
        <>
          <OutboxTable messages={query.data.items} onOpen={setOpen} />
          <Pagination
            page={query.data.page}
            pageSize={query.data.pageSize}
            total={query.data.total}
            onPageChange={setPage}
          />
        </>
      )}
      <OutboxMessageDialog message={open} onClose={() => setOpen(null)} />
    </>
  );
}
