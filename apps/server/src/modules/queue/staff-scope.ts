import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database";
import type { OperatorStatusValue, StaffRole } from "../../db/tables";
import { AppError, notFound } from "../../shared/app-error";
import type { BranchFilter } from "./ticket.repository";
import type { CompanyQueryDb } from "./queue.types";

/** Where a staff member works right now: a counter at a branch, with a status. */
export type CounterSession = {
  branchId: string;
  counterId: string;
  counterNumber: number;
  status: OperatorStatusValue;
  reason: string | null;
  since: Date;
};

/** Who the caller is for the queue: its branches, its counter session, its open ticket. */
export type StaffScope = {
  staffId: string;
  name: string;
  role: StaffRole;
  homeBranchId: string | null;
  defaultCounterId: string | null;
  branches: BranchFilter;
  /** Null when the staff member is not signed in at a counter (no row, or OFFLINE). */
  session: CounterSession | null;
  currentTicket: { id: string; label: string } | null;
  /** Services this staff member handles that its session's branch offers, with head starts. */
  sessionServices: { id: string; headStartSeconds: number }[];
};

export type ScopeRow = {
  id: string;
  name: string;
  role: StaffRole;
  is_active: boolean;
  branch_id: string | null;
  default_counter_id: string | null;
  session_branch_id: string | null;
  counter_id: string | null;
  status: OperatorStatusValue | null;
  reason: string | null;
  since: Date | string | null;
  counter_number: number | null;
  ticket_id: string | null;
  ticket_label: string | null;
  session_services: [string, number][] | null;
  extra_branch_ids: string[] | null;
};

/**
 * The one query behind loadStaffScope, run on every staff request: hand-written (building it
 * through the query builder took as long as running it) and exported so it can be EXPLAINed.
 */
export function staffScopeQuery(schema: string, staffId: string): RawBuilder<ScopeRow> {
  const t = (name: string) => sql.id(schema, name);
  return sql<ScopeRow>`
    select s.id, s.name, s.role, s.is_active, s.branch_id, s.counter_id as default_counter_id,
      o.branch_id as session_branch_id, o.counter_id, o.status, o.reason, o.since,
      c.number as counter_number, tk.id as ticket_id, tk.label as ticket_label,
      (select coalesce(json_agg(json_build_array(sv.id, sv.head_start_seconds)), '[]'::json)
        from ${t("staff_services")} ss
        join ${t("branch_services")} bs
          on bs.service_id = ss.service_id and bs.branch_id = o.branch_id and bs.enabled
        join ${t("services")} sv on sv.id = ss.service_id and sv.is_active
        where ss.staff_id = s.id) as session_services,
      (select coalesce(json_agg(sb.branch_id), '[]'::json)
        from ${t("staff_branches")} sb where sb.staff_id = s.id) as extra_branch_ids
    from ${t("staff")} s
    left join ${t("operator_status")} o on o.staff_id = s.id
    left join ${t("counters")} c on c.id = o.counter_id
    left join ${t("tickets")} tk on tk.operator_id = s.id and tk.status in ('CALLED', 'SERVING')
    where s.id = ${staffId}`;
}

/** Loads the caller's scope in one query; a deactivated account is refused. */
export async function loadStaffScope(
  db: Db,
  company: { schema_name: string },
  staffId: string,
): Promise<StaffScope> {
  return scopeFromRow((await staffScopeQuery(company.schema_name, staffId).execute(db)).rows[0]);
}

/**
 * The scope from a row of staffScopeQuery — read on its own or inside a bigger statement, as
 * JSON (`since` then arrives as text). A missing or deactivated account is refused.
 */
export function scopeFromRow(row: ScopeRow | undefined | null): StaffScope {
  if (!row) throw new AppError("UNAUTHENTICATED", "Your account no longer exists. Log in again.");
  if (!row.is_active) throw new AppError("FORBIDDEN", "Your account is disabled.");
  const session =
    row.status && row.status !== "OFFLINE" && row.counter_id && row.session_branch_id
      ? {
          branchId: row.session_branch_id,
          counterId: row.counter_id,
          counterNumber: row.counter_number ?? 0,
          status: row.status,
          reason: row.reason,
          since: row.since ? new Date(row.since) : new Date(0),
        }
      : null;
  const own = new Set<string>(row.extra_branch_ids ?? []);
  if (row.branch_id) own.add(row.branch_id);
  return {
    staffId: row.id,
    name: row.name,
    role: row.role,
    homeBranchId: row.branch_id,
    defaultCounterId: row.default_counter_id,
    branches: row.role === "COMPANY_ADMIN" ? "ALL" : [...own],
    session,
    currentTicket: row.ticket_id ? { id: row.ticket_id, label: row.ticket_label ?? "" } : null,
    sessionServices: session
      ? (row.session_services ?? []).map(([id, headStartSeconds]) => ({ id, headStartSeconds }))
      : [],
  };
}

/** True when the caller may work with `branchId`. */
export function canUseBranch(scope: StaffScope, branchId: string): boolean {
  return scope.branches === "ALL" || scope.branches.includes(branchId);
}

/** Throws not-found (never forbidden) for a branch outside the caller's reach. */
export function assertBranch(scope: StaffScope, branchId: string): void {
  if (!canUseBranch(scope, branchId)) throw notFound("The branch");
}

/** The branch the caller's screens show: its counter's branch, else its home branch. */
export function workplaceBranchId(scope: StaffScope): string | null {
  return scope.session?.branchId ?? scope.homeBranchId;
}

/** Services this staff member handles that the branch offers now. */
export async function operatorServiceIds(
  db: CompanyQueryDb,
  staffId: string,
  branchId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom("staff_services as ss")
    .innerJoin("branch_services as bs", (join) =>
      join
        .onRef("bs.service_id", "=", "ss.service_id")
        .on("bs.branch_id", "=", branchId)
        .on("bs.enabled", "=", true),
    )
    .innerJoin("services as sv", "sv.id", "ss.service_id")
    .where("ss.staff_id", "=", staffId)
    .where("sv.is_active", "=", true)
    .select("ss.service_id")
    .execute();
  return rows.map((r) => r.service_id);
}
