import { QUEUE_ERROR_CODE, QueueError } from "../errors";

/** ISO weekday key as stored in weekly hours: "1" (Monday) … "7" (Sunday). */
export type IsoWeekday = "1" | "2" | "3" | "4" | "5" | "6" | "7";

/** A wall-clock reading in a branch's time zone. */
export type LocalClock = {
  /** Local calendar day "YYYY-MM-DD". */
  date: string;
  weekday: IsoWeekday;
  /** Minutes since local midnight, 0…1439. */
  minutes: number;
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_PATTERN = /^(\d{2}):(\d{2})(?::\d{2})?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-GB", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
      });
    } catch {
      throw new QueueError(
        QUEUE_ERROR_CODE.INVALID_TIME_ZONE,
        `"${timeZone}" is not an IANA time zone (e.g. Asia/Tashkent).`,
      );
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The wall clock at `at` read as if it were UTC, in ms. Subtracting `at` gives the zone's offset;
 * comparing two of them compares wall times without any calendar library.
 */
function wallMs(at: number, timeZone: string): number {
  const parts = wallFormatter(timeZone).formatToParts(at);
  const n = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? "0");
  return Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
}

/** The zone's offset from UTC at instant `at`, in minutes (Tashkent: +300; Berlin: +60 or +120). */
export function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const ms = Math.floor(at.getTime() / 1000) * 1000;
  return Math.round((wallMs(ms, timeZone) - ms) / MINUTE_MS);
}

/** The local day, ISO weekday and minute of the day at instant `at` in `timeZone`. */
export function localClock(at: Date, timeZone: string): LocalClock {
  if (Number.isNaN(at.getTime())) {
    throw new QueueError(QUEUE_ERROR_CODE.INVALID_ARGUMENT, "localClock needs a valid date.");
  }
  const wall = wallMs(at.getTime(), timeZone);
  const day = Math.floor(wall / DAY_MS) * DAY_MS;
  return {
    date: formatDate(day),
    weekday: isoWeekday(formatDate(day)),
    minutes: Math.floor((wall - day) / MINUTE_MS),
  };
}

/**
 * Every instant at which the wall clock in `timeZone` reads `minutes` past midnight of `date`,
 * earliest first: none inside a skipped hour (spring forward), two inside a repeated one
 * (fall back), one otherwise. `minutes` may reach 1440 (the next midnight).
 */
export function instantsAt(date: string, minutes: number, timeZone: string): Date[] {
  const wall = dayStartMs(date) + minutes * MINUTE_MS;
  // Any transition that matters lies within a day of the wall time read as UTC.
  const offsets = new Set(
    [wall - DAY_MS, wall, wall + DAY_MS].map((probe) => wallMs(probe, timeZone) - probe),
  );
  return [...offsets]
    .map((offset) => wall - offset)
    .filter((candidate) => wallMs(candidate, timeZone) === wall)
    .sort((a, b) => a - b)
    .map((ms) => new Date(ms));
}

/**
 * For local `date`: the instant a span of `duration` minutes starting at wall time `minutes`
 * begins, such that the wall clock moves exactly `duration` across it — or null when the span
 * starts in a skipped hour or crosses a clock change. In a repeated hour the one occurrence that
 * fits is chosen, so a wall time never yields two spans.
 */
export function spanResolver(
  date: string,
  timeZone: string,
): (minutes: number, duration: number) => Date | null {
  const day = dayStartMs(date);
  // Most days have one offset from the evening before to the morning after: no Intl per slot.
  const before = wallMs(day - DAY_MS, timeZone) - (day - DAY_MS);
  const after = wallMs(day + 2 * DAY_MS, timeZone) - (day + 2 * DAY_MS);
  if (before === after) return (minutes) => new Date(day + minutes * MINUTE_MS - before);
  return (minutes, duration) => {
    const wallEnd = day + (minutes + duration) * MINUTE_MS;
    const start = instantsAt(date, minutes, timeZone).find(
      (s) => wallMs(s.getTime() + duration * MINUTE_MS, timeZone) === wallEnd,
    );
    return start ?? null;
  };
}

/** The calendar day `days` after `date` ("2026-12-31" + 1 → "2027-01-01"). */
export function addDays(date: string, days: number): string {
  return formatDate(dayStartMs(date) + days * DAY_MS);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayStartMs(to) - dayStartMs(from)) / DAY_MS);
}

/** ISO weekday of a calendar day. */
export function isoWeekday(date: string): IsoWeekday {
  const sundayFirst = new Date(dayStartMs(date)).getUTCDay();
  return String(sundayFirst === 0 ? 7 : sundayFirst) as IsoWeekday;
}

/** Minutes since midnight of "HH:MM" or "HH:MM:SS"; "24:00" is the end of the day. */
export function parseClock(value: string): number {
  const match = CLOCK_PATTERN.exec(value);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || !(minutes <= 1440)) {
    throw new QueueError(QUEUE_ERROR_CODE.INVALID_ARGUMENT, `"${value}" is not a time like 09:00.`);
  }
  return minutes;
}

/** "HH:MM" of minutes since midnight. */
export function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `${String(h).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** True for a real calendar day written "YYYY-MM-DD". */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return formatDate(ms) === value;
}

function dayStartMs(date: string): number {
  if (!isCalendarDate(date)) {
    throw new QueueError(
      QUEUE_ERROR_CODE.INVALID_ARGUMENT,
      `"${date}" is not a day like 2026-03-21.`,
    );
  }
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
