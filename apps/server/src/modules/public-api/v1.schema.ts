import { SCREEN_LANGUAGES, TICKET_SOURCES, TICKET_STATUS } from "@equeue/contracts";
import { isCalendarDate } from "@equeue/core";
import { z } from "zod";
import { phoneField } from "../../shared/phone";
import { isOnTheCalendar, OFF_THE_CALENDAR } from "../../shared/instant";

/*
 * The public API's own documents: every string bounded, every array capped, integers with a
 * format and bounds, objects closed — what the OpenAPI document promises integrators (and what
 * the OWASP ruleset checks) is what these schemas enforce.
 */

export const int32 = (min = 0, max = 2_147_483_647) =>
  z.number().int().min(min).max(max).meta({ format: "int32" });
export const text = (max: number) => z.string().max(max);
const uri = text(300).meta({ format: "uri" });
const day = text(10).meta({ format: "date" });
const clock = text(5).regex(/^\d{2}:\d{2}$/);
export const idSchema = z.uuid("This is not a valid id.").max(36);
const dateTime = z.date().meta({ type: "string", format: "date-time", maxLength: 40 });
const localDay = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Write the day as YYYY-MM-DD.")
  .refine(isCalendarDate, "This day does not exist.");

export const i18nSchema = z
  .strictObject({ uz: text(500), ru: text(500).optional(), en: text(500).optional() })
  .describe("Text in Uzbek (always), Russian and English (when given)");
const i18nPartialSchema = z.strictObject({
  uz: text(500).optional(),
  ru: text(500).optional(),
  en: text(500).optional(),
});

const statusSchema = z.enum(TICKET_STATUS);
const sourceSchema = z.enum(TICKET_SOURCES);

export const branchSchema = z.strictObject({
  id: idSchema,
  slug: text(63),
  name: i18nSchema,
  address: i18nPartialSchema,
  phone: text(40).nullable(),
  timeZone: text(64),
  openNow: z.boolean(),
  closedReason: text(500).nullable(),
});
export const branchesResponse = z.strictObject({ items: z.array(branchSchema).max(1000) });

export const waitSchema = z.strictObject({
  minutes: int32(),
  lowMinutes: int32(),
  highMinutes: int32(),
  noOperators: z.boolean().describe("Nobody serves the service now: the range is a rough guess"),
});

export const serviceSchema = z.strictObject({
  id: idSchema,
  letter: text(2),
  name: i18nSchema,
  durationMinutes: int32(),
  waiting: int32().describe("People waiting now"),
  operatorsServing: int32().describe("Operators at their counter for this service now"),
  wait: waitSchema.describe("The wait a ticket taken now would be quoted"),
  bookable: z.boolean().describe("Whether a time can be booked (see the slots)"),
});
export const servicesResponse = z.strictObject({
  branch: branchSchema,
  services: z.array(serviceSchema).max(500),
});

/** The customer's language for their messages: uz-Cyrl is Uzbek written in Cyrillic. */
const customerLanguage = z
  .enum(SCREEN_LANGUAGES)
  .optional()
  .describe(
    "The language of the customer's SMS and Telegram messages; uz-Cyrl is Uzbek in Cyrillic",
  );

export const branchParams = z.strictObject({ branchId: idSchema });
export const ticketParams = z.strictObject({ ticketId: idSchema });

export const issueTicketBody = z.strictObject({
  branchId: idSchema,
  serviceId: idSchema,
  phone: phoneField.optional().describe("The customer's Uzbek mobile number, for their SMS"),
  name: z.string().trim().min(1).max(100).optional(),
  language: customerLanguage,
});

export const ticketSchema = z.strictObject({
  id: idSchema,
  label: text(16).describe("The printed number, e.g. A-012"),
  status: statusSchema,
  source: sourceSchema,
  branchId: idSchema,
  serviceId: idSchema,
  trackUrl: uri.describe("The customer's live page for the ticket"),
  queuedAt: dateTime.nullable(),
  appointmentAt: dateTime.nullable(),
  calledAt: dateTime.nullable(),
  counterNumber: int32().nullable(),
  peopleAhead: int32().nullable(),
  estimate: waitSchema.nullable().describe("While waiting: the wait from now"),
});

export const slotsQuery = z.strictObject({
  serviceId: idSchema,
  from: localDay.optional(),
  to: localDay.optional(),
});
export const slotsResponse = z.strictObject({
  branchId: idSchema,
  serviceId: idSchema,
  timeZone: text(64),
  firstDay: day,
  lastDay: day,
  slots: z
    .array(
      z.strictObject({
        startsAt: dateTime,
        endsAt: dateTime,
        localDate: day,
        localTime: clock,
        capacity: int32(),
        available: int32().describe("Places left"),
      }),
    )
    .max(10_000),
});

export const bookBody = z.strictObject({
  branchId: idSchema,
  serviceId: idSchema,
  startsAt: z.iso
    .datetime({ offset: true, message: "Give the time as an ISO date-time with its offset." })
    .max(40)
    .transform((v) => new Date(v))
    .refine(isOnTheCalendar, OFF_THE_CALENDAR),
  phone: phoneField,
  name: z.string().trim().min(1).max(100).optional(),
  email: z.email("Write an e-mail address like name@example.com.").max(254).optional(),
  language: customerLanguage,
});

export const bookingSchema = z.strictObject({
  ticketId: idSchema,
  label: text(16),
  status: statusSchema,
  startsAt: dateTime,
  endsAt: dateTime,
  localDate: day,
  localTime: clock,
  checkInCode: text(16).describe("Typed at a kiosk of the branch to check in"),
  trackUrl: uri,
});

const MAX_REPORT_DAYS = 366;
const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
/** Both ends are real days (a refused one, 2026-02-30, has its own message; no range from it). */
const realDays = (q: { from: string; to: string }) =>
  localDay.safeParse(q.from).success && localDay.safeParse(q.to).success;

export const reportQuery = z
  .strictObject({
    from: localDay,
    to: localDay,
    branchId: idSchema.optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .refine((q) => !realDays(q) || dayNumber(q.to) >= dayNumber(q.from), {
    path: ["to"],
    message: "The end is before the start.",
  })
  .refine((q) => !realDays(q) || dayNumber(q.to) - dayNumber(q.from) < MAX_REPORT_DAYS, {
    path: ["to"],
    message: `A report covers at most ${MAX_REPORT_DAYS} days.`,
  });

/** The one error shape, documented on every operation. */
// The one error shape, as every refusal of the platform has it.
export { errorBodySchema as errorSchema } from "../../shared/http/platform-openapi";

const count = int32();
const ratio = z.number().min(0).max(1e12).nullable();
const reportKpis = {
  issued: count,
  checkedIn: count,
  entered: count,
  called: count,
  served: count,
  noShow: count,
  cancelled: count,
  expired: count,
  transferred: count,
  abandoned: count,
  abandonmentRate: ratio.describe("Left unserved (cancelled, no-show, expired) ÷ entered"),
  waitAvgSeconds: ratio,
  serviceAvgSeconds: ratio,
  serviceLevel: ratio.describe("Share of waits within the service's target wait"),
};

/** The admin's report, less what names people (operators, rating comments). */
export const v1ReportSchema = z.strictObject({
  range: z.strictObject({ from: day, to: day }),
  totals: z.strictObject(reportKpis),
  bySource: z
    .array(z.strictObject({ source: sourceSchema, ...reportKpis }))
    .max(TICKET_SOURCES.length),
  wait: z.strictObject({ count, p50: ratio, p90: ratio, p95: ratio }),
  service: z.strictObject({ count, p50: ratio, p90: ratio }),
  daily: z.array(z.strictObject({ day, ...reportKpis })).max(366),
  branches: z
    .array(z.strictObject({ branchId: idSchema, name: i18nSchema, ...reportKpis }))
    .max(1000),
  appointments: z.strictObject({
    booked: count,
    checkedIn: count,
    late: count,
    missed: count,
    cancelled: count,
  }),
  ratings: z.strictObject({ count, average: ratio }),
});
