import { z } from "zod";
import { i18nTextSchema, ticketSourceSchema, ticketStatusSchema } from "./queue-views";

/** What a signed-in customer reads about their own tickets, across companies. */

/** One of my tickets, in any company (`GET /api/customer/tickets`). */
export const myTicketSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: ticketStatusSchema,
  source: ticketSourceSchema,
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
export type MyTicketDto = z.infer<typeof myTicketSchema>;

export const myTicketsResponse = z.object({
  active: z.array(myTicketSchema).describe("In a line now: waiting, called or being served"),
  booked: z.array(myTicketSchema).describe("Booked times not yet checked in"),
  history: z.array(myTicketSchema).describe("Finished, cancelled or missed, newest first"),
  totals: z.object({ active: z.number(), booked: z.number(), history: z.number() }),
});
export type MyTicketsDto = z.infer<typeof myTicketsResponse>;

/** The answer to cancelling one of my tickets. */
export const cancelledTicketSchema = z.object({
  id: z.string(),
  label: z.string(),
  status: z.string(),
});
export type CancelledTicketDto = z.infer<typeof cancelledTicketSchema>;
