import { sql, type ExpressionBuilder } from "kysely";
import type { BranchServicesTable, Database } from "../../db/tables";

type OverBranchService = ExpressionBuilder<Database & { bs: BranchServicesTable }, "bs">;

/**
 * How many bookings (BOOKED, not checked in) a service has at a branch, as the column
 * `bookings` of a select over `branch_services as bs`: what pausing or removing it would cancel.
 */
export const bookingsOfBranchService = (eb: OverBranchService) =>
  eb
    .selectFrom("tickets as t")
    .select(sql<number>`count(*)::int`.as("n"))
    .whereRef("t.branch_id", "=", "bs.branch_id")
    .whereRef("t.service_id", "=", "bs.service_id")
    .where("t.status", "=", "BOOKED")
    .as("bookings");
