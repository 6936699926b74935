import {
  CANCEL_REASON,
  TICKET_STATUS,
  branchIntervalsOn,
  localClock,
  type WeeklyHours,
} from "@equeue/core";
import { cancelBookingsById, type CompanyQueryDb, type QueueDeps } from "../queue";
import { companyDb, type CompanyRecord } from "../tenancy";
import { settleBookingsInFlight, type BookingSetups } from "./booking-setups";
import { toDayException } from "./booking.mapper";

/** A branch's hours as a change would leave them (what is not given stays as stored). */
export type HoursChange = { weeklyHours?: WeeklyHours | undefined; timeZone?: string | undefined };

/** A booking the hours have no room for, with the note of its day's exception (if any). */
export type BookingOutsideHours = { ticketId: string; day: string; note: string | null };

/**
 * The future bookings (BOOKED, their time still ahead) the branch has no room for: on a closed
 * day, or not wholly inside one working span (before opening, past closing, into a break; the
 * service's duration from the booked time, as slots are made) — by its weekly hours
 * and exceptions, or by `change` where it is given (the admin's "what would this cancel?").
 * Slots are only ever made inside the hours, so a booking lands here only after the hours
 * changed under it. Of one branch, or of the whole company; of some local days, or all.
 */
export async function findBookingsOutsideHours(
  db: CompanyQueryDb,
  opts: {
    now: Date;
    branchId?: string;
    days?: readonly string[];
    change?: HoursChange;
    /** "start" judges the booked time alone: see cancelBookingsOutsideHours. */
    fit?: "visit" | "start";
  },
): Promise<BookingOutsideHours[]> {
  let q = db
    .selectFrom("tickets as t")
    .innerJoin("branches as b", "b.id", "t.branch_id")
    .innerJoin("services as s", "s.id", "t.service_id")
    .select([
      "t.id",
      "t.branch_id",
      "t.appointment_at",
      "b.weekly_hours",
      "b.time_zone",
      "s.duration_minutes",
    ])
    .where("t.status", "=", TICKET_STATUS.BOOKED)
    .where("t.appointment_at", ">", opts.now);
  if (opts.branchId) q = q.where("t.branch_id", "=", opts.branchId);
  const rows = await q.execute();
  const days = opts.days && new Set(opts.days);
  const placed = rows.flatMap((r) => {
    if (!r.appointment_at) return [];
    const timeZone = opts.change?.timeZone ?? r.time_zone;
    const clock = localClock(new Date(r.appointment_at), timeZone);
    if (days && !days.has(clock.date)) return [];
    const weeklyHours = opts.change?.weeklyHours ?? (r.weekly_hours as WeeklyHours);
    return [{ id: r.id, branchId: r.branch_id, clock, weeklyHours, minutes: r.duration_minutes }];
  });
  if (placed.length === 0) return [];
  const exceptions = await db
    .selectFrom("branch_exceptions")
    .select(["branch_id", "day", "kind", "opens_at", "closes_at", "note"])
    .where("branch_id", "in", [...new Set(placed.map((p) => p.branchId))])
    .where("day", "in", [...new Set(placed.map((p) => p.clock.date))])
    .execute();
  const exceptionOf = new Map(exceptions.map((e) => [`${e.branch_id}:${e.day}`, e]));
  return placed.flatMap((p) => {
    const e = exceptionOf.get(`${p.branchId}:${p.clock.date}`);
    const exception = e && toDayException(e);
    // As slots are made: the whole visit inside one working span (not into a break or past close).
    const start = p.clock.minutes;
    const end = opts.fit === "start" ? start + 1 : start + p.minutes;
    const open = branchIntervalsOn(p.weeklyHours, exception, p.clock.date).some(
      (span) => span.start <= start && end <= span.end,
    );
    return open ? [] : [{ ticketId: p.id, day: p.clock.date, note: e?.note ?? null }];
  });
}

/**
 * Cancels, by the company, the bookings `findBookingsOutsideHours` finds (same options but
 * `change`: the change is saved by now), each customer told with the note of the day's
 * exception where there is one. Runs after an admin adds an exception or edits a branch's
 * hours, and once a minute over every company (bookingSweep) for a change whose
 * cancellations did not finish (the database went away between the two). The sweep judges the
 * booked time alone (`fit: "start"`): a booking that runs past closing only because its
 * service was made longer later is the admin's to see, not the sweep's to cancel unasked.
 * Returns how many.
 */
export async function cancelBookingsOutsideHours(
  deps: QueueDeps,
  company: CompanyRecord,
  opts: {
    now: Date;
    staffId: string | null;
    branchId?: string;
    days?: readonly string[];
    fit?: "visit" | "start";
  },
): Promise<number> {
  const misfits = await findBookingsOutsideHours(companyDb(deps.db, company), opts);
  const byNote = new Map<string | null, string[]>();
  for (const m of misfits) {
    const ids = byNote.get(m.note) ?? [];
    ids.push(m.ticketId);
    byNote.set(m.note, ids);
  }
  let cancelled = 0;
  for (const [note, ids] of byNote) {
    const why = { message: note, reason: CANCEL_REASON.HOURS };
    cancelled += await cancelBookingsById(deps, company, opts.staffId, ids, why, opts.now);
  }
  return cancelled;
}

/**
 * The admin's change of a branch's hours, just saved: once the bookings in flight have settled
 * (settleBookingsInFlight, so the count the admin is told is whole), cancelBookingsOutsideHours,
 * judging the whole visit.
 */
export async function cancelAfterHoursChange(
  deps: QueueDeps & { bookings: BookingSetups },
  company: CompanyRecord,
  opts: { staffId: string | null; branchId: string; days?: readonly string[] },
): Promise<number> {
  await settleBookingsInFlight(deps, company);
  return cancelBookingsOutsideHours(deps, company, { ...opts, now: new Date(), fit: "visit" });
}
