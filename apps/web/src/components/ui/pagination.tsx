import { useTranslation } from "react-i18next";
import { Button } from "./button";

type PaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
};

export function Pagination({ page, pageSize, total, onPageChange }: PaginationProps) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  return (
    <nav
      aria-label={t("common.pagination")}
      className="flex flex-wrap items-center justify-between gap-3 pt-3 text-sm text-zinc-600"
    >
      <span>{t("common.total", { count: total })}</span>
      <div className="flex items-center gap-2">
        <Button
          size="sm"
          variant="secondary"
          disabled={page <= 1}
          onClick={() => onPageChange(page - 1)}
        >
          ← {t("common.previous")}
        </Button>
        <span aria-current="page" className="min-w-14 text-center tabular-nums">
          {t("common.pageOf", { page, pages })}
        </span>
        <Button
          size="sm"
          variant="secondary"
          disabled={page >= pages}
          onClick={() => onPageChange(page + 1)}
        >
          {t("common.next")} →
        </Button>
      </div>
    </nav>
  );
}
