import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { EmptyState } from "../../../../components/ui/empty-state";
import { PageHeader } from "../../../../components/ui/page-header";
import { Pagination } from "../../../../components/ui/pagination";
import { Select } from "../../../../components/ui/select";
import { PageSpinner } from "../../../../components/ui/spinner";
import { adminRequest } from "../../../../features/company-setup/api/admin-request";
import { useErrorMessage } from "../../../../lib/errors";
import { useFormatDate } from "../../../../lib/format";
import { useLocalized, type LocalizedText } from "../../../../lib/localized";
import { useSetupContext } from "./setup-context";

type RatingsPage = {
  summary: { average: number | null; count: number };
  items: {
    stars: number;
    comment: string | null;
    createdAt: string;
    ticketLabel: string;
    branchName: LocalizedText;
    serviceName: LocalizedText;
  }[];
  total: number;
  page: number;
  pageSize: number;
};

const PAGE_SIZE = 20;

/** `admin/ratings`: what customers said after their visits, newest first. */
export function RatingsPage() {
  const { t } = useTranslation();
  const { slug } = useSetupContext();
  const local = useLocalized();
  const formatDate = useFormatDate();
  const errorMessage = useErrorMessage();
  const [page, setPage] = useState(1);
  const [stars, setStars] = useState("");
  const query = useQuery({
    queryKey: ["admin", slug, "ratings", page, stars],
    queryFn: () =>
      adminRequest<RatingsPage>(
        slug,
        `/ratings?page=${page}&pageSize=${PAGE_SIZE}${stars ? `&stars=${stars}` : ""}`,
      ),
  });
  const summary = query.data?.summary;
  return (
    <div>
      <PageHeader
        title={t("setup.ratings.title")}
        subtitle={t("setup.ratings.subtitle")}
        actions={
          <label className="flex items-center gap-2 text-sm text-zinc-700">
            {t("setup.ratings.filter")}
            <Select
              value={stars}
              onChange={(e) => {
                setStars(e.target.value);
                setPage(1);
              }}
            >
              <option value="">{t("setup.ratings.all")}</option>
              {[5, 4, 3, 2, 1].map((n) => (
                <option key={n} value={n}>
                  {t("setup.ratings.stars", { count: n })}
                </option>
              ))}
            </Select>
          </label>
        }
      />
      {query.isPending ? (
        <PageSpinner />
      ) : query.isError ? (
        <Alert tone="error">{errorMessage(query.error)}</Alert>
      ) : (
        <>
          <p className="mb-4 text-lg font-semibold text-zinc-900" data-testid="ratings-average">
            {summary?.average !== null && summary
              ? t("setup.ratings.average", { average: summary.average, count: summary.count })
              : t("setup.ratings.none")}
          </p>
          {query.data.items.length === 0 ? (
            <EmptyState title={t("setup.ratings.none")} />
          ) : (
            <ul className="space-y-3">
              {query.data.items.map((r, i) => (
                <li
                  key={`${r.ticketLabel}-${r.createdAt}-${i}`}
                  className="rounded-xl border border-zinc-200 bg-white p-4"
                >
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span
                      className="text-lg text-amber-500"
                      aria-label={t("setup.ratings.stars", { count: r.stars })}
                    >
                      {"★".repeat(r.stars)}
                      <span className="text-zinc-300">{"★".repeat(5 - r.stars)}</span>
                    </span>
                    <span className="text-sm text-zinc-500">{formatDate(r.createdAt)}</span>
                  </div>
                  <p className="mt-1 text-zinc-800">
                    {r.comment ?? (
                      <span className="text-zinc-400">{t("setup.ratings.noComment")}</span>
                    )}
                  </p>
                  <p className="mt-1 text-sm text-zinc-500">
                    {t("setup.ratings.ticket", { label: r.ticketLabel })} · {local(r.serviceName)} ·{" "}
                    {local(r.branchName)}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={query.data.total}
            onPageChange={setPage}
          />
        </>
      )}
    </div>
  );
}
