import { z } from "zod";
import { phoneField } from "../../shared/phone";
import { i18nTextSchema } from "../queue";

export const requestCodeBody = z.strictObject({ phone: phoneField });

export const requestCodeResponse = z.object({
  phone: z.string().describe("The number the code was sent to, masked"),
  expiresInSeconds: z.number().int(),
  resendInSeconds: z.number().int(),
});

export const verifyCodeBody = z.strictObject({
  phone: phoneField,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from the SMS."),
});

export const customerSchema = z.object({ id: z.string(), phone: z.string() });
export const customerSessionSchema = z.object({
  accessToken: z.string(),
  user: customerSchema,
});

export const myTicketParams = z.strictObject({ ticketId: z.uuid("Not a ticket id.") });

export const myTicketSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.string(),
  source: z.string(),
  token: z.string(),
  trackPath: z.string().describe("The company's page of this ticket: /c/{slug}/t/{token}"),
  company: z.object({ name: z.string(), slug: z.string() }),
  branchName: i18nTextSchema.nullable(),
  serviceName: i18nTextSchema.nullable(),
  timeZone: z
    .string()
    .nullable()
    .describe("The branch's IANA time zone: its times are shown in it, wherever the phone is"),
  appointmentAt: z.date().nullable(),
  issuedAt: z.date(),
  updatedAt: z.date(),
  canCancel: z.boolean(),
});

export const myTicketsResponse = z.object({
  active: z.array(myTicketSchema).describe("In a line now: waiting, called or being served"),
  booked: z.array(myTicketSchema).describe("Booked times not yet checked in"),
  history: z.array(myTicketSchema).describe("Finished, cancelled or missed, newest first"),
  totals: z.object({ active: z.number(), booked: z.number(), history: z.number() }),
});

export type MyTicketDto = z.infer<typeof myTicketSchema>;
