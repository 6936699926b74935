import { CANCEL_REASON, TICKET_STATUS } from "@equeue/core";
import { sql } from "kysely";
import { cancelBookingsById, type CompanyQueryDb, type QueueDeps } from "../queue";
import { companyDb, type CompanyRecord } from "../tenancy";
import { settleBookingsInFlight, type BookingSetups } from "./booking-setups";

/** Of one branch, of one service, or (the sweep) of the whole company. */
export type OfferScope = { branchId?: string; serviceId?: string };

/**
 * The bookings (BOOKED, not checked in) whose service their branch no longer offers: paused or
 * removed at the branch, or the service deactivated. Such a customer would come at their time
 * to a line nobody serves, so the booking goes, and the customer is told why.
 */
export async function findBookingsNotOffered(
  db: CompanyQueryDb,
  scope: OfferScope,
): Promise<string[]> {
  let q = db
    .selectFrom("tickets as t")
    .innerJoin("services as s", "s.id", "t.service_id")
    .leftJoin("branch_services as bs", (j) =>
      j.onRef("bs.branch_id", "=", "t.branch_id").onRef("bs.service_id", "=", "t.service_id"),
    )
    .select("t.id")
    .where("t.status", "=", TICKET_STATUS.BOOKED)
    .where(sql<boolean>`not (s.is_active and coalesce(bs.enabled, false))`);
  if (scope.branchId) q = q.where("t.branch_id", "=", scope.branchId);
  if (scope.serviceId) q = q.where("t.service_id", "=", scope.serviceId);
  return (await q.execute()).map((r) => r.id);
}

/**
 * Cancels, by the company, the bookings findBookingsNotOffered finds, each customer told that
 * the service is no longer offered at the branch. Runs after an admin pauses or removes a
 * service at a branch or deactivates it, and in the minute's booking sweep (a booking that
 * committed on the offer as it was a moment before). Returns how many.
 */
export async function cancelBookingsNotOffered(
  deps: QueueDeps,
  company: CompanyRecord,
  opts: OfferScope & { staffId: string | null; now?: Date },
): Promise<number> {
  const ids = await findBookingsNotOffered(companyDb(deps.db, company), opts);
  const why = { message: null, reason: CANCEL_REASON.SERVICE };
  return cancelBookingsById(deps, company, opts.staffId, ids, why, opts.now ?? new Date());
}

/**
 * The admin's change of what a branch offers, just saved (a service paused or removed there, or
 * deactivated): once the bookings in flight have settled, cancelBookingsNotOffered. A change
 * that leaves no booking behind answers at once, without the wait (a booking committing on the
 * old offer that moment is the minute's sweep's). Returns how many, for the admin's answer.
 */
export async function cancelAfterOfferChange(
  deps: QueueDeps & { bookings: BookingSetups },
  company: CompanyRecord,
  opts: OfferScope & { staffId: string },
): Promise<number> {
  if ((await findBookingsNotOffered(companyDb(deps.db, company), opts)).length === 0) {
    deps.bookings.invalidate(company.id);
    return 0;
  }
  await settleBookingsInFlight(deps, company);
  return cancelBookingsNotOffered(deps, company, opts);
}
