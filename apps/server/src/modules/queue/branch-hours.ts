import { localClock } from "@equeue/core";
import type { DayHours, WeeklyHours } from "../../db/tables";

/** "09:30" or "09:30:00" as minutes since midnight; null when unreadable. */
function toMinutes(value: string | null | undefined): number | null {
  const m = /^(\d{1,2}):(\d{2})/.exec(value ?? "");
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * A closing time in minutes. Hours are written "HH:MM" up to 23:59, so "23:59" is how a form
 * says "until midnight": it closes at 24:00, not one minute before.
 */
function closingMinutes(value: string | null | undefined): number | null {
  const m = toMinutes(value);
  return m === 23 * 60 + 59 ? 24 * 60 : m;
}

export type BranchDayException = {
  kind: "CLOSED" | "SHORT_DAY";
  opens_at: string | null;
  closes_at: string | null;
};

/** Why a branch takes no customers: the whole day is closed, or it is outside today's hours. */
export type ClosedKind = "CLOSED_TODAY" | "OUTSIDE_HOURS";

/** `breakUntil`: closed for a break of today's hours, open again at that "HH:MM". */
export type OpenCheck =
  { open: true } | { open: false; why: string; kind: ClosedKind; breakUntil?: string };

/**
 * Whether the branch takes customers at `at`, by its weekly hours and the day's exception.
 * Branches without any hours set are treated as always open (set-up not finished yet).
 */
export function branchOpenAt(
  hours: WeeklyHours,
  exception: BranchDayException | null,
  at: Date,
  timeZone: string,
): OpenCheck {
  if (exception?.kind === "CLOSED")
    return { open: false, why: "The branch is closed today.", kind: "CLOSED_TODAY" };
  const { weekday, minutes } = localClock(at, timeZone);
  let day: DayHours | undefined = hours[weekday];
  if (exception?.kind === "SHORT_DAY") {
    day = {
      open: exception.opens_at ?? day?.open ?? "00:00",
      close: exception.closes_at ?? day?.close ?? "24:00",
      breaks: day?.breaks ?? [],
    };
  } else if (Object.keys(hours).length === 0) {
    return { open: true };
  }
  if (!day) {
    return {
      open: false,
      why: "The branch is closed on this day of the week.",
      kind: "CLOSED_TODAY",
    };
  }
  const open = toMinutes(day.open);
  const close = closingMinutes(day.close);
  if (open !== null && minutes < open) {
    return { open: false, why: `The branch opens at ${day.open}.`, kind: "OUTSIDE_HOURS" };
  }
  if (close !== null && minutes >= close) {
    return { open: false, why: `The branch closed at ${day.close}.`, kind: "OUTSIDE_HOURS" };
  }
  for (const b of day.breaks ?? []) {
    const start = toMinutes(b.start);
    const end = toMinutes(b.end);
    if (start !== null && end !== null && minutes >= start && minutes < end) {
      return {
        open: false,
        why: `The branch is on a break until ${b.end}.`,
        kind: "OUTSIDE_HOURS",
        breakUntil: b.end.slice(0, 5),
      };
    }
  }
  return { open: true };
}
