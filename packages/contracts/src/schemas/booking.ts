import { z } from "zod";
import { LATE_ARRIVAL } from "../branch";
import { i18nTextSchema, ticketStatusSchema } from "./queue-views";

/** What the portal's booking answers: the bookable times of a branch's service, and a booking. */

/** One bookable time; `localDate`/`localTime` are the branch's own calendar and clock. */
export const slotSchema = z.object({
  startsAt: z.date(),
  endsAt: z.date(),
  localDate: z.string().describe("The branch's local day, YYYY-MM-DD"),
  localTime: z.string().describe("The branch's local time, HH:MM"),
  capacity: z.number(),
  available: z.number().describe("Places left"),
});
export type SlotDto = z.infer<typeof slotSchema>;

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
export type SlotsDto = z.infer<typeof slotsResponse>;

export const bookingSchema = z.object({
  token: z.string().describe("The tracking token: the ticket's page is /t/{token}"),
  label: z.string(),
  status: ticketStatusSchema,
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
export type BookingDto = z.infer<typeof bookingSchema>;

export const bookingResponse = z.object({ booking: bookingSchema });
