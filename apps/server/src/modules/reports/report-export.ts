import ExcelJS from "exceljs";
import type { I18nText } from "@equeue/contracts";
import type { Report } from "./report.query";
import type { ReportTexts } from "./report-export.texts";

type Cell = string | number | null;
type Table = { title: string; header: string[]; rows: Cell[][] };

const kpiCells = (k: Report["totals"]): Cell[] => [
  k.entered,
  k.issued,
  k.checkedIn,
  k.served,
  k.noShow,
  k.cancelled,
  k.expired,
  k.abandonmentRate,
  k.waitAvgSeconds,
  k.serviceAvgSeconds,
  k.serviceLevel,
];
const kpiHeader = ({ kpi }: ReportTexts) => [
  kpi.entered,
  kpi.issued,
  kpi.checkedIn,
  kpi.served,
  kpi.noShow,
  kpi.cancelled,
  kpi.expired,
  kpi.abandonment,
  kpi.waitAvg,
  kpi.serviceAvg,
  kpi.serviceLevel,
];

/** The report as tables in the words of `t`, the same for both formats. */
export function reportTables(r: Report, t: ReportTexts): Table[] {
  const kpis = kpiHeader(t);
  const { columns: c, summary: s, quotes: q, operators: o } = t;
  const figures = [c.figure, c.value];
  // A branch the company named in Uzbek only is shown by its Uzbek name.
  const branchName = (name: I18nText) => name[t.nameLanguage] || name.uz;
  return [
    {
      title: t.titles.summary,
      header: figures,
      rows: [
        [s.from, r.range.from],
        [s.to, r.range.to],
        ...kpis.map((h, i): Cell[] => [h, kpiCells(r.totals)[i]!]),
        [s.waitP50, r.wait.p50],
        [s.waitP90, r.wait.p90],
        [s.waitP95, r.wait.p95],
        [s.serviceP50, r.service.p50],
        [s.serviceP90, r.service.p90],
        [s.ratingAverage, r.ratings.average],
        [s.ratings, r.ratings.count],
        [s.appointmentsBooked, r.appointments.booked],
        [s.appointmentsCheckedIn, r.appointments.checkedIn],
        [s.appointmentsLate, r.appointments.late],
        [s.appointmentsMissed, r.appointments.missed],
        [s.appointmentsCancelled, r.appointments.cancelled],
      ],
    },
    {
      title: t.titles.quotes,
      header: figures,
      rows: [
        [q.count, r.quotes.count],
        [q.mae, r.quotes.maeMinutes],
        [q.bias, r.quotes.biasMinutes],
        [q.withinRange, r.quotes.withinRange],
        [q.underEstimated, r.quotes.underEstimated],
      ],
    },
    {
      title: t.titles.bySource,
      header: [c.source, ...kpis],
      rows: r.bySource.map((x) => [t.sources[x.source], ...kpiCells(x)]),
    },
    {
      title: t.titles.byDay,
      header: [c.day, ...kpis],
      rows: r.daily.map((d) => [d.day, ...kpiCells(d)]),
    },
    {
      title: t.titles.branches,
      header: [c.branch, ...kpis],
      rows: r.branches.map((b) => [branchName(b.name), ...kpiCells(b)]),
    },
    {
      title: t.titles.operators,
      header: [
        c.operator,
        t.kpi.served,
        t.kpi.noShow,
        t.kpi.serviceAvg,
        t.kpi.waitAvg,
        o.available,
        o.idle,
        o.breakTime,
        o.away,
      ],
      rows: r.operators.map((x) => [
        x.name,
        x.served,
        x.noShow,
        x.serviceAvgSeconds,
        x.waitAvgSeconds,
        x.availableSeconds,
        x.idleSeconds,
        x.breakSeconds,
        x.awaySeconds,
      ]),
    },
    {
      title: t.titles.heatmap,
      header: [c.weekday, c.hour, t.kpi.entered, t.kpi.served],
      rows: r.heatmap.map((h) => [t.weekdays[h.weekday - 1]!, h.hour, h.entered, h.served]),
    },
    {
      title: t.titles.ratings,
      header: [c.stars, c.count],
      rows: r.ratings.distribution.map((d) => [d.stars, d.count]),
    },
    {
      title: t.titles.comments,
      header: [c.when, c.ticket, c.stars, c.comment],
      rows: r.ratings.comments.map((x) => [
        x.createdAt.toISOString(),
        x.ticket,
        x.stars,
        x.comment,
      ]),
    },
  ];
}

const csvCell = (v: Cell) => {
  if (v === null) return "";
  const s = String(v);
  // Quotes per RFC 4180; a leading formula character is defused for spreadsheets.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === "string" ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** CSV: the tables one after another, each under its title, with a BOM for spreadsheets. */
export function reportCsv(r: Report, texts: ReportTexts): string {
  const lines: string[] = [];
  for (const t of reportTables(r, texts)) {
    lines.push(csvCell(t.title), t.header.map(csvCell).join(","));
    for (const row of t.rows) lines.push(row.map(csvCell).join(","));
    lines.push("");
  }
  return `\uFEFF${lines.join("\r\n")}`;
}

/** XLSX (ExcelJS): one sheet per table, bold frozen header. */
export async function reportXlsx(r: Report, texts: ReportTexts): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "E-Queue";
  for (const t of reportTables(r, texts)) {
    const sheet = book.addWorksheet(t.title, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow(t.header).font = { bold: true };
    for (const row of t.rows) sheet.addRow(row);
    sheet.columns.forEach((c) => (c.width = 16));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
