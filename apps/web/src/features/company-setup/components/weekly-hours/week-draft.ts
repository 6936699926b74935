import { WEEKDAYS, type TimeRange, type Weekday, type WeeklyHours } from "../../api/types";

/** One day as the editor holds it: a closed day keeps its times so reopening restores them. */
export type DayDraft = { open: boolean; from: string; to: string; breaks: TimeRange[] };
export type WeekDraft = Record<Weekday, DayDraft>;

export type HoursProblem =
  | "missing"
  | "midnight"
  | "closeBeforeOpen"
  | "breakOrder"
  | "breakOutside"
  | "breakOverlap"
  | "breakAllDay";
export type DayProblems = { hours?: HoursProblem; breaks: Partial<Record<number, HoursProblem>> };
export type WeekProblems = Partial<Record<Weekday, DayProblems>>;

export const LUNCH: TimeRange = { start: "13:00", end: "14:00" };
const WORKDAY: DayDraft = { open: true, from: "09:00", to: "18:00", breaks: [LUNCH] };
const DAY_OFF: DayDraft = { open: false, from: "09:00", to: "18:00", breaks: [] };

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const isTime = (t: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t);

/** Monday to Friday 09:00–18:00 with lunch 13:00–14:00; the weekend closed. */
export function defaultWeek(): WeekDraft {
  return Object.fromEntries(
    WEEKDAYS.map((d) => [d, d <= "5" ? cloneDay(WORKDAY) : cloneDay(DAY_OFF)]),
  ) as WeekDraft;
}

export const cloneDay = (day: DayDraft): DayDraft => ({
  ...day,
  breaks: day.breaks.map((b) => ({ ...b })),
});

/** The editor's model of stored hours (a missing day is closed). */
export function toDraft(hours: WeeklyHours): WeekDraft {
  return Object.fromEntries(
    WEEKDAYS.map((d) => {
      const day = hours[d];
      return [
        d,
        day
          ? { open: true, from: day.open, to: day.close, breaks: day.breaks.map((b) => ({ ...b })) }
          : cloneDay(DAY_OFF),
      ];
    }),
  ) as WeekDraft;
}

/** Stored hours of the editor's model: only open days, breaks in time order. */
export function fromDraft(draft: WeekDraft): WeeklyHours {
  const out: WeeklyHours = {};
  for (const d of WEEKDAYS) {
    const day = draft[d];
    if (!day.open) continue;
    const breaks = [...day.breaks].sort((a, b) => minutes(a.start) - minutes(b.start));
    out[d] = { open: day.from, close: day.to, breaks };
  }
  return out;
}

/** Monday's hours and breaks copied to Tuesday–Friday. */
export function copyMondayToWeekdays(draft: WeekDraft): WeekDraft {
  const next = { ...draft };
  for (const d of ["2", "3", "4", "5"] as const) next[d] = cloneDay(draft["1"]);
  return next;
}

/** A new break: an hour after the last one (or 13:00), kept inside the day. */
export function nextBreak(day: DayDraft): TimeRange {
  if (day.breaks.length === 0) return { ...LUNCH };
  const last = day.breaks[day.breaks.length - 1]!;
  const start = Math.min(minutes(last.end) + 60, minutes(day.to) - 15);
  const end = Math.min(start + 15, minutes(day.to));
  const fmt = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return { start: fmt(Math.max(0, start)), end: fmt(Math.max(0, end)) };
}

function dayProblems(day: DayDraft): DayProblems | undefined {
  if (!day.open) return undefined;
  // "24:00" reads as the end of the day, but times stop at 23:59.
  if (day.to === "24:00" && isTime(day.from)) return { hours: "midnight", breaks: {} };
  if (!isTime(day.from) || !isTime(day.to)) return { hours: "missing", breaks: {} };
  const open = minutes(day.from);
  const close = minutes(day.to);
  if (open >= close) return { hours: "closeBeforeOpen", breaks: {} };
  const breaks: DayProblems["breaks"] = {};
  const valid: { i: number; s: number; e: number }[] = [];
  day.breaks.forEach((b, i) => {
    if (!isTime(b.start) || !isTime(b.end)) breaks[i] = "missing";
    else if (minutes(b.start) >= minutes(b.end)) breaks[i] = "breakOrder";
    else if (minutes(b.start) < open || minutes(b.end) > close) breaks[i] = "breakOutside";
    else valid.push({ i, s: minutes(b.start), e: minutes(b.end) });
  });
  valid.sort((a, b) => a.s - b.s);
  for (let k = 1; k < valid.length; k++) {
    if (valid[k]!.s < valid[k - 1]!.e)
      breaks[Math.max(valid[k]!.i, valid[k - 1]!.i)] = "breakOverlap";
  }
  if (Object.keys(breaks).length) return { breaks };
  // Breaks end to end from opening to closing leave no working time.
  const last = valid[valid.length - 1];
  const endToEnd = valid.every((b, k) => b.s === (k === 0 ? open : valid[k - 1]!.e));
  if (last && endToEnd && last.e === close) return { breaks: { [last.i]: "breakAllDay" } };
  return undefined;
}

/** The same rules as the server: open before close, breaks inside the day and not overlapping. */
export function validateWeek(draft: WeekDraft): WeekProblems {
  const out: WeekProblems = {};
  for (const d of WEEKDAYS) {
    const problems = dayProblems(draft[d]);
    if (problems) out[d] = problems;
  }
  return out;
}

export const hasProblems = (p: WeekProblems) => Object.keys(p).length > 0;

/** "0930", "9:30" or "9" → "09:30" / "09:00"; anything else is left for validation to flag. */
export function normaliseTime(raw: string): string {
  const text = raw.trim();
  const m = /^(\d{1,2})(?::?(\d{2}))?$/.exec(text) ?? /^(\d{1,2}):(\d)$/.exec(text);
  if (!m) return text;
  const h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2].padEnd(2, "0"));
  if (h > 23 || min > 59) return text;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}
