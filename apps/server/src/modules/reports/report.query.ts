import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database";
import type { I18nText, TicketSource } from "../../db/tables";
import type { CompanyRecord } from "../tenancy";
import { operatorStatusTime } from "./operator-time.query";
import { quoteAccuracy } from "./quote-accuracy.query";
import { ratingsOf } from "./ratings.query";
import type { ReportFilter } from "./report-filter";
import { COUNTERS, HISTOGRAM_SIZE, NO_OPERATOR, percentile, type Counter } from "./rollup-fold";

export type { ReportFilter };

type Sums = Record<Counter, number> & { wait_sum: number; service_sum: number };

const SUMS = sql.raw(
  [
    ...COUNTERS.map((c) => `coalesce(sum(r.${c}), 0)::int as ${c}`),
    "coalesce(sum(r.wait_sum), 0)::float8 as wait_sum",
    "coalesce(sum(r.service_sum), 0)::float8 as service_sum",
  ].join(", "),
);

const round1 = (n: number) => Math.round(n * 10) / 10;
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);

/** The figures every table of the report derives from its counters. */
export function kpisOf(s: Sums) {
  const entered = s.issued + s.checked_in;
  const abandoned = s.cancelled + s.no_show + s.expired;
  return {
    issued: s.issued,
    checkedIn: s.checked_in,
    entered,
    called: s.called,
    served: s.served,
    noShow: s.no_show,
    cancelled: s.cancelled,
    expired: s.expired,
    transferred: s.transferred,
    abandoned,
    abandonmentRate: ratio(abandoned, entered),
    waitAvgSeconds: s.wait_count > 0 ? round1(s.wait_sum / s.wait_count) : null,
    serviceAvgSeconds: s.service_count > 0 ? round1(s.service_sum / s.service_count) : null,
    serviceLevel: ratio(s.within_target, s.target_count),
  };
}

const p = (hist: number[], q: number) => {
  const v = percentile(hist, q);
  return v === null ? null : round1(v);
};

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
type Rollups = {
  by_source: (Row & { source: TicketSource; wait_hist: number[]; service_hist: number[] })[];
  branches: (Row & { branch_id: string })[];
  daily: (Row & { day: string; entered: number[]; served_h: number[] })[];
  operators: (Row & { operator_id: string })[];
};

/**
 * The roll-up part of a report in one statement, from the day tier that fits the filter: sums by
 * source (with the histograms; the totals are their sum), by branch, by day (with entries and
 * serves by hour; the heatmap is their sum per weekday) and by operator. Each part reads the tier
 * by its key, an index range per branch (or per operator).
 */
async function readRollups(db: Db, s: string, f: ReportFilter, bconds: RawBuilder<unknown>[]) {
  const t = tiersOf(f);
  const from = (table: string) => sql`from ${sql.id(s, "branches")} b
    join ${sql.id(s, table)} r on r.branch_id = b.id
      and r.day >= ${f.from}::date and r.day <= ${f.to}::date
    where ${sql.join([...bconds, t.cond], sql` and `)}`;
  const days = from(t.days);
  const list = (q: RawBuilder<unknown>) =>
    sql`(select coalesce(json_agg(x), '[]'::json) from (${q}) x)`;
  const { rows } = await sql<Rollups>`select
    ${list(sql`select r.source, ${SUMS}, ${arraySum("wait_hist", HISTOGRAM_SIZE)} as wait_hist,
      ${arraySum("service_hist", HISTOGRAM_SIZE)} as service_hist ${days}
      group by r.source order by r.source`)} as by_source,
    ${list(sql`select r.branch_id, ${SUMS} ${days} group by r.branch_id`)} as branches,
    ${list(sql`select to_char(r.day, 'YYYY-MM-DD') as day, ${SUMS},
      ${arraySum("entered_by_hour", 24)} as entered, ${arraySum("served_by_hour", 24)} as served_h
      ${days} group by r.day order by r.day`)} as daily,
    ${list(sql`select r.operator_id, ${SUMS} ${from(t.ops)} and r.operator_id <> ${NO_OPERATOR}
      group by r.operator_id`)} as operators
  `.execute(db);
  return rows[0]!;
}

/** Builds and runs a report over the roll-ups (and the ratings table for ratings). */
export async function buildReport(db: Db, company: CompanyRecord, f: ReportFilter) {
  const s = company.schema_name;
  const bconds: RawBuilder<unknown>[] = [];
  if (f.scope) bconds.push(sql`b.id = any(${f.scope}::uuid[])`);
  if (f.branchId) bconds.push(sql`b.id = ${f.branchId}`);
  const [rollups, statusTime, branchList, ratings, quotes] = await Promise.all([
    readRollups(db, s, f, bconds),
    operatorStatusTime(db, s, f, bconds.length > 0 ? bconds : [sql`true`]),
    sql<{ id: string; name: I18nText; code: string }>`select id, name, code
      from ${sql.id(s, "branches")}`.execute(db),
    ratingsOf(db, s, f),
    quoteAccuracy(db, company, f),
  ]);
  const operatorRows = rollups.operators;
  const operatorIds = [
    ...new Set([...operatorRows.map((o) => o.operator_id), ...statusTime.keys()]),
  ];
  const names = new Map(
    operatorIds.length === 0
      ? []
      : (
          await sql<{ id: string; name: string }>`select id, name from ${sql.id(s, "staff")}
            where id = any(${operatorIds}::uuid[])`.execute(db)
        ).rows.map((r) => [r.id, r.name]),
  );
  const operatorRowOf = new Map(operatorRows.map((r) => [r.operator_id, r]));
  const branchNames = new Map(branchList.rows.map((r) => [r.id, r]));

  const total = Object.fromEntries(
    [...COUNTERS, "wait_sum", "service_sum"].map((c) => [
      c,
      rollups.by_source.reduce((a, r) => a + Number(r[c] ?? 0), 0),
    ]),
  ) as Sums;
  const histOf = (key: "wait_hist" | "service_hist") =>
    Array.from({ length: HISTOGRAM_SIZE }, (_, i) =>
      rollups.by_source.reduce((a, r) => a + (r[key][i] ?? 0), 0),
    );
  const waitHist = histOf("wait_hist");
  const serviceHist = histOf("service_hist");
  // The heatmap: each day's entries and serves by local hour, summed per ISO weekday.
  const heat = new Map<
    string,
    { weekday: number; hour: number; entered: number; served: number }
  >();
  for (const d of rollups.daily) {
    const weekday = ((new Date(`${d.day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    for (let hour = 0; hour < 24; hour++) {
      const entered = d.entered[hour] ?? 0;
      const servedH = d.served_h[hour] ?? 0;
      if (entered === 0 && servedH === 0) continue;
      const k = `${weekday}|${hour}`;
      const cell = heat.get(k) ?? { weekday, hour, entered: 0, served: 0 };
      cell.entered += entered;
      cell.served += servedH;
      heat.set(k, cell);
    }
  }

  return {
    range: { from: f.from, to: f.to },
    totals: kpisOf(total),
    bySource: rollups.by_source.map((r) => ({ source: r.source, ...kpisOf(r) })),
    wait: {
      count: total.wait_count,
      p50: p(waitHist, 0.5),
      p90: p(waitHist, 0.9),
      p95: p(waitHist, 0.95),
      histogram: waitHist,
    },
    service: {
      count: total.service_count,
      p50: p(serviceHist, 0.5),
      p90: p(serviceHist, 0.9),
      histogram: serviceHist,
    },
    daily: rollups.daily.map((r) => ({ day: r.day, ...kpisOf(r) })),
    heatmap: [...heat.values()].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour),
    operators: operatorIds
      .map((id) => {
        const r = operatorRowOf.get(id);
        const st = statusTime.get(id);
        const available = st?.AVAILABLE ?? 0;
        return {
          operatorId: id,
          name: names.get(id) ?? "—",
          served: r?.served ?? 0,
          noShow: r?.no_show ?? 0,
          serviceAvgSeconds: r ? kpisOf(r).serviceAvgSeconds : null,
          waitAvgSeconds: r ? kpisOf(r).waitAvgSeconds : null,
          availableSeconds: Math.round(available),
          // Available but not serving: signed-in available time less the service time (start
          // to finish) of the tickets the operator finished in the range.
          idleSeconds: Math.round(Math.max(0, available - (r?.service_sum ?? 0))),
          breakSeconds: Math.round(st?.BREAK ?? 0),
          awaySeconds: Math.round(st?.AWAY ?? 0),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name) || a.operatorId.localeCompare(b.operatorId)),
    branches: rollups.branches
      .map((r) => ({ r, b: branchNames.get(r.branch_id)! }))
      .sort((x, y) => x.b.code.localeCompare(y.b.code))
      .map(({ r, b }) => ({ branchId: r.branch_id, name: b.name, ...kpisOf(r) })),
    ratings,
    appointments: {
      booked: total.booked,
      checkedIn: total.checked_in,
      late: total.late,
      missed: total.missed,
      cancelled: total.booking_cancelled,
    },
    quotes,
  };
}

export type Report = Awaited<ReturnType<typeof buildReport>>;
