import { z } from "zod";
import { LIST_MAX, listOf } from "./answer-lists";
import { EXCEPTION_KINDS } from "../branch";
import { i18nTextSchema } from "./queue-views";
import { dayHoursSchema, i18nPartialSchema } from "./setup";
import { TEXT_MAX } from "./answer-text";

/**
 * What the customer portal reads without signing in: the directory of companies, a company's
 * page with its branches, a branch's services with their waits, and the answer to joining a queue.
 */

/** A company's rating in the directory: null until the first one. */
export const ratingSummarySchema = z
  .object({ average: z.number(), count: z.number().int() })
  .nullable();

/** A company card of the public directory (`GET /api/public/companies`). */
export const directoryCompanySchema = z.object({
  name: z.string().max(TEXT_MAX.name),
  slug: z.string().max(TEXT_MAX.slug),
  logoUrl: z.string().max(TEXT_MAX.path).nullable(),
  description: i18nPartialSchema.nullable().describe("In Uzbek, Russian and English; null: none"),
  rating: ratingSummarySchema.describe("Customers' average stars and count"),
});
export type DirectoryCompanyDto = z.infer<typeof directoryCompanySchema>;

export const directoryResponse = z.object({
  items: listOf(LIST_MAX.directory, directoryCompanySchema),
});
export type DirectoryDto = z.infer<typeof directoryResponse>;

/** A day's opening: hours, or closed (with the reason when an exception says so). */
export const dayOpeningSchema = z.object({
  day: z.string().max(TEXT_MAX.day).describe("Local date, YYYY-MM-DD"),
  weekday: z.number().int().min(1).max(7),
  hours: dayHoursSchema.nullable().describe("null: closed that day"),
  exception: z.enum(EXCEPTION_KINDS).nullable(),
  note: z.string().max(TEXT_MAX.note).nullable(),
});
export type DayOpeningDto = z.infer<typeof dayOpeningSchema>;

export const publicBranchSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  slug: z.string().max(TEXT_MAX.slug),
  name: i18nTextSchema,
  address: i18nPartialSchema,
  phone: z.string().max(TEXT_MAX.phone).nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  timeZone: z.string().max(TEXT_MAX.timeZone),
  openNow: z.boolean(),
  closedReason: z
    .string()
    .max(TEXT_MAX.message)
    .nullable()
    .describe("Why the branch is not taking customers now"),
  breakUntil: z
    .string()
    .max(TEXT_MAX.time)
    .nullable()
    .describe("On a break of today's hours now: the local time (HH:MM) it opens again"),
  today: dayOpeningSchema,
  week: listOf(LIST_MAX.week, dayOpeningSchema).describe(
    "Today and the six days after, in local time",
  ),
});
export type PublicBranchDto = z.infer<typeof publicBranchSchema>;

export const publicCompanySchema = z.object({
  name: z.string().max(TEXT_MAX.name),
  slug: z.string().max(TEXT_MAX.slug),
  logoUrl: z.string().max(TEXT_MAX.path).nullable(),
  description: i18nPartialSchema.nullable().describe("In Uzbek, Russian and English; null: none"),
  phone: z.string().max(TEXT_MAX.phone).nullable(),
  address: z.string().max(TEXT_MAX.address).nullable(),
  primaryColor: z.string().max(TEXT_MAX.color).nullable(),
});
export type PublicCompanyDto = z.infer<typeof publicCompanySchema>;

export const portalCompanyResponse = z.object({
  company: publicCompanySchema,
  branches: listOf(LIST_MAX.branches, publicBranchSchema),
});
export type PortalCompanyPageDto = z.infer<typeof portalCompanyResponse>;

export const serviceLineSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  letter: z.string().max(TEXT_MAX.letter),
  ticketSeries: z
    .string()
    .max(TEXT_MAX.letter)
    .describe(
      "What a ticket of this service taken online starts with (K-012): the service's letter, or the source's where the branch numbers by source",
    ),
  name: i18nTextSchema,
  description: i18nPartialSchema,
  durationMinutes: z.number(),
  waiting: z.number().describe("People waiting now"),
  operatorsServing: z.number().describe("Operators at their counter for this service now"),
  wait: z.object({
    minutes: z.number(),
    lowMinutes: z.number(),
    highMinutes: z.number(),
    noOperators: z.boolean(),
  }),
  joinOnline: z.boolean().describe("Whether a place can be taken online now"),
  joinRefusal: z.string().max(TEXT_MAX.message).nullable().describe("Why not, when it cannot"),
  bookOnline: z.boolean().describe("Whether a time can be booked online (see …/slots)"),
});
export type ServiceLineDto = z.infer<typeof serviceLineSchema>;

export const portalBranchResponse = z.object({
  company: publicCompanySchema,
  branch: publicBranchSchema,
  services: listOf(LIST_MAX.services, serviceLineSchema),
});
export type PortalBranchPageDto = z.infer<typeof portalBranchResponse>;

export const joinedTicketSchema = z.object({
  label: z.string().max(TEXT_MAX.label),
  status: z.string().max(TEXT_MAX.word),
  token: z
    .string()
    .max(TEXT_MAX.token)
    .describe("The tracking token: the ticket's page is /t/{token}"),
  trackPath: z.string().max(TEXT_MAX.path),
  branchName: i18nTextSchema,
  serviceName: i18nTextSchema,
  issuedAt: z.date(),
});
export type JoinedTicketDto = z.infer<typeof joinedTicketSchema>;

export const joinQueueResponse = z.object({ ticket: joinedTicketSchema });
