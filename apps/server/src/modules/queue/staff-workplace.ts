import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database";
import type { OperatorStatusValue } from "../../db/tables";
import {
  staffAccessColumns,
  staffCallerFromRow,
  type StaffAccessRow,
  type StaffCaller,
} from "../access";
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

/**
 * A staff caller at work: who it is and what it may reach (the access module's StaffCaller),
 * its counter session and its open ticket.
 */
export type StaffWorkplace = StaffCaller & {
  name: string;
  homeBranchId: string | null;
  defaultCounterId: string | null;
  /** Null when the staff member is not signed in at a counter (no row, or OFFLINE). */
  session: CounterSession | null;
  currentTicket: { id: string; label: string } | null;
  /** Services this staff member handles that its session's branch offers, with head starts. */
  sessionServices: { id: string; headStartSeconds: number }[];
};

export type WorkplaceRow = StaffAccessRow & {
  name: string;
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
};

/**
 * The one query behind loadStaffWorkplace: the caller's access (the access module's columns)
 * with its counter session. Hand-written (building it through the query builder took as long
 * as running it) and exported so it can be EXPLAINed and embedded in the queue's reads.
 */
export function staffWorkplaceQuery(schema: string, staffId: string): RawBuilder<WorkplaceRow> {
  const t = (name: string) => sql.id(schema, name);
  return sql<WorkplaceRow>`
    select ${staffAccessColumns(schema)}, s.name, s.counter_id as default_counter_id,
      o.branch_id as session_branch_id, o.counter_id, o.status, o.reason, o.since,
      c.number as counter_number, tk.id as ticket_id, tk.label as ticket_label,
      (select coalesce(json_agg(json_build_array(sv.id, sv.head_start_seconds)), '[]'::json)
        from ${t("staff_services")} ss
        join ${t("branch_services")} bs
          on bs.service_id = ss.service_id and bs.branch_id = o.branch_id and bs.enabled
        join ${t("services")} sv on sv.id = ss.service_id and sv.is_active
        where ss.staff_id = s.id) as session_services
    from ${t("staff")} s
    left join ${t("operator_status")} o on o.staff_id = s.id
    left join ${t("counters")} c on c.id = o.counter_id
    left join ${t("tickets")} tk on tk.operator_id = s.id and tk.status in ('CALLED', 'SERVING')
    where s.id = ${staffId}`;
}

/** Loads the caller's workplace in one query; a deactivated account is refused. */
export async function loadStaffWorkplace(
  db: Db,
  company: { id: string; schema_name: string },
  staffId: string,
): Promise<StaffWorkplace> {
  const { rows } = await staffWorkplaceQuery(company.schema_name, staffId).execute(db);
  return workplaceFromRow(company.id, rows[0]);
}

/**
 * The workplace from a row of staffWorkplaceQuery — read on its own or inside a bigger
 * statement, as JSON (`since` then arrives as text). The caller part is decided by the access
 * module, exactly as for any other staff request: a missing or deactivated account is refused.
 */
export function workplaceFromRow(
  companyId: string,
  row: WorkplaceRow | undefined | null,
): StaffWorkplace {
  const caller = staffCallerFromRow(companyId, row);
  const r = row!;
  const session =
    r.status && r.status !== "OFFLINE" && r.counter_id && r.session_branch_id
      ? {
          branchId: r.session_branch_id,
          counterId: r.counter_id,
          counterNumber: r.counter_number ?? 0,
          status: r.status,
          reason: r.reason,
          since: r.since ? new Date(r.since) : new Date(0),
        }
      : null;
  return {
    ...caller,
    name: r.name,
    homeBranchId: r.branch_id,
    defaultCounterId: r.default_counter_id,
    session,
    currentTicket: r.ticket_id ? { id: r.ticket_id, label: r.ticket_label ?? "" } : null,
    sessionServices: session
      ? (r.session_services ?? []).map(([id, headStartSeconds]) => ({ id, headStartSeconds }))
      : [],
  };
}

/** The branch the caller's screens show: its counter's branch, else its home branch. */
export function workplaceBranchId(scope: StaffWorkplace): string | null {
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
