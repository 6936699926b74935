import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database";
import type { I18nText } from "../../db/tables";
import { notFound } from "../../shared/app-error";
import type { CompanyRecord } from "../tenancy";
import { operatorStatusTime } from "./operator-time.query";
import { quoteAccuracy } from "./quote-accuracy.query";
import { ratingsOf } from "./ratings.query";
import type { ReportFilter } from "./report-filter";
import { COUNTERS, HISTOGRAM_SIZE, percentile } from "./rollup-fold";
import { heatmapOf, readRollups, type Sums } from "./rollup-read";

export type { ReportFilter };

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

/**
 * Builds and runs a report over the roll-ups (and the ratings table for ratings); `months: false`
 * reads day rows only, for the tests that compare both ways.
 */
/**
 * A branch, service or operator the filter names must be this company's: another company's id,
 * or one that never was, is not found (404) rather than a report of zeros. One statement.
 */
async function assertKnownFilterIds(db: Db, schema: string, f: ReportFilter): Promise<void> {
  const named = [
    { id: f.branchId, table: "branches", what: "The branch" },
    { id: f.serviceId, table: "services", what: "The service" },
    { id: f.operatorId, table: "staff", what: "The operator" },
  ].filter((c): c is { id: string; table: string; what: string } => c.id !== undefined);
  if (named.length === 0) return;
  const { rows } = await sql<Record<string, boolean>>`select ${sql.join(
    named.map(
      (c, i) =>
        sql`exists (select 1 from ${sql.id(schema, c.table)} where id = ${c.id}) as ${sql.id(`k${i}`)}`,
    ),
  )}`.execute(db);
  named.forEach((c, i) => {
    if (!rows[0]?.[`k${i}`]) throw notFound(c.what);
  });
}

export async function buildReport(
  db: Db,
  company: CompanyRecord,
  f: ReportFilter,
  opts: { months?: boolean } = {},
) {
  const s = company.schema_name;
  await assertKnownFilterIds(db, s, f);
  const bconds: RawBuilder<unknown>[] = [];
  if (f.scope) bconds.push(sql`b.id = any(${f.scope}::uuid[])`);
  if (f.branchId) bconds.push(sql`b.id = ${f.branchId}`);
  const [rollups, statusTime, branchList, ratings, quotes] = await Promise.all([
    readRollups(db, s, f, bconds, opts),
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
    heatmap: heatmapOf(rollups),
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
