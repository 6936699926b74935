import { z } from "zod";
import { LIST_MAX, listOf } from "./answer-lists";
import { i18nTextSchema, ticketSourceSchema, ticketStatusSchema } from "./queue-views";
import { TEXT_MAX } from "./answer-text";

/** What a signed-in customer reads about their own tickets, across companies. */

/** One of my tickets, in any company (`GET /api/customer/tickets`). */
export const myTicketSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  label: z.string().max(TEXT_MAX.label),
  status: ticketStatusSchema,
  source: ticketSourceSchema,
  token: z.string().max(TEXT_MAX.token),
  trackPath: z
    .string()
    .max(TEXT_MAX.path)
    .describe("The company's page of this ticket: /c/{slug}/t/{token}"),
  company: z.object({ name: z.string().max(TEXT_MAX.name), slug: z.string().max(TEXT_MAX.slug) }),
  branchName: i18nTextSchema.nullable(),
  serviceName: i18nTextSchema.nullable(),
  timeZone: z
    .string()
    .max(TEXT_MAX.timeZone)
    .nullable()
    .describe("The branch's IANA time zone: its times are shown in it, wherever the phone is"),
  appointmentAt: z.date().nullable(),
  issuedAt: z.date(),
  updatedAt: z.date(),
  canCancel: z.boolean(),
});
export type MyTicketDto = z.infer<typeof myTicketSchema>;

export const myTicketsResponse = z.object({
  active: listOf(LIST_MAX.myTickets, myTicketSchema).describe(
    "In a line now: waiting, called or being served",
  ),
  booked: listOf(LIST_MAX.myTickets, myTicketSchema).describe("Booked times not yet checked in"),
  history: listOf(LIST_MAX.myTickets, myTicketSchema).describe(
    "Finished, cancelled or missed, newest first",
  ),
  totals: z.object({ active: z.number(), booked: z.number(), history: z.number() }),
});
export type MyTicketsDto = z.infer<typeof myTicketsResponse>;

/** The answer to cancelling one of my tickets. */
export const cancelledTicketSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  label: z.string().max(TEXT_MAX.label),
  status: z.string().max(TEXT_MAX.word),
});
export type CancelledTicketDto = z.infer<typeof cancelledTicketSchema>;
