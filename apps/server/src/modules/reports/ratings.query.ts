import { sql } from "kysely";
import type { Db } from "../../db/database";
import type { ReportFilter } from "./report-filter";

type RatingComment = {
  stars: number;
  comment: string;
  createdAt: Date;
  ticket: string;
  branchId: string;
};

/**
 * The report's ratings: read from `ratings` (not queue events), in each branch's local range and
 * the report's filters; the distribution and the latest 50 comments in one statement.
 */
export async function ratingsOf(db: Db, s: string, f: ReportFilter) {
  const conds = [
    sql`g.created_at >= (${f.from}::date::timestamp at time zone b.time_zone)`,
    sql`g.created_at < ((${f.to}::date + 1)::timestamp at time zone b.time_zone)`,
  ];
  if (f.scope) conds.push(sql`g.branch_id = any(${f.scope}::uuid[])`);
  if (f.branchId) conds.push(sql`g.branch_id = ${f.branchId}`);
  if (f.serviceId) conds.push(sql`g.service_id = ${f.serviceId}`);
  if (f.operatorId) conds.push(sql`t.operator_id = ${f.operatorId}`);
  const { rows } = await sql<{ dist: { stars: number; n: number }[]; comments: RatingComment[] }>`
    with g as (select g.stars::int as stars, g.comment, g.created_at, t.label, g.branch_id
      from ${sql.id(s, "ratings")} g join ${sql.id(s, "branches")} b on b.id = g.branch_id
        join ${sql.id(s, "tickets")} t on t.id = g.ticket_id
      where ${sql.join(conds, sql` and `)})
    select
      (select coalesce(json_agg(x), '[]'::json) from
        (select stars, count(*)::int as n from g group by 1) x) as dist,
      (select coalesce(json_agg(x), '[]'::json) from
        (select stars, comment, created_at as "createdAt", label as ticket, branch_id as "branchId"
          from g where comment is not null order by created_at desc limit 50) x) as comments`.execute(
    db,
  );
  const dist = rows[0]?.dist ?? [];
  const distribution = [1, 2, 3, 4, 5].map((stars) => ({
    stars,
    count: dist.find((d) => d.stars === stars)?.n ?? 0,
  }));
  const count = distribution.reduce((a, d) => a + d.count, 0);
  const starsTotal = distribution.reduce((a, d) => a + d.count * d.stars, 0);
  return {
    count,
    average: count > 0 ? Math.round((starsTotal / count) * 10) / 10 : null,
    distribution,
    comments: (rows[0]?.comments ?? []).map((c) => ({ ...c, createdAt: new Date(c.createdAt) })),
  };
}
