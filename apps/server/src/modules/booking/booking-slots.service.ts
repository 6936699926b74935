import {
  addDays,
  daysBetween,
  generateSlots,
  localClock,
  slotCapacityAt,
  type BookingSlot,
  type SlotInput,
  type WeeklyHours,
} from "@equeue/core";
import { AppError, invalidField, notFound } from "../../shared/app-error";
import type { CompanyQueryDb } from "../queue";
import {
  findBookingBranch,
  findBookingService,
  readSlotSources,
  type BookingBranchRow,
  type BookingServiceRow,
} from "./booking.repository";

/** At most this many local days of slots in one answer (a month view). */
export const MAX_SLOT_DAYS = 31;

/** The branch and service a booking is for, or the refusal a customer can act on. */
export async function getBookableTarget(
  db: CompanyQueryDb,
  branch: { slug: string } | { id: string },
  serviceId: string,
) {
  const b = await findBookingBranch(db, branch);
  if (!b) throw notFound("The branch");
  const s = await findBookingService(db, b.id, serviceId);
  if (!s || s.enabled === null || !s.is_active) throw notFound("The service");
  if (!s.enabled || !s.online_booking) {
    throw new AppError(
      "SERVICE_NOT_OFFERED",
      "This service cannot be booked online; come to the branch or call it.",
    );
  }
  if (b.status === "CLOSED") {
    throw new AppError("BRANCH_CLOSED", "This branch is closed and takes no bookings.");
  }
  return { branch: b, service: s };
}

/** The local days a branch takes bookings on now: today to today + its horizon. */
export function bookingDays(branch: BookingBranchRow, now: Date) {
  const first = localClock(now, branch.time_zone).date;
  return { first, last: addDays(first, branch.booking_horizon_days) };
}

/** Everything core's slot generation needs for the local days `from`..`to`, read now. */
async function slotInput(
  db: CompanyQueryDb,
  branch: BookingBranchRow,
  service: BookingServiceRow,
  from: string,
  to: string,
  now: Date,
): Promise<SlotInput> {
  const src = await readSlotSources(db, branch.id, service.id, from, to);
  return {
    timeZone: branch.time_zone,
    weeklyHours: branch.weekly_hours as WeeklyHours,
    exceptions: src.exceptions.map((e) => ({
      day: e.day,
      kind: e.kind,
      opensAt: e.opens_at,
      closesAt: e.closes_at,
    })),
    operators: src.operators.map((o) => ({
      id: o.id,
      weeklySchedule: o.weekly_schedule as WeeklyHours,
    })),
    serviceDurationMinutes: service.duration_minutes,
    horizonDays: branch.booking_horizon_days,
    now,
    existingBookings: src.bookings
      .filter((b) => b.appointment_at !== null)
      .map((b) => ({ start: b.appointment_at!, count: b.n })),
    fromDay: from,
    toDay: to,
  };
}

/**
 * The slots of a service at a branch on the local days `from`..`to` (default: the week from
 * today), clipped to the booking horizon, with the places left in each.
 */
export async function listSlots(
  db: CompanyQueryDb,
  target: { branch: BookingBranchRow; service: BookingServiceRow },
  range: { from?: string | undefined; to?: string | undefined },
  now: Date,
) {
  const days = bookingDays(target.branch, now);
  const from = range.from ?? days.first;
  const to = range.to ?? addDays(from, 6);
  if (daysBetween(from, to) < 0) throw invalidField("to", "The last day comes before the first.");
  if (daysBetween(from, to) >= MAX_SLOT_DAYS) {
    throw invalidField("to", `Ask for at most ${MAX_SLOT_DAYS} days at once.`);
  }
  const input = await slotInput(db, target.branch, target.service, from, to, now);
  return { days, slots: generateSlots(input) };
}

/**
 * The slot starting exactly at `startsAt`, as the booking may take it; refused when no slot
 * starts then (off the grid, closed, nobody scheduled, too soon, beyond the horizon), and, unless
 * `requirePlace` is false, when it looks full (the locked count in the transaction decides).
 */
export async function getSlotAt(
  db: CompanyQueryDb,
  target: { branch: BookingBranchRow; service: BookingServiceRow },
  startsAt: Date,
  now: Date,
  opts: { requirePlace?: boolean } = {},
): Promise<BookingSlot> {
  const day = localClock(startsAt, target.branch.time_zone).date;
  const input = await slotInput(db, target.branch, target.service, day, day, now);
  const slot = slotCapacityAt(input, startsAt);
  if (!slot) {
    throw new AppError(
      "SLOT_NOT_AVAILABLE",
      "Nobody can be booked at that time; choose one of the times offered.",
      { details: [{ path: "startsAt", message: "Not one of the offered times." }] },
    );
  }
  if (slot.available === 0 && (opts.requirePlace ?? true)) throw slotFull();
  return slot;
}

export const slotFull = () =>
  new AppError("SLOT_FULL", "That time has just been taken; choose another time.", {
    details: [{ path: "startsAt", message: "No places left at this time." }],
  });
