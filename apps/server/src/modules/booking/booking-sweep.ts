import { TICKET_STATUS } from "@equeue/core";
import type { FastifyBaseLogger } from "fastify";
import { sql } from "kysely";
import type { Db } from "../../db/database";
import { expireInBatches, type QueueDeps } from "../queue";
import { CompanySweep, type CompanyRecord } from "../tenancy";
import { cancelBookingsNotOffered } from "./bookings-not-offered";
import { cancelBookingsOutsideHours } from "./bookings-outside-hours";

const BATCH = 200;

/**
 * Applies the late rule of branches that expire late bookings: every booking still BOOKED once
 * its check-in window has closed becomes EXPIRED, with its event (so the ticket page and the
 * staff screens hear of it). Branches whose rule is WALK_IN keep such bookings: a late customer
 * may still check in and is queued then, like a walk-in; day-end expires the ones who never come.
 */
export async function expireLateBookings(
  deps: QueueDeps,
  company: CompanyRecord,
  now: Date,
): Promise<number> {
  return expireInBatches(
    deps,
    company,
    now,
    BATCH,
    (tx) =>
      tx.db
        .selectFrom("tickets as t")
        .innerJoin("branches as b", "b.id", "t.branch_id")
        .innerJoin("services as s", "s.id", "t.service_id")
        .selectAll("t")
        .select(["s.name as service_name", "b.check_in_late_minutes"])
        .where("t.status", "=", TICKET_STATUS.BOOKED)
        .where("t.appointment_at", "is not", null)
        .where("b.late_arrival", "=", "EXPIRE")
        .where(
          sql<boolean>`t.appointment_at + b.check_in_late_minutes * interval '1 minute' <= ${now}`,
        )
        .limit(BATCH)
        .forUpdate("t")
        .skipLocked()
        .execute(),
    (t) => ({ reason: "LATE_FOR_BOOKING", lateMinutes: t.check_in_late_minutes }),
  );
}

/**
 * Keeps every company's bookings true to its branches, once a minute in the background: the
 * late rule (expireLateBookings), and the bookings the hours have no room for any more
 * (cancelBookingsOutsideHours — the admin's change cancels them at once; this catches one whose
 * cancellations were cut off, and a booking made on hours read just before they changed), and
 * likewise the bookings of services their branch no longer offers (cancelBookingsNotOffered).
 */
export function bookingSweep(
  deps: QueueDeps & { db: Db },
  log: FastifyBaseLogger,
  intervalMs = 60_000,
): CompanySweep {
  return new CompanySweep(deps.db, log, {
    name: "booking sweep",
    intervalMs,
    each: async (company, now) => {
      const late = await expireLateBookings(deps, company, now);
      if (late > 0) log.info({ company: company.slug, n: late }, "late bookings expired");
      const outside = await cancelBookingsOutsideHours(deps, company, {
        now,
        staffId: null,
        fit: "start",
      });
      if (outside > 0)
        log.info({ company: company.slug, n: outside }, "bookings outside the hours cancelled");
      const unoffered = await cancelBookingsNotOffered(deps, company, { now, staffId: null });
      if (unoffered > 0)
        log.info(
          { company: company.slug, n: unoffered },
          "bookings of services not offered cancelled",
        );
    },
  });
}
