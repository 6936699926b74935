import { z } from "zod";
import { codedPattern } from "../../shared/validation-details";

/** "HH:MM", 24-hour clock. */
export const timeOfDay = z
  .string()
  .regex(
    codedPattern(/^([01]\d|2[0-3]):[0-5]\d$/, "invalid_time"),
    "Use a 24-hour time like 09:00.",
  );

/** Minutes since midnight of an "HH:MM" (or "HH:MM:SS") time. */
export const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** "09:00:00" from the database → "09:00". */
export const shortTime = (t: string | null) => (t ? t.slice(0, 5) : null);

const breakSchema = z.strictObject({ start: timeOfDay, end: timeOfDay });

/** One day's hours: open < close; breaks inside the day, each start < end, none overlapping. */
export const dayHoursSchema = z
  .strictObject({
    open: timeOfDay,
    close: timeOfDay,
    breaks: z.array(breakSchema).max(10, "Use at most 10 breaks a day.").default([]),
  })
  .superRefine((day, ctx) => {
    const open = minutesOf(day.open);
    const close = minutesOf(day.close);
    if (open >= close) {
      ctx.addIssue({
        code: "custom",
        path: ["close"],
        message: `Closing time ${day.close} must be after opening time ${day.open}.`,
      });
      return;
    }
    const valid: { i: number; s: number; e: number; label: string }[] = [];
    day.breaks.forEach((b, i) => {
      const s = minutesOf(b.start);
      const e = minutesOf(b.end);
      const label = `${b.start}–${b.end}`;
      if (s >= e) {
        ctx.addIssue({
          code: "custom",
          path: ["breaks", i],
          message: `The break ${label} must end after it starts.`,
        });
      } else if (s < open || e > close) {
        ctx.addIssue({
          code: "custom",
          path: ["breaks", i],
          message: `The break ${label} must fall within the opening hours ${day.open}–${day.close}.`,
        });
      } else valid.push({ i, s, e, label });
    });
    valid.sort((a, b) => a.s - b.s || a.i - b.i);
    for (let k = 1; k < valid.length; k++) {
      const prev = valid[k - 1]!;
      const cur = valid[k]!;
      if (cur.s < prev.e) {
        ctx.addIssue({
          code: "custom",
          path: ["breaks", Math.max(prev.i, cur.i)],
          message: `The breaks ${prev.label} and ${cur.label} overlap; merge or move one.`,
        });
      }
    }
  })
  .transform((day) => ({
    ...day,
    breaks: [...day.breaks].sort((a, b) => minutesOf(a.start) - minutesOf(b.start)),
  }));

const weekdays = ["1", "2", "3", "4", "5", "6", "7"] as const;

/** ISO weekdays "1" (Monday) … "7" (Sunday) → hours; a missing day is closed. */
export const weeklyHoursSchema = z.strictObject(
  Object.fromEntries(weekdays.map((d) => [d, dayHoursSchema.optional()])) as Record<
    (typeof weekdays)[number],
    z.ZodOptional<typeof dayHoursSchema>
  >,
);
