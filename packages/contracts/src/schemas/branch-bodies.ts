import { codedPattern } from "../error-detail";
import { z } from "zod";
import { patternBound } from "./answer-text";
import { LATE_ARRIVAL, NUMBER_SCHEME } from "../branch";
import {
  i18nPartial,
  i18nText,
  phoneSchema,
  timeOfDay,
  timeZoneSchema,
  uuidOf,
  weeklyHoursInput,
} from "./form-fields";

/** What the admin panel sends to create and edit branches, their exceptions and services. */

export const branchSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "Use at least 2 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(
    // Checked after lowering, so the pattern also tells API readers that any case is accepted.
    codedPattern(/^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$/, "invalid_slug"),
    "Use Latin letters, digits and single dashes, e.g. toshkent (it appears in kiosk links).",
  )
  .meta({
    description:
      "Latin letters, digits and dashes, any case; spaces around it are dropped and it is stored in lowercase.",
  });

export const branchCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Za-z]{2,5}$/, "Use 2–5 Latin letters, e.g. TSH.")
  .meta({ description: "2–5 Latin letters, any case; stored in capitals.", ...patternBound(5) });

const settingsFields = {
  numberScheme: z.enum(NUMBER_SCHEME, "Choose BY_SOURCE (K-001, O-001) or BY_SERVICE."),
  noShowGraceSeconds: z
    .number()
    .int()
    .min(0, "Use 0 to 3600 seconds.")
    .max(3600, "Use 0 to 3600 seconds."),
  dailyTicketLimit: z
    .number()
    .int()
    .min(1, "Use a positive number, or null for no limit.")
    .max(100_000)
    .nullable(),
  bookingHorizonDays: z.number().int().min(0, "Use 0 to 365 days.").max(365, "Use 0 to 365 days."),
  onlineCapPerSlot: z
    .number()
    .int()
    .min(1, "Use 1 to 1000 bookings, or null for every operator.")
    .max(1000, "Use 1 to 1000 bookings, or null for every operator.")
    .nullable()
    .describe(
      "At most this many online (portal) bookings per slot, so walk-ins keep room; null: as many as operators are scheduled. Staff bookings may use every place.",
    ),
  keepOvernight: z.boolean(),
  checkInEarlyMinutes: z
    .number()
    .int()
    .min(0, "Use 0 to 240 minutes.")
    .max(240, "Use 0 to 240 minutes.")
    .describe("A booked customer may check in this many minutes before the appointment time"),
  checkInLateMinutes: z
    .number()
    .int()
    .min(0, "Use 0 to 240 minutes.")
    .max(240, "Use 0 to 240 minutes.")
    .describe("… and up to this many minutes after it"),
  lateArrival: z
    .enum(LATE_ARRIVAL, "Choose WALK_IN or EXPIRE.")
    .describe(
      "After the check-in window: WALK_IN queues a late customer when they check in; EXPIRE ends the booking",
    ),
};
const settingsInput = z.strictObject(settingsFields).partial();

const latitude = z
  .number()
  .min(-90, "Latitude is between -90 and 90.")
  .max(90, "Latitude is between -90 and 90.")
  .nullable();
const longitude = z
  .number()
  .min(-180, "Longitude is between -180 and 180.")
  .max(180, "Longitude is between -180 and 180.")
  .nullable();

const editable = {
  name: i18nText(120),
  slug: branchSlugSchema,
  code: branchCodeSchema,
  address: i18nPartial(300),
  latitude,
  longitude,
  phone: phoneSchema,
  timeZone: timeZoneSchema,
  weeklyHours: weeklyHoursInput,
  settings: settingsInput,
};

export const createBranchBody = z.strictObject({
  ...editable,
  address: editable.address.optional(),
  latitude: latitude.optional(),
  longitude: longitude.optional(),
  phone: phoneSchema.optional(),
  timeZone: timeZoneSchema.default("Asia/Tashkent"),
  weeklyHours: weeklyHoursInput.default({}),
  settings: settingsInput.default({}),
  copyFrom: z
    .uuid("Choose the branch to copy from.")
    .optional()
    .describe(
      "Another branch of the company whose services and counters the new one starts with (its hours and settings are sent as usual)",
    ),
});
export const updateBranchBody = z.strictObject(editable).partial();

/** Hours a branch would have, for "which bookings would this cancel?" before saving them. */
export const hoursPreviewBody = z.strictObject({
  weeklyHours: editable.weeklyHours.optional(),
  timeZone: editable.timeZone.optional(),
});

/** Every editable field of a branch, as the panel's full create or edit sends it. */
export type BranchInput = Required<z.input<typeof updateBranchBody>>;

// Exceptions: a closed day or a short day, on a date of the branch's own calendar.
export const isoDay = z
  .string()
  .regex(codedPattern(/^\d{4}-\d{2}-\d{2}$/, "invalid_date"), "Use a date like 2026-03-21.")
  .meta(patternBound(10))
  .refine(
    (d) => {
      const t = new Date(`${d}T00:00:00Z`);
      // JavaScript has a year 0; PostgreSQL's dates do not.
      return (
        !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d && t.getUTCFullYear() > 0
      );
    },
    { message: "This date does not exist.", params: { code: "invalid_date" } },
  );

export const createExceptionBody = z
  .strictObject({
    day: isoDay,
    kind: z.enum(["CLOSED", "SHORT_DAY"], "Choose CLOSED or SHORT_DAY."),
    opensAt: timeOfDay.optional(),
    closesAt: timeOfDay.optional(),
    note: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  })
  .superRefine((e, ctx) => {
    if (e.kind === "CLOSED") {
      for (const key of ["opensAt", "closesAt"] as const)
        if (e[key] !== undefined)
          ctx.addIssue({
            code: "custom",
            path: [key],
            message: "A closed day has no hours.",
            params: { code: "closed_day" },
          });
      return;
    }
    if (!e.opensAt || !e.closesAt) {
      ctx.addIssue({
        code: "custom",
        path: [e.opensAt ? "closesAt" : "opensAt"],
        message: "A short day needs its opening and closing time.",
        params: { code: "required" },
      });
    } else if (e.opensAt >= e.closesAt) {
      ctx.addIssue({
        code: "custom",
        path: ["closesAt"],
        message: `Closing time ${e.closesAt} must be after opening time ${e.opensAt}.`,
        params: { code: "ends_before_start" },
      });
    }
  });
export type ExceptionInput = z.input<typeof createExceptionBody>;

export const branchServicesBody = z.strictObject({
  services: z
    .array(z.strictObject({ serviceId: uuidOf("service"), enabled: z.boolean().default(true) }))
    .max(500),
});
