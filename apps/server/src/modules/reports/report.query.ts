import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database";
import type { I18nText } from "../../db/tables";
import type { CompanyRecord } from "../tenancy";
import { COUNTERS, HISTOGRAM_SIZE, NO_OPERATOR, percentile, type Counter } from "./rollup-fold";

/** A report's filter: local dates (inclusive) in each branch's time zone, optional narrowing. */
export type ReportFilter = {
  from: string;
  to: string;
  branchId?: string | undefined;
  serviceId?: string | undefined;
  operatorId?: string | undefined;
  /** The branches the caller reaches; null for all. */
  scope: string[] | null;
};

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

/** Builds and runs a report over the roll-ups (and the ratings table for ratings). */
export async function buildReport(db: Db, company: CompanyRecord, f: ReportFilter) {
  const s = company.schema_name;
  const R = sql.id(s, "report_rollups");
  const B = sql.id(s, "branches");
  const conds: RawBuilder<unknown>[] = [
    sql`r.bucket >= (${f.from}::date::timestamp at time zone b.time_zone)`,
    sql`r.bucket < ((${f.to}::date + 1)::timestamp at time zone b.time_zone)`,
  ];
  if (f.scope) conds.push(sql`r.branch_id = any(${f.scope}::uuid[])`);
  if (f.branchId) conds.push(sql`r.branch_id = ${f.branchId}`);
  if (f.serviceId) conds.push(sql`r.service_id = ${f.serviceId}`);
  if (f.operatorId) conds.push(sql`r.operator_id = ${f.operatorId}`);
  const from = sql`from ${R} r join ${B} b on b.id = r.branch_id where ${sql.join(conds, sql` and `)}`;
  const local = sql`(r.bucket at time zone b.time_zone)`;

  const bySource = await sql<Sums & { source: string }>`
    select r.source, ${SUMS} ${from} group by r.source order by r.source`.execute(db);
  const hists = await sql<{ i: number; w: number; sv: number }>`
    select u.i::int as i, coalesce(sum(u.w), 0)::int as w, coalesce(sum(u.sv), 0)::int as sv
    from ${R} r join ${B} b on b.id = r.branch_id
    cross join lateral unnest(r.wait_hist, r.service_hist) with ordinality as u(w, sv, i)
    where ${sql.join(conds, sql` and `)} group by u.i`.execute(db);
  const daily = await sql<Sums & { day: string }>`
    select to_char(${local}, 'YYYY-MM-DD') as day, ${SUMS} ${from} group by 1 order by 1`.execute(
    db,
  );
  const heat = await sql<{ weekday: number; hour: number; entered: number; served: number }>`
    select extract(isodow from ${local})::int as weekday, extract(hour from ${local})::int as hour,
      sum(r.issued + r.checked_in)::int as entered, sum(r.served)::int as served
    ${from} group by 1, 2
    having sum(r.issued + r.checked_in) > 0 or sum(r.served) > 0 order by 1, 2`.execute(db);
  const ops = await sql<Sums & { operator_id: string; name: string | null }>`
    select r.operator_id, min(st.name) as name, ${SUMS}
    from ${R} r join ${B} b on b.id = r.branch_id
    left join ${sql.id(s, "staff")} st on st.id = r.operator_id
    where ${sql.join(conds, sql` and `)} and r.operator_id <> ${NO_OPERATOR}::uuid
    group by r.operator_id order by 2`.execute(db);
  const branches = await sql<Sums & { branch_id: string; name: I18nText }>`
    select r.branch_id, min(b.name::text)::jsonb as name, ${SUMS} ${from}
    group by r.branch_id order by min(b.code)`.execute(db);

  // Ratings are not queue events: read from their table, in the same local range and filters.
  const G = sql.id(s, "ratings");
  const T = sql.id(s, "tickets");
  const rconds: RawBuilder<unknown>[] = [
    sql`g.created_at >= (${f.from}::date::timestamp at time zone b.time_zone)`,
    sql`g.created_at < ((${f.to}::date + 1)::timestamp at time zone b.time_zone)`,
  ];
  if (f.scope) rconds.push(sql`g.branch_id = any(${f.scope}::uuid[])`);
  if (f.branchId) rconds.push(sql`g.branch_id = ${f.branchId}`);
  if (f.serviceId) rconds.push(sql`g.service_id = ${f.serviceId}`);
  if (f.operatorId) rconds.push(sql`t.operator_id = ${f.operatorId}`);
  const rfrom = sql`from ${G} g join ${B} b on b.id = g.branch_id join ${T} t on t.id = g.ticket_id
    where ${sql.join(rconds, sql` and `)}`;
  const dist = await sql<{ stars: number; n: number }>`
    select g.stars::int as stars, count(*)::int as n ${rfrom} group by 1`.execute(db);
  const comments = await sql<{
    stars: number;
    comment: string;
    created_at: Date;
    label: string;
    branch_id: string;
  }>`select g.stars::int as stars, g.comment, g.created_at, t.label, g.branch_id ${rfrom}
    and g.comment is not null order by g.created_at desc limit 50`.execute(db);

  const total = Object.fromEntries(
    [...COUNTERS, "wait_sum", "service_sum"].map((c) => [
      c,
      bySource.rows.reduce((a, r) => a + Number(r[c as Counter]), 0),
    ]),
  ) as Sums;
  const waitHist = new Array<number>(HISTOGRAM_SIZE).fill(0);
  const serviceHist = new Array<number>(HISTOGRAM_SIZE).fill(0);
  for (const h of hists.rows) {
    waitHist[h.i - 1] = h.w;
    serviceHist[h.i - 1] = h.sv;
  }
  const distribution = [1, 2, 3, 4, 5].map((stars) => ({
    stars,
    count: dist.rows.find((d) => d.stars === stars)?.n ?? 0,
  }));
  const rated = distribution.reduce((a, d) => a + d.count, 0);
  const starsTotal = distribution.reduce((a, d) => a + d.count * d.stars, 0);

  return {
    range: { from: f.from, to: f.to },
    totals: kpisOf(total),
    bySource: bySource.rows.map((r) => ({ source: r.source, ...kpisOf(r) })),
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
    daily: daily.rows.map((r) => ({ day: r.day, ...kpisOf(r) })),
    heatmap: heat.rows,
    operators: ops.rows.map((r) => ({
      operatorId: r.operator_id,
      name: r.name ?? "—",
      served: r.served,
      noShow: r.no_show,
      serviceAvgSeconds: kpisOf(r).serviceAvgSeconds,
      waitAvgSeconds: kpisOf(r).waitAvgSeconds,
    })),
    branches: branches.rows.map((r) => ({ branchId: r.branch_id, name: r.name, ...kpisOf(r) })),
    ratings: {
      count: rated,
      average: rated > 0 ? Math.round((starsTotal / rated) * 10) / 10 : null,
      distribution,
      comments: comments.rows.map((c) => ({
        stars: c.stars,
        comment: c.comment,
        createdAt: c.created_at,
        ticket: c.label,
        branchId: c.branch_id,
      })),
    },
    appointments: {
      booked: total.booked,
      checkedIn: total.checked_in,
      late: total.late,
      missed: total.missed,
      cancelled: total.booking_cancelled,
    },
  };
}

export type Report = Awaited<ReturnType<typeof buildReport>>;
