import { useQuery } from "@tanstack/react-query";
import { Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Select } from "../../../../components/ui/select";
import { Spinner } from "../../../../components/ui/spinner";
import { fetchStaffing, type ReportFilter } from "../../../../features/reports/reports.api";
import { useErrorMessage } from "../../../../lib/errors";
import { BarsChart, ChartFallback, pct, secs, Section, SimpleTable } from "./report-parts";

/**
 * Staffing advice for the report's branch and service: per 15-minute interval of the range's
 * average day (or of one weekday), the operators needed for the target wait (Erlang C).
 */
export function StaffingSection({ slug, filter }: { slug: string; filter: ReportFilter }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [weekday, setWeekday] = useState(0);
  const weekdays = t("reports.report.weekdays").split(",");
  const { branchId, serviceId } = filter;
  const advice = useQuery({
    queryKey: ["admin", slug, "staffing", filter, weekday],
    queryFn: () =>
      fetchStaffing(slug, {
        from: filter.from,
        to: filter.to,
        branchId: branchId!,
        serviceId: serviceId!,
        ...(weekday > 0 && { weekday }),
      }),
    enabled: Boolean(branchId && serviceId),
  });
  const title = t("reports.report.staffing.title");
  if (!branchId || !serviceId) {
    return (
      <Section title={title}>
        <p className="text-sm text-zinc-600" data-testid="staffing-hint">
          {t("reports.report.staffing.hint")}
        </p>
      </Section>
    );
  }
  const a = advice.data;
  return (
    <Section title={title}>
      <label className="flex items-center gap-2 text-sm text-zinc-700">
        {t("reports.report.staffing.day")}
        <Select value={String(weekday)} onChange={(e) => setWeekday(Number(e.target.value))}>
          <option value="0">{t("reports.report.staffing.allDays")}</option>
          {weekdays.map((w, i) => (
            <option key={w} value={String(i + 1)}>
              {w}
            </option>
          ))}
        </Select>
      </label>
      {advice.isPending ? (
        <Spinner />
      ) : advice.isError ? (
        <Alert tone="error">{errorMessage(advice.error)}</Alert>
      ) : a && a.intervals.length === 0 ? (
        <p className="text-sm text-zinc-600">{t("reports.report.staffing.empty")}</p>
      ) : a ? (
        <>
          <p className="text-sm text-zinc-700" data-testid="staffing-summary">
            {t("reports.report.staffing.summary", {
              days: a.days,
              target: secs(a.targetSeconds),
              goal: pct(a.goal),
              peak: a.peakAgents,
            })}
          </p>
          <Suspense fallback={<ChartFallback />}>
            <BarsChart
              label={title}
              categories={a.intervals.map((i) => i.start)}
              series={[
                {
                  name: t("reports.report.staffing.columns.agents"),
                  values: a.intervals.map((i) => i.agents),
                  whole: true,
                },
                {
                  name: t("reports.report.staffing.columns.arrivals"),
                  values: a.intervals.map((i) => i.arrivals),
                  axis: 1,
                },
              ]}
            />
          </Suspense>
          <SimpleTable
            testId="table-staffing"
            head={[
              t("reports.report.staffing.columns.start"),
              t("reports.report.staffing.columns.arrivals"),
              t("reports.report.staffing.columns.handle"),
              t("reports.report.staffing.columns.traffic"),
              t("reports.report.staffing.columns.agents"),
              t("reports.report.staffing.columns.serviceLevel"),
              t("reports.report.staffing.columns.averageWait"),
            ]}
            rows={a.intervals.map((i) => [
              i.start,
              i.arrivals,
              secs(i.handleSeconds),
              i.traffic,
              i.agents,
              pct(i.serviceLevel),
              secs(i.averageWaitSeconds),
            ])}
          />
        </>
      ) : null}
    </Section>
  );
}
