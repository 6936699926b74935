import { sql, type RawBuilder } from "kysely";
import { DAY_TIERS, SUM_COLUMNS, histSum, type DayTier } from "./day-tier";
import { HISTOGRAM_SIZE } from "./rollup-fold";

/**
 * The month tiers of the roll-ups (docs/reports.md): each day tier summed per branch, branch-local
 * month (its first day) and the same keys, so a year reads 12 rows per key instead of 365. Full
 * tiers keep the two histograms (fixed buckets add up, so percentiles stay exact to the bucket)
 * and, for the heatmap, entries and serves by local weekday × hour (168 values each, Monday 00:00
 * first). The subscriber takes a day out of its month before it recomputes the day and adds it
 * back after (`foldDay`); the migration fills them with the same sums (`backfillMonthTier`).
 */
export type MonthTier = DayTier & {
  /** The day tier it sums. */
  days: string;
};

export const WEEK_HOURS = 7 * 24;

const monthTable = (day: string) =>
  day === "report_days" ? "report_months" : day.replace(/^report_day_/, "report_month_");

export const MONTH_TIERS: readonly MonthTier[] = DAY_TIERS.map((t) => ({
  ...t,
  table: monthTable(t.table),
  days: t.table,
}));

export const monthTierOf = (dayTable: string): MonthTier =>
  MONTH_TIERS.find((m) => m.days === dayTable)!;

export const MONTH_FULL_COLUMNS = `wait_hist integer[] not null,
      service_hist integer[] not null,
      entered_by_week_hour integer[] not null,
      served_by_week_hour integer[] not null`;

/** The month tier's value columns, in the order of `monthSelect`. */
export const monthColumns = (t: MonthTier) =>
  [
    ...SUM_COLUMNS.map(([c]) => c),
    ...(t.full ? ["wait_hist", "service_hist", "entered_by_week_hour", "served_by_week_hour"] : []),
  ].join(", ");

/**
 * A day row's weekday, 0 = Monday, and its month's first day. The month is truncated as a
 * timestamp without time zone, which is IMMUTABLE: Citus refuses a STABLE function over a
 * column in an UPDATE (`date_trunc` of a date goes through timestamptz, which is STABLE).
 */
const WEEKDAY = "(extract(isodow from r.day)::int - 1)";
const monthOf = (day: string) => `date_trunc('month', ${day}::timestamp)::date`;
const MONTH = monthOf("r.day");

// A day row's hour-of-day array placed at its weekday (0 = Monday).
const byWeekHour = (column: string) =>
  `array[${Array.from(
    { length: WEEK_HOURS },
    (_, i) =>
      `coalesce(sum(r.${column}[${(i % 24) + 1}]) filter (where ${WEEKDAY} = ${Math.floor(i / 24)}), 0)::int`,
  ).join(", ")}]`;

/** The sums of day rows `r` for the tier's value columns. */
export const monthSelect = (t: MonthTier) =>
  [
    ...SUM_COLUMNS.map(([, e]) => e),
    ...(t.full
      ? [
          histSum("wait_hist"),
          histSum("service_hist"),
          byWeekHour("entered_by_hour"),
          byWeekHour("served_by_hour"),
        ]
      : []),
  ].join(", ");

/**
 * Fills a month tier from every day row (the tier must be empty): one statement. The sums are a
 * MATERIALIZED CTE that the insert reads: Citus 13.2 pushes a plain INSERT … SELECT … GROUP BY on
 * a schema-sharded table down to the worker with a broken filter (`WHERE ( IS NOT NULL)`, a
 * syntax error), and every company's provisioning failed there; this form it runs as "pull to
 * coordinator" — the sums on the worker, only the month rows back. PostgreSQL runs both the same.
 */
export function backfillMonthTier(schema: string, t: MonthTier): string {
  const keys = t.keys.map((k) => `r.${k}`).join(", ");
  return `with m as materialized (
      select r.branch_id, ${MONTH}, ${keys}, ${monthSelect(t)}
      from ${schema}.${t.days} r
      group by r.branch_id, ${MONTH}, ${keys})
    insert into ${schema}.${t.table} (branch_id, month, ${t.keys.join(", ")}, ${monthColumns(t)})
    select * from m`;
}

const combine = (m: string, e: string, op: "+" | "-") =>
  `array(select a ${op} b from unnest(${m}, ${e}) as u(a, b))`;
const lengthOf = (column: string) => (column.endsWith("_hist") ? HISTOGRAM_SIZE : WEEK_HOURS);

/** The day rows `r` of the given branch-local days. */
const pickedDays = (dayTable: string, days: readonly { branch_id: string; day: string }[]) =>
  sql`${sql.raw(dayTable)} r
    join unnest(${days.map((d) => d.branch_id)}::uuid[], ${days.map((d) => d.day)}::date[])
      as d(branch_id, day) on r.branch_id = d.branch_id and r.day = d.day`;

/**
 * The sums of the given days' rows per month row, for `foldDays`. The same figures as
 * `monthSelect`, but its weekday × hour arrays (336 filtered sums) took PostgreSQL 30–40 ms to
 * plan on every fold, for a handful of rows: here each day row meets the 168 week hours once
 * (`generate_series`), the sums are per week hour and the arrays are put together after.
 */
function foldSums(
  dayTable: string,
  t: MonthTier,
  days: readonly { branch_id: string; day: string }[],
): RawBuilder<unknown> {
  const rKeys = t.keys.map((k) => `, r.${k}`).join("");
  const picked = pickedDays(dayTable, days);
  const scalars = [...SUM_COLUMNS.map(([, e]) => e)];
  if (!t.full)
    return sql`select r.branch_id, ${sql.raw(MONTH)}${sql.raw(rKeys)}, ${sql.raw(scalars.join(", "))}
    from ${picked}
    group by r.branch_id, ${sql.raw(MONTH)}${sql.raw(rKeys)}`;
  const xKeys = t.keys.map((k) => `, x.${k}`).join("");
  const hour = (column: string) =>
    `coalesce(sum(r.${column}[g.i % 24 + 1]) filter (where ${WEEKDAY} = g.i / 24), 0)::int`;
  return sql`select s.*, w.entered, w.served from (
      select r.branch_id, ${sql.raw(MONTH)} as month${sql.raw(rKeys)},
        ${sql.raw([...scalars, histSum("wait_hist"), histSum("service_hist")].join(", "))}
      from ${picked}
      group by r.branch_id, ${sql.raw(MONTH)}${sql.raw(rKeys)}) s
    join (
      select x.branch_id, x.month${sql.raw(xKeys)},
        array_agg(x.entered order by x.i) as entered, array_agg(x.served order by x.i) as served
      from (
        select r.branch_id, ${sql.raw(MONTH)} as month${sql.raw(rKeys)}, g.i,
          ${sql.raw(hour("entered_by_hour"))} as entered, ${sql.raw(hour("served_by_hour"))} as served
        from ${picked} cross join generate_series(0, ${sql.lit(WEEK_HOURS - 1)}) as g(i)
        group by r.branch_id, ${sql.raw(MONTH)}${sql.raw(rKeys)}, g.i) x
      group by x.branch_id, x.month${sql.raw(xKeys)}) w
    on ${sql.raw(["branch_id", "month", ...t.keys].map((k) => `w.${k} = s.${k}`).join(" and "))}`;
}

/**
 * Adds branch-local days' rows of a day tier to its month tier (`+`) or takes them out (`-`),
 * for all `days` at once: the days' rows are summed per month row first (two days of one month
 * meet in one month row). The subscriber takes the days out before it recomputes them and adds
 * them back after, so a month stays the sum of its days without being recomputed. Returns the
 * statements to run in order.
 *
 * Taking out is an update that combines the arrays with `unnest`. Adding to a tier without arrays
 * is an upsert (`ON CONFLICT … DO UPDATE`). A full tier's arrays could be added in an upsert only
 * element by element (Citus refuses a subquery in `ON CONFLICT`), ~400 expressions that took
 * PostgreSQL 9–10 ms to plan on every fold; so a full tier first gets the month rows it lacks,
 * at zero, and then the same update as taking out, with `+`.
 */
export function foldDays(
  schema: string,
  t: MonthTier,
  op: "+" | "-",
  days: readonly { branch_id: string; day: string }[],
): RawBuilder<unknown>[] {
  const M = `${schema}.${t.table}`;
  const keys = ["branch_id", "month", ...t.keys];
  const columns = [...keys, ...monthColumns(t).split(", ")];
  const sums = foldSums(`${schema}.${t.days}`, t, days);
  const values = monthColumns(t).split(", ");
  const update = sql`update ${sql.raw(M)} m set ${sql.raw(
    values
      .map((c) =>
        c.endsWith("_hist") || c.endsWith("_week_hour")
          ? `${c} = ${combine(`m.${c}`, `s.${c}`, op)}`
          : `${c} = m.${c} ${op} s.${c}`,
      )
      .join(", "),
  )}
      from (${sums}) as s(${sql.raw(columns.join(", "))})
      where ${sql.raw(keys.map((k) => `m.${k} = s.${k}`).join(" and "))}`;
  if (op === "-") return [update];
  if (t.full) {
    const zero = (c: string) =>
      c.endsWith("_hist") || c.endsWith("_week_hour")
        ? `array_fill(0, array[${lengthOf(c)}])`
        : "0";
    const rKeys = t.keys.map((k) => `, r.${k}`).join("");
    // A MATERIALIZED CTE, as in `backfillMonthTier`: Citus pushes a plain INSERT … SELECT that
    // groups down to the worker broken.
    const missing = sql`with k as materialized (
        select distinct r.branch_id, ${sql.raw(MONTH)}${sql.raw(rKeys)}
        from ${pickedDays(`${schema}.${t.days}`, days)})
      insert into ${sql.raw(M)} (${sql.raw(columns.join(", "))})
      select k.*, ${sql.raw(values.map(zero).join(", "))} from k
      on conflict (${sql.raw(keys.join(", "))}) do nothing`;
    return [missing, update];
  }
  // The sums are a MATERIALIZED CTE, as in `backfillMonthTier` (Citus).
  return [
    sql`with s(${sql.raw(columns.join(", "))}) as materialized (${sums})
    insert into ${sql.raw(M)} (${sql.raw(columns.join(", "))})
    select * from s
    on conflict (${sql.raw(keys.join(", "))}) do update set ${sql.raw(
      values.map((c) => `${c} = ${M}.${c} + excluded.${c}`).join(", "),
    )}`,
  ];
}

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A range of local dates (inclusive) cut into its whole months (`months`: the first days of the
 * first and last, or null) and the days around them (`days`: up to two inclusive ranges; the
 * whole range when it holds no whole month).
 */
export function splitRange(
  from: string,
  to: string,
): { months: [string, string] | null; days: [string, string][] } {
  const f = new Date(`${from}T00:00:00Z`);
  const t = new Date(`${to}T00:00:00Z`);
  const first =
    f.getUTCDate() === 1 ? f : new Date(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, 1));
  const after = new Date(t.getTime() + DAY_MS);
  const end =
    after.getUTCDate() === 1 ? after : new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1));
  if (first >= end) return { months: null, days: [[from, to]] };
  const days: [string, string][] = [];
  if (f < first) days.push([from, isoDay(new Date(first.getTime() - DAY_MS))]);
  if (end <= t) days.push([isoDay(end), to]);
  const last = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1));
  return { months: [isoDay(first), isoDay(last)], days };
}
