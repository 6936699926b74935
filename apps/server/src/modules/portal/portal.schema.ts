import { z } from "zod";
import { phoneField } from "../../shared/phone";
import { i18nTextSchema } from "../queue";

const partialI18n = i18nTextSchema.partial();
const dayHoursSchema = z.object({
  open: z.string(),
  close: z.string(),
  breaks: z.array(z.object({ start: z.string(), end: z.string() })),
});

/** A day's opening: hours, or closed (with the reason when an exception says so). */
const dayOpeningSchema = z.object({
  day: z.string().describe("Local date, YYYY-MM-DD"),
  weekday: z.number().int().min(1).max(7),
  hours: dayHoursSchema.nullable().describe("null: closed that day"),
  exception: z.enum(["CLOSED", "SHORT_DAY"]).nullable(),
  note: z.string().nullable(),
});

export const publicBranchSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: i18nTextSchema,
  address: partialI18n,
  phone: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  timeZone: z.string(),
  openNow: z.boolean(),
  closedReason: z.string().nullable().describe("Why the branch is not taking customers now"),
  today: dayOpeningSchema,
  week: z.array(dayOpeningSchema).describe("Today and the six days after, in local time"),
});

export const publicCompanySchema = z.object({
  name: z.string(),
  slug: z.string(),
  logoUrl: z.string().nullable(),
  description: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  primaryColor: z.string().nullable(),
});

export const portalCompanyResponse = z.object({
  company: publicCompanySchema,
  branches: z.array(publicBranchSchema),
});

export const serviceLineSchema = z.object({
  id: z.string(),
  letter: z.string(),
  name: i18nTextSchema,
  description: partialI18n,
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
  joinRefusal: z.string().nullable().describe("Why not, when it cannot"),
  bookOnline: z.boolean().describe("Whether a time can be booked online (see …/slots)"),
});

export const portalBranchResponse = z.object({
  company: publicCompanySchema,
  branch: publicBranchSchema,
  services: z.array(serviceLineSchema),
});

export const branchParams = z.object({
  slug: z.string(),
  branchSlug: z.string().max(63, "This is not a branch address."),
});

export const joinQueueBody = z.strictObject({
  branchId: z.uuid("Choose a branch."),
  serviceId: z.uuid("Choose a service."),
  phone: phoneField,
  name: z.string().trim().min(1, "Write a name or leave the field out.").max(100).nullish(),
  /** The portal's language, for the customer's SMS. */
  language: z.enum(["uz", "ru", "en"]).nullish(),
});

export const joinQueueResponse = z.object({
  ticket: z.object({
    label: z.string(),
    status: z.string(),
    token: z.string().describe("The tracking token: the ticket's page is /t/{token}"),
    trackPath: z.string(),
    branchName: i18nTextSchema,
    serviceName: i18nTextSchema,
    issuedAt: z.date(),
  }),
});

export const directoryQuery = z.strictObject({
  search: z.string().trim().max(100, "At most 100 characters.").optional(),
});

export type PublicBranchDto = z.infer<typeof publicBranchSchema>;
export type PublicCompanyDto = z.infer<typeof publicCompanySchema>;
export type ServiceLineDto = z.infer<typeof serviceLineSchema>;
