import { isCalendarDate, LATE_ARRIVAL } from "@equeue/core";
import { z } from "zod";
import { phoneField } from "../../shared/phone";
import { i18nTextSchema } from "../queue";

const localDay = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Write the ${what} as YYYY-MM-DD.`)
    .refine(isCalendarDate, "This day does not exist.");

const startsAt = z.iso
  .datetime({
    offset: true,
    message: "Give the time as an ISO date-time, e.g. 2026-12-01T09:30:00+05:00.",
  })
  .transform((v) => new Date(v));

export const slotsParams = z.object({
  slug: z.string(),
  branchSlug: z.string().max(63, "This is not a branch address."),
});

export const slotsQuery = z.strictObject({
  serviceId: z.uuid("Choose a service."),
  from: localDay("first day").optional(),
  to: localDay("last day").optional(),
});

export const slotSchema = z.object({
  startsAt: z.date(),
  endsAt: z.date(),
  localDate: z.string().describe("The branch's local day, YYYY-MM-DD"),
  localTime: z.string().describe("The branch's local time, HH:MM"),
  capacity: z.number(),
  available: z.number().describe("Places left"),
});

export const slotsResponse = z.object({
  branch: z.object({
    id: z.string(),
    slug: z.string(),
    name: i18nTextSchema,
    timeZone: z.string(),
  }),
  service: z.object({ id: z.string(), name: i18nTextSchema, durationMinutes: z.number() }),
  firstDay: z.string().describe("The first local day that takes bookings (today)"),
  lastDay: z.string().describe("The last local day that takes bookings (the horizon)"),
  slots: z.array(slotSchema),
});

export const bookBody = z.strictObject({
  branchId: z.uuid("Choose a branch."),
  serviceId: z.uuid("Choose a service."),
  startsAt,
  phone: phoneField,
  name: z.string().trim().min(1, "Write a name or leave the field out.").max(100).nullish(),
  /** Optional: the confirmation, changes and cancellation also go here, with a calendar file. */
  email: z
    .email("Write an e-mail address like name@example.com, or leave the field out.")
    .max(254)
    .nullish(),
  /** The portal's language, for the customer's SMS. */
  language: z.enum(["uz", "ru", "en"]).nullish(),
});

export const rescheduleBody = z.strictObject({ startsAt });

export const bookingParams = z.object({
  slug: z.string(),
  token: z.string().max(128, "This is not a booking link."),
});

export const bookingSchema = z.object({
  token: z.string().describe("The tracking token: the ticket's page is /t/{token}"),
  label: z.string(),
  status: z.enum([
    "BOOKED",
    "WAITING",
    "CALLED",
    "SERVING",
    "COMPLETED",
    "NO_SHOW",
    "CANCELLED",
    "TRANSFERRED",
    "EXPIRED",
  ]),
  trackPath: z.string(),
  checkInCode: z
    .string()
    .describe("The short code to type at a kiosk of the branch to check in (or scan the QR)"),
  calendarPath: z.string().describe("The booking as an iCalendar (.ics) file"),
  startsAt: z.date(),
  endsAt: z.date(),
  timeZone: z.string(),
  localDate: z.string().describe("The branch's local day, YYYY-MM-DD"),
  localTime: z.string().describe("The branch's local time, HH:MM"),
  branch: z.object({ id: z.string(), slug: z.string(), name: i18nTextSchema }),
  service: z.object({ id: z.string(), name: i18nTextSchema, durationMinutes: z.number() }),
  customerName: z.string().nullable(),
  checkIn: z.object({
    opensAt: z.date(),
    closesAt: z.date(),
    lateArrival: z.enum(LATE_ARRIVAL),
  }),
  canCheckIn: z.boolean().describe("Checking in now would be accepted"),
  canChange: z.boolean().describe("The booking can still be moved or cancelled"),
  canCancel: z.boolean(),
});

export const bookingResponse = z.object({ booking: bookingSchema });

export type BookingDto = z.infer<typeof bookingSchema>;
