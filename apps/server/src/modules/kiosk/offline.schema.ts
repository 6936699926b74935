import { SCREEN_LANGUAGES } from "@equeue/contracts";
import { z } from "zod";
import { phoneField } from "../../shared/phone";

export const offlineBlockSchema = z.object({
  day: z.string().describe("The branch's business day the numbers are for, YYYY-MM-DD"),
  ranges: z.array(
    z.object({
      series: z.string(),
      serviceIds: z.array(z.string()).describe("The kiosk's services numbered in this series"),
      from: z.number().int(),
      to: z.number().int(),
      proof: z.string().describe("Send back with each ticket from this range"),
      tokens: z.array(z.string()).describe("The tracking token of each number, from `from` on"),
    }),
  ),
});

export const offlineTicketInput = z.strictObject({
  series: z.string().regex(/^[A-Z]{1,2}$/, "A series is one or two Latin capitals."),
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  proof: z.string().min(1).max(100),
  day: z.iso.date("Use a date such as 2026-03-10."),
  number: z.number().int().positive(),
  serviceId: z.uuid("Choose a service."),
  issuedAt: z.iso
    .datetime({ offset: true, message: "Use an ISO date-time such as 2026-03-10T14:00:00+05:00." })
    .transform((v) => new Date(v)),
  name: z.string().trim().min(1).max(100).nullish(),
  phone: phoneField.nullish(),
  /** The screen's language when it was issued, for the customer's SMS. */
  language: z.enum(SCREEN_LANGUAGES).nullish(),
});

export const offlineSyncBody = z.strictObject({
  tickets: z.array(offlineTicketInput).min(1, "Send at least one ticket.").max(100),
});

export const offlineSyncResultSchema = z.object({
  results: z.array(
    z.object({
      series: z.string(),
      number: z.number(),
      status: z.enum(["CREATED", "DUPLICATE", "REFUSED"]),
      label: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export type OfflineBlockDto = z.infer<typeof offlineBlockSchema>;
export type OfflineTicketInput = z.infer<typeof offlineTicketInput>;
export type OfflineSyncResultDto = z.infer<typeof offlineSyncResultSchema>;
