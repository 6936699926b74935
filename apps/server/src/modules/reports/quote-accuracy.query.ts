import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database";
import type { CompanyRecord } from "../tenancy";

/** The report's filter (report.query's ReportFilter) as this section reads it. */
type QuoteFilter = {
  from: string;
  to: string;
  branchId?: string | undefined;
  serviceId?: string | undefined;
  operatorId?: string | undefined;
  scope: string[] | null;
};

/** How the waits quoted at issue compared with the waits that followed (served tickets). */
export type QuoteAccuracy = {
  /** Served tickets in the range that had a quote. */
  count: number;
  /** Mean |actual − quoted| wait, minutes. */
  maeMinutes: number | null;
  /** Mean (actual − quoted) wait, minutes: positive when customers waited longer than quoted. */
  biasMinutes: number | null;
  /** Share whose actual wait fell inside the quoted range (low ≤ actual ≤ high minutes). */
  withinRange: number | null;
  /** Share who waited longer than the quoted range's upper end. */
  underEstimated: number | null;
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const share = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);

/**
 * "Quoted vs actual": the served tickets of the range (their business day, the branch's own)
 * that were quoted a wait at issue, the wait being issue (queue entry) to call. Read straight
 * from the tickets by the partial index on quoted tickets (day, branch), not from roll-ups.
 */
export async function quoteAccuracy(
  db: Db,
  company: CompanyRecord,
  f: QuoteFilter,
): Promise<QuoteAccuracy> {
  const conds: RawBuilder<unknown>[] = [
    sql`t.quoted_wait_minutes is not null`,
    sql`t.day between ${f.from}::date and ${f.to}::date`,
    sql`t.status = 'COMPLETED'`,
    sql`t.called_at is not null`,
  ];
  if (f.scope) conds.push(sql`t.branch_id = any(${f.scope}::uuid[])`);
  if (f.branchId) conds.push(sql`t.branch_id = ${f.branchId}`);
  if (f.serviceId) conds.push(sql`t.service_id = ${f.serviceId}`);
  if (f.operatorId) conds.push(sql`t.operator_id = ${f.operatorId}`);
  const { rows } = await sql<{
    n: number;
    mae: number | null;
    bias: number | null;
    inside: number;
    under: number;
  }>`select count(*)::int as n, avg(abs(w - q))::float8 as mae, avg(w - q)::float8 as bias,
      (count(*) filter (where w >= lo and w <= hi))::int as inside,
      (count(*) filter (where w > hi))::int as under
    from (select
        extract(epoch from t.called_at - coalesce(t.queued_at, t.created_at))::float8 / 60 as w,
        t.quoted_wait_minutes as q, t.quoted_wait_low as lo, t.quoted_wait_high as hi
      from ${sql.id(company.schema_name, "tickets")} t
      where ${sql.join(conds, sql` and `)}) x`.execute(db);
  const r = rows[0]!;
  return {
    count: r.n,
    maeMinutes: r.mae === null ? null : round1(r.mae),
    biasMinutes: r.bias === null ? null : round1(r.bias),
    withinRange: share(r.inside, r.n),
    underEstimated: share(r.under, r.n),
  };
}
