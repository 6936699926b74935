import { z } from "zod";
import { LIST_MAX, listOf } from "./answer-lists";
import { LATE_ARRIVAL } from "../branch";
import { CANCEL_REASONS } from "../ticket";
import { i18nTextSchema, ticketStatusSchema } from "./queue-views";
import { TEXT_MAX } from "./answer-text";

/** What the portal's booking answers: the bookable times of a branch's service, and a booking. */

/** One bookable time; `localDate`/`localTime` are the branch's own calendar and clock. */
export const slotSchema = z.object({
  startsAt: z.date(),
  endsAt: z.date(),
  localDate: z.string().max(TEXT_MAX.day).describe("The branch's local day, YYYY-MM-DD"),
  localTime: z.string().max(TEXT_MAX.time).describe("The branch's local time, HH:MM"),
  capacity: z.number(),
  available: z.number().describe("Places left"),
});
export type SlotDto = z.infer<typeof slotSchema>;

export const slotsResponse = z.object({
  branch: z.object({
    id: z.string().max(TEXT_MAX.id),
    slug: z.string().max(TEXT_MAX.slug),
    name: i18nTextSchema,
    timeZone: z.string().max(TEXT_MAX.timeZone),
  }),
  service: z.object({
    id: z.string().max(TEXT_MAX.id),
    name: i18nTextSchema,
    durationMinutes: z.number(),
  }),
  firstDay: z
    .string()
    .max(TEXT_MAX.day)
    .describe("The first local day that takes bookings (today)"),
  lastDay: z
    .string()
    .max(TEXT_MAX.day)
    .describe("The last local day that takes bookings (the horizon)"),
  slots: listOf(LIST_MAX.slots, slotSchema),
});
export type SlotsDto = z.infer<typeof slotsResponse>;

export const bookingSchema = z.object({
  token: z
    .string()
    .max(TEXT_MAX.token)
    .describe("The tracking token: the ticket's page is /t/{token}"),
  label: z.string().max(TEXT_MAX.label),
  status: ticketStatusSchema,
  trackPath: z.string().max(TEXT_MAX.path),
  checkInCode: z
    .string()
    .max(TEXT_MAX.code)
    .describe("The short code to type at a kiosk of the branch to check in (or scan the QR)"),
  calendarPath: z.string().max(TEXT_MAX.path).describe("The booking as an iCalendar (.ics) file"),
  startsAt: z.date(),
  endsAt: z.date(),
  timeZone: z.string().max(TEXT_MAX.timeZone),
  localDate: z.string().max(TEXT_MAX.day).describe("The branch's local day, YYYY-MM-DD"),
  localTime: z.string().max(TEXT_MAX.time).describe("The branch's local time, HH:MM"),
  branch: z.object({
    id: z.string().max(TEXT_MAX.id),
    slug: z.string().max(TEXT_MAX.slug),
    name: i18nTextSchema,
  }),
  service: z.object({
    id: z.string().max(TEXT_MAX.id),
    name: i18nTextSchema,
    durationMinutes: z.number(),
  }),
  customerName: z.string().max(TEXT_MAX.personName).nullable(),
  checkIn: z.object({
    opensAt: z.date(),
    closesAt: z.date(),
    lateArrival: z.enum(LATE_ARRIVAL),
  }),
  canCheckIn: z.boolean().describe("Checking in now would be accepted"),
  canChange: z.boolean().describe("The booking can still be moved or cancelled"),
  canCancel: z.boolean(),
  cancelled: z
    .object({
      by: z.enum(["CUSTOMER", "COMPANY"]),
      reason: z.enum(CANCEL_REASONS).nullable(),
      message: z.string().max(TEXT_MAX.message).nullable(),
    })
    .nullable()
    .describe(
      "A CANCELLED booking: who cancelled it, and why when the company did (its reason, or the staff's words)",
    ),
});
export type BookingDto = z.infer<typeof bookingSchema>;

export const bookingResponse = z.object({ booking: bookingSchema });
