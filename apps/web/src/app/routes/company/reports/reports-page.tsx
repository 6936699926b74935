import { useQuery } from "@tanstack/react-query";
import { Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../../components/ui/alert";
import { Button } from "../../../../components/ui/button";
import { EmptyState } from "../../../../components/ui/empty-state";
import { PageHeader } from "../../../../components/ui/page-header";
import { PageSpinner } from "../../../../components/ui/spinner";
import {
  downloadReport,
  fetchFloor,
  fetchReport,
  type Kpis,
  type ReportFilter,
} from "../../../../features/reports/reports.api";
import { defaultReportRange } from "../../../../features/reports/report-range";
import { useErrorMessage } from "../../../../lib/errors";
import { textLanguage } from "../../../../lib/i18n";
import { useLocalized } from "../../../../lib/localized";
import { useSetupContext } from "../setup/setup-context";
import { ReportFilterForm } from "./report-filter-form";
import { StaffingSection } from "./staffing-section";
import {
  BarsChart,
  ChartFallback,
  HeatChart,
  hours,
  pct,
  secs,
  Section,
  SimpleTable,
} from "./report-parts";

/** `admin/reports`: figures over a period, charts each with its table, and exports. */
export function ReportsPage() {
  const { t } = useTranslation();
  const { slug } = useSetupContext();
  const local = useLocalized();
  const mins = (v: number | null) => (v === null ? "—" : t("reports.report.minutes", { value: v }));
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<ReportFilter>(() => defaultReportRange([]));
  const [filter, setFilter] = useState<ReportFilter>(draft);
  /** The admin changed the filter: the default range no longer follows the branches' days. */
  const [chosen, setChosen] = useState(false);
  const [exporting, setExporting] = useState<"csv" | "xlsx" | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const floor = useQuery({ queryKey: ["admin", slug, "floor"], queryFn: () => fetchFloor(slug) });
  const report = useQuery({
    queryKey: ["admin", slug, "report", filter],
    queryFn: () => fetchReport(slug, filter),
  });
  const branches = floor.data?.branches ?? [];
  // Until the admin chooses, the range ends on the branches' today (they may be past midnight).
  const zones = branches.map((b) => b.timeZone).join(",");
  useEffect(() => {
    if (chosen || zones === "") return;
    const range = defaultReportRange(zones.split(","));
    setDraft((d) => (d.to === range.to ? d : { ...d, ...range }));
    setFilter((f) => (f.to === range.to ? f : { ...f, ...range }));
  }, [chosen, zones]);
  const weekdays = t("reports.report.weekdays").split(",");

  const download = async (format: "csv" | "xlsx") => {
    setExporting(format);
    setExportError(null);
    try {
      // The file speaks the page's language (a page in Uzbek Cyrillic gets the Uzbek file).
      await downloadReport(slug, filter, format, textLanguage());
    } catch (error) {
      setExportError(errorMessage(error));
    } finally {
      setExporting(null);
    }
  };

  const kpiRow = (k: Kpis) => [
    k.entered,
    k.served,
    k.noShow,
    k.cancelled + k.expired,
    pct(k.abandonmentRate),
    secs(k.waitAvgSeconds),
    secs(k.serviceAvgSeconds),
    pct(k.serviceLevel),
  ];
  const kpiHead = [
    t("reports.report.kpi.entered"),
    t("reports.report.kpi.served"),
    t("reports.report.kpi.noShow"),
    `${t("reports.report.kpi.cancelled")} / ${t("reports.report.kpi.expired")}`,
    t("reports.report.kpi.abandonment"),
    t("reports.report.kpi.waitAvg"),
    t("reports.report.kpi.serviceAvg"),
    t("reports.report.kpi.serviceLevel"),
  ];
  const simpleTable = (head: string[], rows: (string | number)[][], testId?: string) => (
    <SimpleTable head={head} rows={rows} testId={testId} />
  );

  return (
    <div>
      <PageHeader
        title={t("reports.report.title")}
        subtitle={t("reports.report.subtitle")}
        actions={
          <>
            <Button
              variant="secondary"
              size="sm"
              disabled={exporting !== null}
              onClick={() => void download("csv")}
            >
              {t("reports.report.exportCsv")}
            </Button>
            <Button
              variant="secondary"
              size="sm"
              disabled={exporting !== null}
              onClick={() => void download("xlsx")}
              data-testid="export-xlsx"
            >
              {t("reports.report.exportXlsx")}
            </Button>
          </>
        }
      />
      <ReportFilterForm
        draft={draft}
        setDraft={(next) => {
          setChosen(true);
          setDraft(next);
        }}
        branches={branches}
        onSubmit={() => {
          setChosen(true);
          setFilter(draft);
        }}
      />
      {exportError && <Alert tone="error">{exportError}</Alert>}
      {report.isPending ? (
        <PageSpinner />
      ) : report.isError ? (
        <Alert tone="error">{errorMessage(report.error)}</Alert>
      ) : report.data.totals.entered === 0 && report.data.totals.served === 0 ? (
        <EmptyState title={t("reports.report.empty")} />
      ) : (
        <div className="space-y-6">
          <dl
            className="grid grid-cols-2 gap-3 sm:grid-cols-4 xl:grid-cols-7"
            data-testid="report-kpis"
          >
            {[
              [t("reports.report.kpi.entered"), report.data.totals.entered, "entered"],
              [t("reports.report.kpi.served"), report.data.totals.served, "served"],
              [t("reports.report.kpi.waitP50"), secs(report.data.wait.p50), "wait-p50"],
              [t("reports.report.kpi.waitP90"), secs(report.data.wait.p90), "wait-p90"],
              [t("reports.report.kpi.waitP95"), secs(report.data.wait.p95), "wait-p95"],
              [t("reports.report.kpi.serviceP50"), secs(report.data.service.p50), "service-p50"],
              [t("reports.report.kpi.serviceP90"), secs(report.data.service.p90), "service-p90"],
              [t("reports.report.kpi.serviceLevel"), pct(report.data.totals.serviceLevel), "sl"],
              [t("reports.report.kpi.abandonment"), pct(report.data.totals.abandonmentRate), "ab"],
              [t("reports.report.kpi.noShow"), report.data.totals.noShow, "no-show"],
            ].map(([label, value, id]) => (
              <div key={id} className="rounded-lg border border-zinc-200 bg-white p-3">
                <dt className="text-xs text-zinc-500">{label}</dt>
                <dd
                  className="mt-1 text-xl font-semibold text-zinc-900 tabular-nums"
                  data-testid={`kpi-${id}`}
                >
                  {value}
                </dd>
              </div>
            ))}
          </dl>

          <Section title={t("reports.report.sections.daily")}>
            <Suspense fallback={<ChartFallback />}>
              <BarsChart
                label={t("reports.report.sections.daily")}
                categories={report.data.daily.map((d) => d.day)}
                series={[
                  {
                    name: t("reports.report.kpi.entered"),
                    values: report.data.daily.map((d) => d.entered),
                    whole: true,
                  },
                  {
                    name: t("reports.report.kpi.served"),
                    values: report.data.daily.map((d) => d.served),
                    whole: true,
                  },
                ]}
              />
            </Suspense>
            {simpleTable(
              [t("reports.report.columns.day"), ...kpiHead],
              report.data.daily.map((d) => [d.day, ...kpiRow(d)]),
              "table-daily",
            )}
          </Section>

          <Section title={t("reports.report.sections.bySource")}>
            {simpleTable(
              [t("reports.report.columns.source"), ...kpiHead],
              report.data.bySource.map((s) => [
                t(`reports.report.source.${s.source}`),
                ...kpiRow(s),
              ]),
              "table-source",
            )}
          </Section>

          <Section title={t("reports.report.sections.heatmap")}>
            <Suspense fallback={<ChartFallback />}>
              <HeatChart
                label={t("reports.report.sections.heatmap")}
                weekdays={weekdays}
                cells={report.data.heatmap.map((h) => ({
                  weekday: h.weekday,
                  hour: h.hour,
                  value: h.entered,
                }))}
              />
            </Suspense>
            {/* Up to 7 × 24 rows: the chart above says it at a glance; the figures on request. */}
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium text-indigo-700">
                {t("reports.report.heatmapTable")}
              </summary>
              {simpleTable(
                [
                  t("reports.report.columns.weekday"),
                  t("reports.report.columns.hour"),
                  t("reports.report.kpi.entered"),
                  t("reports.report.kpi.served"),
                ],
                report.data.heatmap.map((h) => [
                  weekdays[h.weekday - 1] ?? String(h.weekday),
                  `${h.hour}:00`,
                  h.entered,
                  h.served,
                ]),
              )}
            </details>
          </Section>

          <Section title={t("reports.report.sections.operators")}>
            <Suspense fallback={<ChartFallback />}>
              <BarsChart
                label={t("reports.report.sections.operators")}
                categories={report.data.operators.map((o) => o.name)}
                series={[
                  {
                    name: t("reports.report.kpi.served"),
                    values: report.data.operators.map((o) => o.served),
                    whole: true,
                  },
                ]}
              />
            </Suspense>
            {simpleTable(
              [
                t("reports.report.columns.operator"),
                t("reports.report.kpi.served"),
                t("reports.report.kpi.noShow"),
                t("reports.report.kpi.serviceAvg"),
                t("reports.report.kpi.waitAvg"),
                t("reports.report.kpi.available"),
                t("reports.report.kpi.idle"),
                t("reports.report.kpi.breakTime"),
                t("reports.report.kpi.awayTime"),
              ],
              report.data.operators.map((o) => [
                o.name,
                o.served,
                o.noShow,
                secs(o.serviceAvgSeconds),
                secs(o.waitAvgSeconds),
                hours(o.availableSeconds),
                hours(o.idleSeconds),
                hours(o.breakSeconds),
                hours(o.awaySeconds),
              ]),
              "table-operators",
            )}
          </Section>

          <Section title={t("reports.report.sections.branches")}>
            {simpleTable(
              [t("reports.report.columns.branch"), ...kpiHead],
              report.data.branches.map((b) => [local(b.name), ...kpiRow(b)]),
              "table-branches",
            )}
          </Section>

          <div className="grid gap-6 lg:grid-cols-2">
            <Section title={t("reports.report.sections.ratings")}>
              <p className="text-sm font-medium text-zinc-900">
                {report.data.ratings.average === null
                  ? "—"
                  : t("reports.report.ratingAverage", {
                      average: report.data.ratings.average,
                      count: report.data.ratings.count,
                    })}
              </p>
              {simpleTable(
                [t("reports.report.columns.stars"), t("reports.report.columns.count")],
                [...report.data.ratings.distribution]
                  .reverse()
                  .map((d) => ["★".repeat(d.stars), d.count]),
              )}
              {report.data.ratings.comments.length > 0 && (
                <ul className="space-y-2 text-sm">
                  {report.data.ratings.comments.slice(0, 10).map((c, i) => (
                    <li key={i} className="rounded-md bg-zinc-50 px-3 py-2">
                      <span className="text-amber-500">{"★".repeat(c.stars)}</span> {c.comment}
                      <span className="ml-2 text-xs text-zinc-500">{c.ticket}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            <Section title={t("reports.report.sections.appointments")}>
              {simpleTable(
                [t("reports.report.sections.appointments"), t("reports.report.columns.count")],
                (["booked", "checkedIn", "late", "missed", "cancelled"] as const).map((k) => [
                  t(`reports.report.appointments.${k}`),
                  report.data.appointments[k],
                ]),
              )}
            </Section>
          </div>
          <Section title={t("reports.report.sections.quotes")}>
            {simpleTable(
              [t("reports.report.sections.quotes"), ""],
              [
                [t("reports.report.quotes.count"), report.data.quotes.count],
                [t("reports.report.quotes.mae"), mins(report.data.quotes.maeMinutes)],
                [t("reports.report.quotes.bias"), mins(report.data.quotes.biasMinutes)],
                [t("reports.report.quotes.withinRange"), pct(report.data.quotes.withinRange)],
                [t("reports.report.quotes.underEstimated"), pct(report.data.quotes.underEstimated)],
              ],
              "table-quotes",
            )}
          </Section>
          <StaffingSection slug={slug} filter={filter} />
        </div>
      )}
    </div>
  );
}
