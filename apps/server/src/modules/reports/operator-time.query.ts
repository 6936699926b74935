import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database";
import type { ReportFilter } from "./report-filter";

export type StatusSeconds = Partial<Record<"AVAILABLE" | "BREAK" | "AWAY", number>>;

/**
 * Seconds each operator spent available, on a break and away within each branch's local range,
 * from the status change log: every change lasts until the operator's next change (or now),
 * clipped to the range; the change in effect when the range starts counts from its start.
 */
export async function operatorStatusTime(
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
