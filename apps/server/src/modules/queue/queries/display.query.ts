import type { Db } from "../../../db/database";
import { businessDay } from "@equeue/core";
import { sql } from "kysely";
import { notFound } from "../../../shared/app-error";
import { logoUrl } from "../../companies";
import type { CompanyRecord } from "../../tenancy";
import type { DisplayCallDto, DisplaySnapshotDto } from "../http/queue-views.schema";
import type { CompanyQueryDb } from "../queue.types";
import { toDisplayCall } from "./ticket.mapper";

/** How many recent calls a board shows: people look up late, the newest alone is not enough. */
export const DISPLAY_RECENT_CALLS = 8;

export type WaitingCount = { serviceId: string; waiting: number };

export type CompanyBranches = { companyId: string; schema: string; branchIds: string[] };

/**
 * Waiting tickets per service offered at each branch (zero included), for branches of one or
 * SEVERAL companies in ONE statement (a UNION ALL over their schemas): the realtime pass after a
 * busy moment touches many companies, and one round trip per company was most of its cost.
 * Keys of the result: `companyId:branchId`.
 */
export async function waitingCountsAcrossCompanies(
  db: Db | CompanyQueryDb,
  groups: readonly CompanyBranches[],
): Promise<Map<string, WaitingCount[]>> {
  const out = new Map<string, WaitingCount[]>();
  for (const g of groups) for (const b of g.branchIds) out.set(`${g.companyId}:${b}`, []);
  if (out.size === 0) return out;
  const parts = groups.map(
    (g) => sql`select ${g.companyId}::text as company_id, bs.branch_id, bs.service_id,
        count(t.id)::int as waiting
      from ${sql.id(g.schema, "branch_services")} bs
      left join ${sql.id(g.schema, "tickets")} t
        on t.service_id = bs.service_id and t.branch_id = bs.branch_id and t.status = 'WAITING'
      where bs.enabled and bs.branch_id in (${sql.join(g.branchIds.map((b) => sql`${b}::uuid`))})
      group by bs.branch_id, bs.service_id`,
  );
  const { rows } = await sql<{
    company_id: string;
    branch_id: string;
    service_id: string;
    waiting: number;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);
  for (const r of rows) {
    out
      .get(`${r.company_id}:${r.branch_id}`)
      ?.push({ serviceId: r.service_id, waiting: r.waiting });
  }
  return out;
}

/** Waiting tickets per service offered at the branch (zero included). */
export async function waitingCounts(
  db: CompanyQueryDb,
  schema: string,
  branchId: string,
): Promise<WaitingCount[]> {
  const group = { companyId: "", schema, branchIds: [branchId] };
  return (await waitingCountsAcrossCompanies(db, [group])).get(`:${branchId}`) ?? [];
}

/** The latest calls of the branch's business day, newest first. */
export async function recentCalls(
  db: CompanyQueryDb,
  branchId: string,
  day: string,
  limit = DISPLAY_RECENT_CALLS,
): Promise<DisplayCallDto[]> {
  const rows = await db
    .selectFrom("tickets as t")
    .innerJoin("services as s", "s.id", "t.service_id")
    .innerJoin("counters as c", "c.id", "t.counter_id")
    .select([
      "t.id",
      "t.label",
      "t.called_at",
      "t.recall_count",
      "s.name as service_name",
      "c.number as counter_number",
    ])
    .where("t.branch_id", "=", branchId)
    .where("t.day", "=", day)
    .where("t.called_at", "is not", null)
    .orderBy("t.called_at", "desc")
    .limit(limit)
    .execute();
  return rows.flatMap((r) => toDisplayCall(r) ?? []);
}

/** What a display board shows: calls, counters, waiting counts — never names or phones. */
export async function displaySnapshot(
  db: CompanyQueryDb,
  company: CompanyRecord,
  branchId: string,
  now: Date,
): Promise<DisplaySnapshotDto> {
  const [branch, branding] = await Promise.all([
    db
      .selectFrom("branches")
      .select(["id", "name", "time_zone"])
      .where("id", "=", branchId)
      .executeTakeFirst(),
    // The company's colour dresses the board; it is public (the kiosk shows it too).
    db.selectFrom("branding").select("primary_color").where("id", "=", 1).executeTakeFirst(),
  ]);
  if (!branch) throw notFound("The branch");
  const services = await db
    .selectFrom("services as s")
    .innerJoin("branch_services as bs", "bs.service_id", "s.id")
    .select(["s.id", "s.name", "s.letter"])
    .where("bs.branch_id", "=", branchId)
    .where("bs.enabled", "=", true)
    .where("s.is_active", "=", true)
    .orderBy("s.letter")
    .execute();
  const counts = new Map(
    (await waitingCounts(db, company.schema_name, branchId)).map((c) => [c.serviceId, c.waiting]),
  );
  return {
    branch: { id: branch.id, name: branch.name },
    company: {
      name: company.name,
      logoUrl: logoUrl(company.logo_id),
      primaryColor: branding?.primary_color ?? null,
    },
    services: services.map((s) => ({ ...s, waiting: counts.get(s.id) ?? 0 })),
    calls: await recentCalls(db, branchId, businessDay(now, branch.time_zone)),
    at: now,
  };
}
