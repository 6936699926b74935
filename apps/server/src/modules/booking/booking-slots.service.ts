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
import type { CompanyQueryDb, IssueTarget, SlotClaim } from "../queue";
import {
  lockSlot,
  readBookedCounts,
  takenSql,
  type BookingBranchRow,
  type BookingServiceRow,
  type readSetupSources,
  type SlotKey,
} from "./booking.repository";
import { toDayException } from "./booking.mapper";

/** At most this many local days of slots in one answer (a month view). */
export const MAX_SLOT_DAYS = 31;

/**
 * Everything about a branch and service that slot generation reads besides the bookings: the
 * branch (hours, zone, horizon, online cap), the service, the operators with their schedules,
 * and the branch's exceptions from a day before today to a day past the horizon (BookingSetups
 * keeps it briefly).
 */
export type BookingSetup = {
  branch: BookingBranchRow;
  service: BookingServiceRow;
} & Awaited<ReturnType<typeof readSetupSources>>;

/** The set-up of a service a customer may book online, or the refusal they can act on. */
export function bookableOnline(setup: BookingSetup | null): BookingSetup {
  if (!setup) throw notFound("The service");
  const { branch: b, service: s } = setup;
  if (s.enabled === null || !s.is_active) throw notFound("The service");
  if (!s.enabled || !s.online_booking) {
    throw new AppError(
      "SERVICE_NOT_OFFERED",
      "This service cannot be booked online; come to the branch or call it.",
    );
  }
  if (b.status === "CLOSED") {
    throw new AppError("BRANCH_CLOSED", "This branch is closed and takes no bookings.");
  }
  return setup;
}

/** The local days a branch takes bookings on now: today to today + its horizon. */
export function bookingDays(branch: BookingBranchRow, now: Date) {
  const first = localClock(now, branch.time_zone).date;
  return { first, last: addDays(first, branch.booking_horizon_days) };
}

/**
 * Core's slot input for the local days `from`..`to`. `online` holds slots to the branch's online
 * cap (the portal); staff see every operator's place.
 */
function slotInput(
  setup: BookingSetup,
  range: { from: string; to: string },
  now: Date,
  opts: { online: boolean; bookings?: { appointment_at: Date | null; n: number }[] },
): SlotInput {
  const { branch, service } = setup;
  return {
    timeZone: branch.time_zone,
    weeklyHours: branch.weekly_hours as WeeklyHours,
    exceptions: setup.exceptions.map(toDayException),
    operators: setup.operators.map((o) => ({
      id: o.id,
      weeklySchedule: o.weekly_schedule as WeeklyHours,
    })),
    serviceDurationMinutes: service.duration_minutes,
    horizonDays: branch.booking_horizon_days,
    onlineCap: opts.online ? branch.online_cap_per_slot : null,
    now,
    existingBookings: (opts.bookings ?? [])
      .filter((b) => b.appointment_at !== null)
      .map((b) => ({ start: b.appointment_at!, count: b.n })),
    fromDay: range.from,
    toDay: range.to,
  };
}

/**
 * The slots of a service at a branch on the local days `from`..`to` (default: the week from
 * today), clipped to the booking horizon, with the places left in each for an online booking.
 */
export async function listSlots(
  db: CompanyQueryDb,
  setup: BookingSetup,
  range: { from?: string | undefined; to?: string | undefined },
  now: Date,
) {
  const days = bookingDays(setup.branch, now);
  const from = range.from ?? days.first;
  // Past the horizon nothing is bookable: those days are not read, nor counted on from (the
  // calendar's last days have no week after them).
  const to = range.to ?? (from <= days.last ? addDays(from, 6) : from);
  if (daysBetween(from, to) < 0) throw invalidField("to", "The last day comes before the first.");
  if (daysBetween(from, to) >= MAX_SLOT_DAYS) {
    throw invalidField("to", `Ask for at most ${MAX_SLOT_DAYS} days at once.`);
  }
  if (from > days.last) return { days, slots: [] };
  const bookings = await readBookedCounts(db, setup.branch.id, setup.service.id, from, to);
  return {
    days,
    slots: generateSlots(slotInput(setup, { from, to }, now, { online: true, bookings })),
  };
}

/**
 * How long after its start a slot that was offered may still be booked: the list offers the next
 * slot however soon it starts, and a customer who picked it and then typed a phone number on a
 * slow phone should not be told that the time is gone (the late-arrival rules then apply).
 */
export const JUST_STARTED_GRACE_MS = 2 * 60_000;

/**
 * The slot starting exactly at `startsAt` with its capacity (bookings are not read: the count
 * under the slot's lock decides); refused when no slot starts then (off the grid, closed, nobody
 * scheduled, started more than JUST_STARTED_GRACE_MS ago, beyond the horizon).
 */
function slotAt(setup: BookingSetup, startsAt: Date, now: Date, online: boolean): BookingSlot {
  const day = localClock(startsAt, setup.branch.time_zone).date;
  const since = new Date(now.getTime() - JUST_STARTED_GRACE_MS);
  const slot = slotCapacityAt(
    slotInput(setup, { from: day, to: day }, since, { online }),
    startsAt,
  );
  if (!slot) {
    throw new AppError(
      "SLOT_NOT_AVAILABLE",
      "Nobody can be booked at that time; choose one of the times offered.",
      { details: [{ path: "startsAt", message: "Not one of the offered times." }] },
    );
  }
  return slot;
}

/** A slot as the portal may book it: held to the branch's online cap. */
export const onlineSlotAt = (setup: BookingSetup, startsAt: Date, now: Date) =>
  slotAt(setup, startsAt, now, true);

/** A slot as staff may book it: every operator scheduled is a place. */
export const staffSlotAt = (setup: BookingSetup, startsAt: Date, now: Date) =>
  slotAt(setup, startsAt, now, false);

export const slotKeyOf = (setup: BookingSetup, startsAt: Date): SlotKey => ({
  branchId: setup.branch.id,
  serviceId: setup.service.id,
  startsAt,
  durationMinutes: setup.service.duration_minutes,
});

/** The queue's hold on a slot for issuing a booking: its lock, then the count with the insert. */
export function slotClaim(schema: string, setup: BookingSetup, slot: BookingSlot): SlotClaim {
  const key = slotKeyOf(setup, slot.start);
  return {
    lock: (db) => lockSlot(db, key),
    taken: takenSql(schema, key),
    capacity: slot.capacity,
    full: slotFull,
  };
}

/** What the issue command would read for the booking, from the set-up already in hand. */
export function issueTargetOf(setup: BookingSetup): IssueTarget {
  const { branch: b, service: s } = setup;
  return {
    branch: {
      id: b.id,
      status: b.status,
      time_zone: b.time_zone,
      weekly_hours: b.weekly_hours,
      number_scheme: b.number_scheme,
      daily_ticket_limit: b.daily_ticket_limit,
      booking_horizon_days: b.booking_horizon_days,
    },
    service: {
      id: s.id,
      name: s.name,
      letter: s.letter,
      priority: s.priority,
      is_active: s.is_active,
      enabled: s.enabled,
    },
    exceptions: setup.exceptions,
    scope: null,
  };
}

export const slotFull = () =>
  new AppError("SLOT_FULL", "That time has just been taken; choose another time.", {
    details: [{ path: "startsAt", message: "No places left at this time." }],
  });
