import {
  addDays,
  daysBetween,
  formatClock,
  isoWeekday,
  localClock,
  spanResolver,
} from "./local-time";
import { branchIntervalsOn, coversSpan, workingIntervals } from "./opening-hours";
import { checkSlotInput, type SlotInput } from "./slot-input";

export type { ExistingBooking, SlotInput, SlotOperator } from "./slot-input";

/** One bookable time. */
export type BookingSlot = {
  start: Date;
  end: Date;
  /** Local day "YYYY-MM-DD" and time "HH:MM" of the start in the branch's zone. */
  localDate: string;
  localTime: string;
  /** Operators scheduled for the whole slot, capped by `onlineCap`. */
  capacity: number;
  /** Bookings overlapping the slot. */
  booked: number;
  /** capacity − booked, never below 0. */
  available: number;
  /** The operators counted in the capacity (before the cap), for assigning a booking. */
  operatorIds: string[];
};

/**
 * The bookable slots of one service at one branch, earliest first. A slot lies wholly inside
 * one working span of the branch (hours minus breaks, after exceptions) and exists only where
 * at least one operator's schedule holds all of it; the grid restarts at each span's start.
 */
export function generateSlots(input: SlotInput): BookingSlot[] {
  const rules = checkSlotInput(input);
  const today = localClock(input.now, input.timeZone).date;
  let first = today;
  let last = addDays(today, input.horizonDays);
  if (input.fromDay && daysBetween(first, input.fromDay) > 0) first = input.fromDay;
  if (input.toDay && daysBetween(input.toDay, last) > 0) last = input.toDay;
  const slots: BookingSlot[] = [];
  for (let date = first; daysBetween(date, last) >= 0; date = addDays(date, 1)) {
    slots.push(...slotsOnDay(input, rules, date));
  }
  return slots;
}

/**
 * The slot that starts exactly at `start`, with its capacity and bookings, or null when no slot
 * starts then (off the grid, closed, nobody scheduled, too soon, beyond the horizon). The server
 * checks a requested booking time with this before its capacity-guarded insert.
 */
export function slotCapacityAt(input: SlotInput, start: Date): BookingSlot | null {
  const rules = checkSlotInput(input);
  if (Number.isNaN(start.getTime())) return null;
  const { date } = localClock(start, input.timeZone);
  const today = localClock(input.now, input.timeZone).date;
  const offset = daysBetween(today, date);
  if (offset < 0 || offset > input.horizonDays) return null;
  return slotsOnDay(input, rules, date).find((s) => s.start.getTime() === start.getTime()) ?? null;
}

type Rules = ReturnType<typeof checkSlotInput>;

function slotsOnDay(input: SlotInput, rules: Rules, date: string): BookingSlot[] {
  const exception = rules.exceptions.get(date);
  const branch = branchIntervalsOn(input.weeklyHours, exception, date);
  if (branch.length === 0) return [];
  const weekday = isoWeekday(date);
  const schedules = input.operators.map((o) => ({
    id: o.id,
    spans: workingIntervals(o.weeklySchedule[weekday]),
  }));
  const { duration, step, earliest, cap, booked } = rules;
  const resolve = spanResolver(date, input.timeZone);
  const slots: BookingSlot[] = [];
  for (const span of branch) {
    for (let t = span.start; t + duration <= span.end; t += step) {
      const start = resolve(t, duration);
      if (!start || start.getTime() < earliest) continue;
      const operatorIds = schedules
        .filter((s) => coversSpan(s.spans, t, t + duration))
        .map((s) => s.id);
      const capacity = Math.min(operatorIds.length, cap);
      if (capacity <= 0) continue;
      const end = new Date(start.getTime() + duration * 60_000);
      const taken = booked(start, end);
      slots.push({
        start,
        end,
        localDate: date,
        localTime: formatClock(t),
        capacity,
        booked: taken,
        available: Math.max(0, capacity - taken),
        operatorIds,
      });
    }
  }
  return slots;
}
