import { sql, type RawBuilder } from "kysely";
import type { Db } from "../../db/database";
import type { StaffRole } from "../../db/tables";
import { AppError } from "../../shared/app-error";
import type { StaffCaller } from "./caller";

/** What decides a staff member's access, as one row (also embedded in the queue's reads). */
export type StaffAccessRow = {
  id: string;
  role: StaffRole;
  is_active: boolean;
  branch_id: string | null;
  extra_branch_ids: string[] | null;
};

/**
 * The columns of StaffAccessRow for the staff row aliased `s` in `schema`; the queue's reads
 * select them beside the counter session so that one statement yields the caller too.
 */
export function staffAccessColumns(schema: string): RawBuilder<unknown> {
  return sql`s.id, s.role, s.is_active, s.branch_id,
      (select coalesce(json_agg(sb.branch_id), '[]'::json)
        from ${sql.id(schema, "staff_branches")} sb where sb.staff_id = s.id) as extra_branch_ids`;
}

/**
 * The caller a row describes, read fresh so that a demotion or deactivation counts at once;
 * a missing or deactivated account is refused as signed out.
 */
export function staffCallerFromRow(
  companyId: string,
  row: StaffAccessRow | undefined | null,
): StaffCaller {
  if (!row) throw new AppError("UNAUTHENTICATED", "Your account no longer exists. Log in again.");
  if (!row.is_active) {
    throw new AppError(
      "UNAUTHENTICATED",
      "Your account was deactivated. Ask your company administrator.",
    );
  }
  const own = new Set<string>(row.extra_branch_ids ?? []);
  if (row.branch_id) own.add(row.branch_id);
  return {
    kind: "staff",
    companyId,
    staffId: row.id,
    role: row.role,
    branches: row.role === "COMPANY_ADMIN" ? "ALL" : [...own],
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads a staff member's access in one statement. Every staff request runs it, between the
 * queue's prepared statements: it carries the id as a literal (checked to be a UUID), because a
 * statement without parameters keeps the connection's plan mode (`db/prepared.ts`) — a
 * parameterized one cost two more round trips a request to switch it and back — and a prepared
 * one per company crowded the connections' statement caches when hundreds of companies share
 * the pool (call-next at 100 companies fell from 112 to 78 calls/s).
 */
export async function loadStaffCaller(
  db: Db,
  company: { id: string; schema_name: string },
  staffId: string,
): Promise<StaffCaller> {
  if (!UUID.test(staffId)) return staffCallerFromRow(company.id, undefined);
  const { rows } = await sql<StaffAccessRow>`
    select ${staffAccessColumns(company.schema_name)}
    from ${sql.id(company.schema_name, "staff")} s
    where s.id = ${sql.lit(staffId)}::uuid`.execute(db);
  return staffCallerFromRow(company.id, rows[0]);
}
