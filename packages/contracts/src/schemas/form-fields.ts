import { codedPattern } from "../error-detail";
import { z } from "zod";
import { SCREEN_LANGUAGES } from "../language";
import { patternBound } from "./answer-text";

/** Form fields that several set-up bodies share; the server validates with them. */

const optionalLang = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

const dropEmpty = <T extends Record<string, string | undefined>>(t: T) =>
  Object.fromEntries(Object.entries(t).filter(([, v]) => v)) as T;

/** Text in Uzbek (required), Russian and English: `{ uz, ru?, en? }`. */
export const i18nText = (max: number, what = "the name") =>
  z
    .strictObject({
      uz: z
        .string()
        .trim()
        .min(1, `Enter ${what} in Uzbek.`)
        .max(max, `Use at most ${max} characters.`),
      ru: optionalLang(max),
      en: optionalLang(max),
    })
    .transform(dropEmpty);

/** Optional text in up to three languages; empty strings are dropped. */
export const i18nPartial = (max: number) =>
  z
    .strictObject({ uz: optionalLang(max), ru: optionalLang(max), en: optionalLang(max) })
    .transform(dropEmpty);

export const phoneSchema = z
  .string()
  .trim()
  .regex(
    codedPattern(/^(\+?[0-9][0-9 ()-]{6,19})?$/, "invalid_phone"),
    "Enter a phone number like +998 71 200 00 00.",
  )
  .meta(patternBound(21))
  .transform((v) => (v === "" ? null : v))
  .nullable();

const zoneShape = /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/;
const canonicalZones = new Map(
  [...Intl.supportedValuesOf("timeZone"), "UTC"].map((tz) => [tz.toLowerCase(), tz]),
);

/** The IANA spelling of a zone name in any case (`asia/tashkent` → `Asia/Tashkent`), or null. */
export function canonicalTimeZone(input: string): string | null {
  const tz = input.trim();
  if (!zoneShape.test(tz)) return null;
  const known = canonicalZones.get(tz.toLowerCase());
  if (known) return known;
  // An older alias the runtime still knows (Europe/Kiev, Etc/UTC): stored as its current name.
  try {
    return new Intl.DateTimeFormat("en", { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** An IANA time zone name that this runtime knows, e.g. Asia/Tashkent; stored in its IANA spelling. */
export const timeZoneSchema = z
  .string()
  .max(64, "Use an IANA time zone name such as Asia/Tashkent.")
  .transform((tz, ctx) => {
    const canonical = canonicalTimeZone(tz);
    if (canonical) return canonical;
    ctx.addIssue({
      code: "custom",
      message: `"${tz.trim().slice(0, 64)}" is not a known time zone; use an IANA name such as Asia/Tashkent.`,
      params: { code: "invalid_time_zone" },
    });
    return z.NEVER;
  })
  .meta({ description: "IANA time zone name, any case (stored as e.g. Asia/Tashkent)." });

export const languagesSchema = z
  .array(z.enum(SCREEN_LANGUAGES, "Languages are uz, uz-Cyrl, ru and en."))
  .min(1, "Choose at least one language.")
  .max(SCREEN_LANGUAGES.length)
  .transform((l) => [...new Set(l)]);

export const uuidOf = (what: string) => z.uuid(`This is not a valid ${what} id.`);

/** "HH:MM", 24-hour clock. */
export const timeOfDay = z
  .string()
  .regex(
    codedPattern(/^([01]\d|2[0-3]):[0-5]\d$/, "invalid_time"),
    "Use a 24-hour time like 09:00.",
  )
  .meta(patternBound(5));

/** Minutes since midnight of an "HH:MM" (or "HH:MM:SS") time. */
export const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

const breakSchema = z.strictObject({ start: timeOfDay, end: timeOfDay });

/**
 * One day's hours: open < close; breaks inside the day, each start < end, none overlapping, and
 * some working time left between them.
 */
export const dayHoursInput = z
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
        params: { code: "ends_before_start" },
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
          params: { code: "ends_before_start" },
        });
      } else if (s < open || e > close) {
        ctx.addIssue({
          code: "custom",
          path: ["breaks", i],
          message: `The break ${label} must fall within the opening hours ${day.open}–${day.close}.`,
          params: { code: "outside_hours" },
        });
      } else valid.push({ i, s, e, label });
    });
    valid.sort((a, b) => a.s - b.s || a.i - b.i);
    let overlap = false;
    for (let k = 1; k < valid.length; k++) {
      const prev = valid[k - 1]!;
      const cur = valid[k]!;
      if (cur.s < prev.e) {
        overlap = true;
        ctx.addIssue({
          code: "custom",
          path: ["breaks", Math.max(prev.i, cur.i)],
          message: `The breaks ${prev.label} and ${cur.label} overlap; merge or move one.`,
          params: { code: "overlaps" },
        });
      }
    }
    // Breaks end to end from opening to closing leave no minute to serve anyone in.
    if (!overlap && valid.length === day.breaks.length && valid.length > 0) {
      const covered = valid.every((b, k) => b.s === (k === 0 ? open : valid[k - 1]!.e));
      if (covered && valid[valid.length - 1]!.e === close) {
        ctx.addIssue({
          code: "custom",
          path: ["breaks", valid[valid.length - 1]!.i],
          message: `The breaks take the whole day ${day.open}–${day.close}; leave some working time, or make it a day off.`,
          params: { code: "no_working_time" },
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
export const weeklyHoursInput = z.strictObject(
  Object.fromEntries(weekdays.map((d) => [d, dayHoursInput.optional()])) as Record<
    (typeof weekdays)[number],
    z.ZodOptional<typeof dayHoursInput>
  >,
);
