import { QUEUE_ERROR_CODE, QueueError } from "../errors";
import { isCalendarDate } from "./local-time";
import type { DayException, WeeklyHours } from "./opening-hours";

/** An operator who handles the service at the branch, with their own weekly schedule. */
export type SlotOperator = { id: string; weeklySchedule: WeeklyHours };

/** Bookings already taken; `end` defaults to start + service duration, `count` to 1. */
export type ExistingBooking = { start: Date; end?: Date; count?: number };

/** Everything slot generation needs, as the server reads it for one branch and one service. */
export type SlotInput = {
  /** The branch's IANA zone, e.g. "Asia/Tashkent". */
  timeZone: string;
  weeklyHours: WeeklyHours;
  /** Holidays and short days; at most one per local day. */
  exceptions?: readonly DayException[];
  operators: readonly SlotOperator[];
  serviceDurationMinutes: number;
  /** Distance between slot starts; default the service duration (slots back to back). */
  slotStepMinutes?: number;
  /** No slot starts before now + lead; default 0. */
  leadMinutes?: number;
  /** Slots on today's local day and the next `horizonDays` days; 0 = today only. */
  horizonDays: number;
  /** At most this many online bookings per slot (walk-ins keep the rest); null = no cap. */
  onlineCap?: number | null;
  now: Date;
  existingBookings?: readonly ExistingBooking[];
  /** Optional narrower window of local days "YYYY-MM-DD" (still clipped to the horizon). */
  fromDay?: string;
  toDay?: string;
};

const MINUTE_MS = 60_000;

function refuse(message: string, details?: Record<string, unknown>): never {
  throw new QueueError(QUEUE_ERROR_CODE.INVALID_ARGUMENT, message, details);
}

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;

/** Checks the numbers of a slot request and prepares the lookups every day of it shares. */
export function checkSlotInput(input: SlotInput) {
  const duration = input.serviceDurationMinutes;
  if (!isCount(duration) || duration < 1 || duration > 1440) {
    refuse("A service lasts a whole number of minutes, 1 to 1440.", { duration });
  }
  const step = input.slotStepMinutes ?? duration;
  if (!isCount(step) || step < 1) refuse("The slot step is a whole number of minutes.", { step });
  const lead = input.leadMinutes ?? 0;
  if (!Number.isFinite(lead) || lead < 0) refuse("Lead time cannot be negative.", { lead });
  if (!isCount(input.horizonDays)) {
    refuse("The booking horizon is a whole number of days.", { horizonDays: input.horizonDays });
  }
  const cap = input.onlineCap ?? Number.POSITIVE_INFINITY;
  if (cap !== Number.POSITIVE_INFINITY && !isCount(cap)) {
    refuse("The online cap is a whole number of bookings per slot.", { onlineCap: cap });
  }
  const now = input.now.getTime();
  if (Number.isNaN(now)) refuse("Slot generation needs a valid current time.");
  for (const day of [input.fromDay, input.toDay]) {
    if (day !== undefined && !isCalendarDate(day)) refuse(`"${day}" is not a day like 2026-03-21.`);
  }
  return {
    duration,
    step,
    cap,
    earliest: now + lead * MINUTE_MS,
    exceptions: exceptionsByDay(input.exceptions ?? []),
    booked: bookedCounter(input.existingBookings ?? [], duration),
  };
}

function exceptionsByDay(exceptions: readonly DayException[]): Map<string, DayException> {
  const byDay = new Map<string, DayException>();
  for (const e of exceptions) {
    if (!isCalendarDate(e.day)) refuse(`"${e.day}" is not a day like 2026-03-21.`);
    if (byDay.has(e.day)) refuse(`Two exceptions fall on ${e.day}; a day has at most one.`);
    byDay.set(e.day, e);
  }
  return byDay;
}

type Booking = { start: number; end: number; count: number };

/**
 * Counts bookings overlapping [start, end). Overlap rather than equal start keeps capacity safe
 * when the grid is finer than the service or hours changed after people booked.
 */
function bookedCounter(bookings: readonly ExistingBooking[], duration: number) {
  const list: Booking[] = bookings.map((b) => {
    const start = b.start.getTime();
    const end = b.end?.getTime() ?? start + duration * MINUTE_MS;
    const count = b.count ?? 1;
    if (Number.isNaN(start) || Number.isNaN(end) || end <= start || !isCount(count)) {
      refuse("Each existing booking needs a start, an end after it and a whole count.");
    }
    return { start, end, count };
  });
  list.sort((a, b) => a.start - b.start);
  const longest = list.reduce((m, b) => Math.max(m, b.end - b.start), 0);
  return (start: Date, end: Date): number => {
    const from = start.getTime();
    const to = end.getTime();
    let total = 0;
    // Only bookings starting in (from − longest, to) can overlap; find the first by bisection.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= from - longest) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && list[i]!.start < to; i++) {
      if (list[i]!.end > from) total += list[i]!.count;
    }
    return total;
  };
}
