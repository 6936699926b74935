import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database";
import type { I18nText } from "../../db/tables";
import type { CompanyRecord } from "../tenancy";
import { quoteAccuracy } from "./quote-accuracy.query";
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

/** Histogram sums element by element (1-based in SQL): wh1…, sh1…. */
const HIST_SUMS = sql.raw(
  Array.from(
    { length: HISTOGRAM_SIZE },
    (_, i) =>
      `coalesce(sum(r.wait_hist[${i + 1}]), 0)::int as wh${i + 1}, ` +
      `coalesce(sum(r.service_hist[${i + 1}]), 0)::int as sh${i + 1}`,
  ).join(", "),
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
  // Each branch's local range as UTC instants first, so the roll-ups are read by an index range
  // per branch (primary key: branch, bucket, …) and no row's time is converted to filter it.
  const bconds: RawBuilder<unknown>[] = [sql`true`];
  if (f.scope) bconds.push(sql`b.id = any(${f.scope}::uuid[])`);
  if (f.branchId) bconds.push(sql`b.id = ${f.branchId}`);
  const conds: RawBuilder<unknown>[] = [sql`true`];
  if (f.serviceId) conds.push(sql`r.service_id = ${f.serviceId}`);
  if (f.operatorId) conds.push(sql`r.operator_id = ${f.operatorId}`);
  // Without a service or operator filter the day tier answers (a row per branch, local day and
  // source, and per branch, day and operator); with one, the 15-minute roll-ups, each branch's
  // local range turned into UTC instants first so they are read by an index range per branch.
  const byDay = !f.serviceId && !f.operatorId;
  const ranged = byDay
    ? sql`from ${B} b join ${sql.id(s, "report_days")} r on r.branch_id = b.id
        and r.day >= ${f.from}::date and r.day <= ${f.to}::date`
    : sql`from (select b.id, b.time_zone,
          (${f.from}::date::timestamp at time zone b.time_zone) as lo,
          ((${f.to}::date + 1)::timestamp at time zone b.time_zone) as hi
        from ${B} b where ${sql.join(bconds, sql` and `)}) b
      join ${R} r on r.branch_id = b.id and r.bucket >= b.lo and r.bucket < b.hi`;
  if (byDay) conds.push(...bconds);
  const where = sql`where ${sql.join(conds, sql` and `)}`;
  const local = sql`(r.bucket at time zone b.time_zone)`;

  type Row = Sums & Record<string, unknown>;
  const q = async <R extends Row>(
    select: RawBuilder<unknown>,
    group?: RawBuilder<unknown>,
    from: RawBuilder<unknown> = ranged,
  ) =>
    (
      await sql<R>`select ${select}, ${SUMS} ${from} ${where}
        ${group ? sql`group by ${group} order by ${group}` : sql``}`.execute(db)
    ).rows;
  // A few plain aggregates; the histograms summed element by element with the totals.
  const [all] = await q<Row>(HIST_SUMS);
  const bySourceRows = await q<Row & { source: string }>(sql`r.source`, sql`r.source`);
  const branchRows = await q<Row & { branch_id: string }>(sql`r.branch_id`, sql`r.branch_id`);
  const operatorRows = (
    await q<Row & { operator_id: string }>(
      sql`r.operator_id`,
      sql`r.operator_id`,
      byDay
        ? sql`from ${B} b join ${sql.id(s, "report_day_operators")} r on r.branch_id = b.id
            and r.day >= ${f.from}::date and r.day <= ${f.to}::date`
        : ranged,
    )
  ).filter((r) => r.operator_id !== NO_OPERATOR);
  const dailyRows = await q<Row & { day: string }>(
    byDay ? sql`to_char(r.day, 'YYYY-MM-DD') as day` : sql`to_char(${local}, 'YYYY-MM-DD') as day`,
    sql`1`,
  );
  const heatRows = (
    byDay
      ? await heatFromDays()
      : await q<Row & { weekday: number; hour: number }>(
          sql`extract(isodow from ${local})::int as weekday, extract(hour from ${local})::int as hour`,
          sql`1, 2`,
        )
  ).filter((r) => r.issued + r.checked_in > 0 || r.served > 0);
  /** The heatmap from the day tier: its entries and serves by local hour, summed per weekday. */
  async function heatFromDays() {
    const cols = Array.from(
      { length: 24 },
      (_, h) =>
        `coalesce(sum(r.entered_by_hour[${h + 1}]), 0)::int as e${h}, ` +
        `coalesce(sum(r.served_by_hour[${h + 1}]), 0)::int as s${h}`,
    ).join(", ");
    const rows = (
      await sql<Record<string, number>>`select extract(isodow from r.day)::int as weekday,
        ${sql.raw(cols)} ${ranged} ${where} group by 1 order by 1`.execute(db)
    ).rows;
    return rows.flatMap((r) =>
      Array.from({ length: 24 }, (_, h) => ({
        weekday: r.weekday!,
        hour: h,
        issued: r[`e${h}`]!,
        checked_in: 0,
        served: r[`s${h}`]!,
      })),
    );
  }
  const statusTime = await operatorStatusTime(db, s, f, bconds);
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
  const branchNames = new Map(
    (
      await sql<{
        id: string;
        name: I18nText;
        code: string;
      }>`select id, name, code from ${B}`.execute(db)
    ).rows.map((r) => [r.id, r]),
  );
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

  const quotes = await quoteAccuracy(db, company, f);

  const zero = Object.fromEntries(
    [...COUNTERS, "wait_sum", "service_sum"].map((c) => [c, 0]),
  ) as Sums;
  const total: Sums = all ?? zero;
  const histOf = (prefix: "wh" | "sh") =>
    Array.from({ length: HISTOGRAM_SIZE }, (_, i) => Number(all?.[`${prefix}${i + 1}`] ?? 0));
  const waitHist = histOf("wh");
  const serviceHist = histOf("sh");
  const distribution = [1, 2, 3, 4, 5].map((stars) => ({
    stars,
    count: dist.rows.find((d) => d.stars === stars)?.n ?? 0,
  }));
  const rated = distribution.reduce((a, d) => a + d.count, 0);
  const starsTotal = distribution.reduce((a, d) => a + d.count * d.stars, 0);

  return {
    range: { from: f.from, to: f.to },
    totals: kpisOf(total),
    bySource: bySourceRows.map((r) => ({ source: r.source, ...kpisOf(r) })),
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
    daily: dailyRows.map((r) => ({ day: r.day, ...kpisOf(r) })),
    heatmap: heatRows.map((r) => ({
      weekday: r.weekday,
      hour: r.hour,
      entered: r.issued + r.checked_in,
      served: r.served,
    })),
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
    branches: branchRows
      .map((r) => ({ r, b: branchNames.get(r.branch_id)! }))
      .sort((x, y) => x.b.code.localeCompare(y.b.code))
      .map(({ r, b }) => ({ branchId: r.branch_id, name: b.name, ...kpisOf(r) })),
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
    quotes,
  };
}

export type Report = Awaited<ReturnType<typeof buildReport>>;

type StatusSeconds = Partial<Record<"AVAILABLE" | "BREAK" | "AWAY", number>>;

/**
 * Seconds each operator spent available, on a break and away within each branch's local range,
 * from the status change log: every change lasts until the operator's next change (or now),
 * clipped to the range; the change in effect when the range starts counts from its start.
 */
async function operatorStatusTime(
  db: Db,
  s: string,
  f: ReportFilter,
  bconds: RawBuilder<unknown>[],
): Promise<Map<string, StatusSeconds>> {
  const L = sql.id(s, "operator_status_log");
  const staff = f.operatorId ? sql`and l.staff_id = ${f.operatorId}` : sql``;
  const rows = await sql<{ staff_id: string; status: keyof StatusSeconds; seconds: number }>`
    with b as (select b.id,
        (${f.from}::date::timestamp at time zone b.time_zone) as lo,
        ((${f.to}::date + 1)::timestamp at time zone b.time_zone) as hi
      from ${sql.id(s, "branches")} b where ${sql.join(bconds, sql` and `)}),
    span as (select min(lo) as lo, max(hi) as hi from b),
    picked as (
      select l.id, l.staff_id, l.branch_id, l.status, l.at from ${L} l, span
        where l.at >= span.lo and l.at < span.hi ${staff}
      union
      select p.id, p.staff_id, p.branch_id, p.status, p.at
        from (select distinct l.staff_id from ${L} l, span
          where l.at >= span.lo and l.at < span.hi ${staff}
          union select o.staff_id from ${sql.id(s, "operator_status")} o
          where true ${f.operatorId ? sql`and o.staff_id = ${f.operatorId}` : sql``}) st
        cross join span
        cross join lateral (select l.id, l.staff_id, l.branch_id, l.status, l.at from ${L} l
          where l.staff_id = st.staff_id and l.at < span.lo order by l.at desc, l.id desc limit 1) p),
    spans as (select x.*, coalesce(lead(x.at) over (partition by x.staff_id order by x.at, x.id),
        now()) as until from picked x)
    select x.staff_id, x.status,
      sum(extract(epoch from least(x.until, b.hi) - greatest(x.at, b.lo)))::float8 as seconds
    from spans x join b on b.id = x.branch_id
    where x.status in ('AVAILABLE', 'BREAK', 'AWAY') and x.until > b.lo and x.at < b.hi
      and x.until > x.at
    group by 1, 2`.execute(db);
  const out = new Map<string, StatusSeconds>();
  for (const r of rows.rows) {
    const m = out.get(r.staff_id) ?? {};
    m[r.status] = Number(r.seconds);
    out.set(r.staff_id, m);
  }
  return out;
}
