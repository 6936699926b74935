import { SCREEN_LANGUAGES } from "@equeue/contracts";
import { isCalendarDate } from "@equeue/core";
import { z } from "zod";
import { phoneField } from "../../shared/phone";
import { isOnTheCalendar, OFF_THE_CALENDAR } from "../../shared/instant";
import { codedPattern } from "../../shared/validation-details";
import { TEXT_MAX, patternBound } from "@equeue/contracts/schemas";

const localDay = (what: string) =>
  z
    .string()
    .regex(codedPattern(/^\d{4}-\d{2}-\d{2}$/, "invalid_date"), `Write the ${what} as YYYY-MM-DD.`)
    .meta(patternBound(10))
    .refine(isCalendarDate, "This day does not exist.");

const startsAt = z.iso
  .datetime({
    offset: true,
    message: "Give the time as an ISO date-time, e.g. 2026-12-01T09:30:00+05:00.",
  })
  .max(TEXT_MAX.instant, "Give the time as an ISO date-time, e.g. 2026-12-01T09:30:00+05:00.")
  .transform((v) => new Date(v))
  .refine(isOnTheCalendar, OFF_THE_CALENDAR);

export const slotsParams = z.object({
  slug: z.string(),
  branchSlug: z.string().max(63, "This is not a branch address."),
});

export const slotsQuery = z.strictObject({
  serviceId: z.uuid("Choose a service."),
  from: localDay("first day").optional(),
  to: localDay("last day").optional(),
});

// The answers (bookable times, a booking) are a contract with the web: defined once in
// @equeue/contracts.
export {
  bookingResponse,
  bookingSchema,
  slotSchema,
  slotsResponse,
  type BookingDto,
} from "@equeue/contracts/schemas";

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
  language: z.enum(SCREEN_LANGUAGES).nullish(),
});

export const rescheduleBody = z.strictObject({ startsAt });

export const bookingParams = z.object({
  slug: z.string(),
  token: z.string().max(128, "This is not a booking link."),
});
