import { z } from "zod";
import { SCREEN_LANGUAGES } from "@equeue/contracts";
import { phoneField } from "../../shared/phone";
import { i18nTextSchema } from "../queue";
import { SIX_DIGITS } from "../../shared/validation-details";

/** Why a service cannot be chosen at the kiosk now. */
export const kioskClosedReason = z.enum(["CLOSED_TODAY", "OUTSIDE_HOURS", "DAILY_LIMIT"]);
export type KioskClosedReason = z.infer<typeof kioskClosedReason>;

const waitSchema = z.object({
  minutes: z.number(),
  lowMinutes: z.number(),
  highMinutes: z.number(),
  noOperators: z.boolean().describe("Nobody serves this line now; the range uses its set duration"),
});

export const kioskServiceSchema = z.object({
  id: z.string(),
  letter: z.string(),
  name: i18nTextSchema,
  durationMinutes: z.number(),
  waiting: z.number().describe("People waiting now"),
  operatorsServing: z.number().describe("Operators at their counter for this service now"),
  wait: waitSchema,
  open: z.boolean(),
  closedReason: kioskClosedReason.nullable(),
  closedMessage: z.string().nullable().describe("The reason in English, for logs and support"),
});

export const kioskSnapshotSchema = z.object({
  company: z.object({
    name: z.string(),
    logoUrl: z.string().nullable(),
    primaryColor: z.string().nullable(),
  }),
  branch: z.object({ id: z.string(), name: i18nTextSchema, timeZone: z.string() }),
  settings: z.object({
    languages: z.array(z.enum(SCREEN_LANGUAGES)),
    autoPrint: z.boolean(),
    idleResetSeconds: z.number(),
    offlineIssuing: z.boolean().describe("Issue from reserved numbers while the server is away"),
  }),
  services: z.array(kioskServiceSchema),
  at: z.date(),
});

export const kioskIssueBody = z.strictObject({
  serviceId: z.uuid("Choose a service."),
  name: z.string().trim().min(1, "Write a name or leave the field out.").max(100).nullish(),
  phone: phoneField.nullish(),
  /** The language the kiosk was showing, for the customer's SMS. */
  language: z.enum(SCREEN_LANGUAGES).nullish(),
});

export const kioskTicketSchema = z.object({
  ticket: z.object({
    id: z.string(),
    label: z.string(),
    token: z.string().describe("The tracking token: the ticket's page is /t/{token}"),
    trackPath: z.string(),
    serviceName: i18nTextSchema,
    branchName: i18nTextSchema,
    issuedAt: z.date(),
    peopleAhead: z.number(),
    wait: waitSchema,
  }),
});

export type KioskSnapshotDto = z.infer<typeof kioskSnapshotSchema>;
export type KioskServiceDto = z.infer<typeof kioskServiceSchema>;
export type KioskTicketDto = z.infer<typeof kioskTicketSchema>;

export const kioskCheckInBody = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(SIX_DIGITS, "Type the 6 digits of the booking's code.")
      .optional(),
    token: z
      .string()
      .regex(/^[A-Za-z0-9_-]{22,128}$/, "This is not a ticket's QR code.")
      .optional(),
  })
  .refine((b) => (b.code === undefined) !== (b.token === undefined), {
    message: "Send the booking's code or the token of its QR code, one of them.",
    path: ["code"],
  });

export const kioskCheckInSchema = z.object({
  ticket: z.object({
    label: z.string(),
    status: z.enum(["WAITING"]),
    trackPath: z.string(),
    serviceName: i18nTextSchema,
    branchName: i18nTextSchema,
    appointmentAt: z.date(),
    localTime: z.string().describe("The appointment in the branch's local time, HH:MM"),
    late: z.boolean().describe("Checked in after the window: it joined the line as a walk-in"),
    peopleAhead: z.number(),
    wait: waitSchema,
  }),
});

export type KioskCheckInDto = z.infer<typeof kioskCheckInSchema>;
