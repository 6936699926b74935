import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database";
import type { TicketSource } from "../../db/tables";
import { monthTierOf, splitRange, WEEK_HOURS } from "./month-tier";
import type { ReportFilter } from "./report-filter";
import { COUNTERS, HISTOGRAM_SIZE, NO_OPERATOR, type Counter } from "./rollup-fold";

export type Sums = Record<Counter, number> & { wait_sum: number; service_sum: number };

const SUMS = sql.raw(
  [
    ...COUNTERS.map((c) => `coalesce(sum(r.${c}), 0)::int as ${c}`),
    "coalesce(sum(r.wait_sum), 0)::float8 as wait_sum",
    "coalesce(sum(r.service_sum), 0)::float8 as service_sum",
  ].join(", "),
);
const VALUES = [...COUNTERS, "wait_sum", "service_sum"].map((c) => `r.${c}`).join(", ");

/** The day tiers a filter reads: the rows (days) and the per-operator rows (ops). */
function tiersOf(f: ReportFilter): { days: string; ops: string; cond: RawBuilder<unknown> } {
  if (f.operatorId) {
    return {
      days: "report_day_operator_cells",
      ops: "report_day_operator_cells",
      cond: f.serviceId
        ? sql`r.operator_id = ${f.operatorId} and r.service_id = ${f.serviceId}`
        : sql`r.operator_id = ${f.operatorId}`,
    };
  }
  if (f.serviceId) {
    return {
      days: "report_day_services",
      ops: "report_day_service_operators",
      cond: sql`r.service_id = ${f.serviceId}`,
    };
  }
  return { days: "report_days", ops: "report_day_operators", cond: sql`true` };
}

const arraySum = (column: string, size: number) =>
  sql.raw(
    `array[${Array.from({ length: size }, (_, i) => `coalesce(sum(r.${column}[${i + 1}]), 0)::int`).join(", ")}]`,
  );

type Row = Sums & Record<string, unknown>;
export type Rollups = {
  by_source: (Row & { source: TicketSource; wait_hist: number[]; service_hist: number[] })[];
  branches: (Row & { branch_id: string })[];
  daily: (Row & { day: string })[];
  /** Entries and serves by local hour of the days read from day rows. */
  day_hours: { day: string; entered: number[]; served: number[] }[];
  /** Entries and serves by weekday × hour (Monday 00:00 first) of the whole months. */
  month_hours: { entered: number[]; served: number[] } | null;
  operators: (Row & { operator_id: string })[];
};

/**
 * The roll-up part of a report in one statement, from the tiers that fit the filter: the whole
 * months of the range from the month tier, the days around them from the day tier (both in each
 * branch's local dates), summed by source (with the histograms; the totals are their sum), by
 * branch and by operator; the series by day from the day tier (counters only); for the heatmap,
 * entries and serves by weekday × hour from the months and by hour from the edge days. Each part reads its tier by its key,
 * an index range per branch (or per operator). `months: false` reads day rows only (the tests
 * compare both ways).
 */
export async function readRollups(
  db: Db,
  s: string,
  f: ReportFilter,
  bconds: RawBuilder<unknown>[],
  opts: { months?: boolean } = {},
): Promise<Rollups> {
  const t = tiersOf(f);
  const split =
    opts.months === false
      ? { months: null, days: [[f.from, f.to] as [string, string]] }
      : splitRange(f.from, f.to);
  const where = sql.join([...bconds, t.cond], sql` and `);
  const from = (table: string, column: "day" | "month", [lo, hi]: [string, string]) =>
    sql`from ${sql.id(s, "branches")} b
      join ${sql.id(s, table)} r on r.branch_id = b.id
        and ${sql.ref(`r.${column}`)} >= ${lo}::date and ${sql.ref(`r.${column}`)} <= ${hi}::date
      where ${where}`;
  // The range's rows of a tier pair (month tier for the months, day tier for the edges).
  const union = (dayTable: string, columns: string, only = sql``) =>
    sql.join(
      [
        ...(split.months
          ? [
              sql`select ${sql.raw(columns)} ${from(monthTierOf(dayTable).table, "month", split.months)} ${only}`,
            ]
          : []),
        ...split.days.map(
          (d) => sql`select ${sql.raw(columns)} ${from(dayTable, "day", d)} ${only}`,
        ),
      ],
      sql` union all `,
    );
  const list = (q: RawBuilder<unknown>) =>
    sql`(select coalesce(json_agg(x), '[]'::json) from (${q}) x)`;
  const edges = sql.join(
    split.days.map(
      (d) => sql`select r.day, r.entered_by_hour, r.served_by_hour ${from(t.days, "day", d)}`,
    ),
    sql` union all `,
  );
  const dayHours =
    split.days.length === 0
      ? sql`'[]'::json`
      : list(sql`select to_char(r.day, 'YYYY-MM-DD') as day,
          ${arraySum("entered_by_hour", 24)} as entered, ${arraySum("served_by_hour", 24)} as served
          from (${edges}) r group by r.day`);
  const monthHours = split.months
    ? sql`(select row_to_json(x) from (select
        ${arraySum("entered_by_week_hour", WEEK_HOURS)} as entered,
        ${arraySum("served_by_week_hour", WEEK_HOURS)} as served
        ${from(monthTierOf(t.days).table, "month", split.months)}) x)`
    : sql`null::json`;
  const operatorRows = union(
    t.ops,
    `r.operator_id, ${VALUES}`,
    sql`and r.operator_id <> ${NO_OPERATOR}`,
  );
  // Large statements (hundreds of sums) pass the planner's JIT threshold, and compiling them costs
  // more than running them: the report's statement runs without.
  return db.transaction().execute(async (trx) => {
    await sql`set local jit = off`.execute(trx);
    const { rows } = await sql<Rollups>`select
    ${list(sql`select r.source, ${SUMS}, ${arraySum("wait_hist", HISTOGRAM_SIZE)} as wait_hist,
      ${arraySum("service_hist", HISTOGRAM_SIZE)} as service_hist
      from (${union(t.days, `r.source, ${VALUES}, r.wait_hist, r.service_hist`)}) r
      group by r.source order by r.source`)} as by_source,
    ${list(sql`select r.branch_id, ${SUMS} from (${union(t.days, `r.branch_id, ${VALUES}`)}) r
      group by r.branch_id`)} as branches,
    ${list(sql`select to_char(r.day, 'YYYY-MM-DD') as day, ${SUMS}
      ${from(t.days, "day", [f.from, f.to])} group by r.day order by r.day`)} as daily,
    ${dayHours} as day_hours,
    ${monthHours} as month_hours,
    ${list(sql`select r.operator_id, ${SUMS} from (${operatorRows}) r group by r.operator_id`)} as operators
  `.execute(trx);
    return rows[0]!;
  });
}

export type HeatCell = { weekday: number; hour: number; entered: number; served: number };

/** The hour × ISO weekday heatmap: the edge days by their weekday, plus the months' cells. */
export function heatmapOf(r: Rollups): HeatCell[] {
  const heat = new Map<string, HeatCell>();
  const add = (weekday: number, hour: number, entered: number, served: number) => {
    if (entered === 0 && served === 0) return;
    const k = `${weekday}|${hour}`;
    const cell = heat.get(k) ?? { weekday, hour, entered: 0, served: 0 };
    cell.entered += entered;
    cell.served += served;
    heat.set(k, cell);
  };
  for (const d of r.day_hours) {
    const weekday = ((new Date(`${d.day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    for (let hour = 0; hour < 24; hour++) add(weekday, hour, d.entered[hour]!, d.served[hour]!);
  }
  if (r.month_hours) {
    const { entered, served } = r.month_hours;
    for (let i = 0; i < WEEK_HOURS; i++)
      add(Math.floor(i / 24) + 1, i % 24, entered[i]!, served[i]!);
  }
  return [...heat.values()].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour);
}
