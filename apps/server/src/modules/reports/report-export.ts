import ExcelJS from "exceljs";
import type { Report } from "./report.query";

type Cell = string | number | null;
type Table = { title: string; header: string[]; rows: Cell[][] };

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const kpiHeader = [
  "Entered",
  "Issued",
  "Checked in",
  "Served",
  "No-show",
  "Cancelled",
  "Expired",
  "Abandonment",
  "Avg wait (s)",
  "Avg service (s)",
  "Service level",
];
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

/** The report as tables, the same for both formats (and the page's tables). */
export function reportTables(r: Report): Table[] {
  return [
    {
      title: "Summary",
      header: ["Figure", "Value"],
      rows: [
        ["From", r.range.from],
        ["To", r.range.to],
        ...kpiHeader.map((h, i): Cell[] => [h, kpiCells(r.totals)[i]!]),
        ["Wait p50 (s)", r.wait.p50],
        ["Wait p90 (s)", r.wait.p90],
        ["Wait p95 (s)", r.wait.p95],
        ["Service p50 (s)", r.service.p50],
        ["Service p90 (s)", r.service.p90],
        ["Rating average", r.ratings.average],
        ["Ratings", r.ratings.count],
        ["Appointments booked", r.appointments.booked],
        ["Appointments checked in", r.appointments.checkedIn],
        ["Appointments late", r.appointments.late],
        ["Appointments missed", r.appointments.missed],
        ["Appointments cancelled", r.appointments.cancelled],
      ],
    },
    {
      title: "Quoted vs actual",
      header: ["Figure", "Value"],
      rows: [
        ["Quoted and served", r.quotes.count],
        ["Mean absolute error (min)", r.quotes.maeMinutes],
        ["Mean actual - quoted (min)", r.quotes.biasMinutes],
        ["Inside quoted range", r.quotes.withinRange],
        ["Longer than quoted range", r.quotes.underEstimated],
      ],
    },
    {
      title: "By source",
      header: ["Source", ...kpiHeader],
      rows: r.bySource.map((s) => [s.source, ...kpiCells(s)]),
    },
    {
      title: "By day",
      header: ["Day", ...kpiHeader],
      rows: r.daily.map((d) => [d.day, ...kpiCells(d)]),
    },
    {
      title: "Branches",
      header: ["Branch", ...kpiHeader],
      rows: r.branches.map((b) => [b.name.uz, ...kpiCells(b)]),
    },
    {
      title: "Operators",
      header: [
        "Operator",
        "Served",
        "No-show",
        "Avg service (s)",
        "Avg wait (s)",
        "Available (s)",
        "Idle (s)",
        "Break (s)",
        "Away (s)",
      ],
      rows: r.operators.map((o) => [
        o.name,
        o.served,
        o.noShow,
        o.serviceAvgSeconds,
        o.waitAvgSeconds,
        o.availableSeconds,
        o.idleSeconds,
        o.breakSeconds,
        o.awaySeconds,
      ]),
    },
    {
      title: "Hour x weekday",
      header: ["Weekday", "Hour", "Entered", "Served"],
      rows: r.heatmap.map((h) => [WEEKDAYS[h.weekday - 1]!, h.hour, h.entered, h.served]),
    },
    {
      title: "Ratings",
      header: ["Stars", "Count"],
      rows: r.ratings.distribution.map((d) => [d.stars, d.count]),
    },
    {
      title: "Comments",
      header: ["When", "Ticket", "Stars", "Comment"],
      rows: r.ratings.comments.map((c) => [
        c.createdAt.toISOString(),
        c.ticket,
        c.stars,
        c.comment,
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
export function reportCsv(r: Report): string {
  const lines: string[] = [];
  for (const t of reportTables(r)) {
    lines.push(csvCell(t.title), t.header.map(csvCell).join(","));
    for (const row of t.rows) lines.push(row.map(csvCell).join(","));
    lines.push("");
  }
  return `\uFEFF${lines.join("\r\n")}`;
}

/** XLSX (ExcelJS): one sheet per table, bold frozen header. */
export async function reportXlsx(r: Report): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "E-Queue";
  for (const t of reportTables(r)) {
    const sheet = book.addWorksheet(t.title, { views: [{ state: "frozen", ySplit: 1 }] });
    sheet.addRow(t.header).font = { bold: true };
    for (const row of t.rows) sheet.addRow(row);
    sheet.columns.forEach((c) => (c.width = 16));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
