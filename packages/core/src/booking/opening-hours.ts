import { QUEUE_ERROR_CODE, QueueError, assertNever } from "../errors";
import { isoWeekday, parseClock, type IsoWeekday } from "./local-time";

/** One day's hours as stored for a branch or an operator: "HH:MM" times, breaks inside the day. */
export type DayHours = {
  open: string;
  close: string;
  breaks?: readonly { start: string; end: string }[];
};

/** Hours by ISO weekday "1" (Monday) … "7" (Sunday); a missing day is closed (or not working). */
export type WeeklyHours = Partial<Record<IsoWeekday, DayHours>>;

/** What a branch exception does to its day. */
export const DAY_EXCEPTION_KIND = {
  CLOSED: "CLOSED",
  SHORT_DAY: "SHORT_DAY",
} as const;
export type DayExceptionKind = (typeof DAY_EXCEPTION_KIND)[keyof typeof DAY_EXCEPTION_KIND];

/** A holiday (CLOSED) or a short day on one local day of the branch's calendar. */
export type DayException = {
  /** Local calendar day "YYYY-MM-DD". */
  day: string;
  kind: DayExceptionKind;
  /** SHORT_DAY only; missing → the weekday's usual time. */
  opensAt?: string | null;
  closesAt?: string | null;
};

/** A half-open span of minutes since local midnight: [start, end). */
export type MinuteInterval = { start: number; end: number };

/** The working spans of a day: open to close with the breaks cut out, in time order. */
export function workingIntervals(day: DayHours | undefined): MinuteInterval[] {
  if (!day) return [];
  return subtract(
    { start: parseClock(day.open), end: parseClock(day.close) },
    (day.breaks ?? []).map((b) => ({ start: parseClock(b.start), end: parseClock(b.end) })),
  );
}

/**
 * The spans a branch takes customers on local `date`: its weekday's hours, or none on a CLOSED
 * day, or the short day's opening and closing with the weekday's breaks kept (as the queue does).
 */
export function branchIntervalsOn(
  weeklyHours: WeeklyHours,
  exception: DayException | undefined,
  date: string,
): MinuteInterval[] {
  const usual = weeklyHours[isoWeekday(date)];
  if (!exception) return workingIntervals(usual);
  switch (exception.kind) {
    case DAY_EXCEPTION_KIND.CLOSED:
      return [];
    case DAY_EXCEPTION_KIND.SHORT_DAY: {
      const open = exception.opensAt ?? usual?.open;
      const close = exception.closesAt ?? usual?.close;
      if (!open || !close) {
        throw new QueueError(
          QUEUE_ERROR_CODE.INVALID_ARGUMENT,
          `The short day ${exception.day} needs its opening and closing time.`,
        );
      }
      return workingIntervals({ open, close, breaks: usual?.breaks ?? [] });
    }
    default:
      return assertNever(exception.kind);
  }
}

/** True when one of `intervals` holds all of [start, end). */
export function coversSpan(intervals: readonly MinuteInterval[], start: number, end: number) {
  return intervals.some((i) => i.start <= start && end <= i.end);
}

function subtract(whole: MinuteInterval, holes: MinuteInterval[]): MinuteInterval[] {
  let pieces = whole.start < whole.end ? [whole] : [];
  for (const hole of holes) {
    if (hole.start >= hole.end) continue;
    pieces = pieces.flatMap((p) =>
      [
        { start: p.start, end: Math.min(p.end, hole.start) },
        { start: Math.max(p.start, hole.end), end: p.end },
      ].filter((q) => q.start < q.end),
    );
  }
  return pieces.sort((a, b) => a.start - b.start);
}
