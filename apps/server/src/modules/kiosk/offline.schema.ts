import { SCREEN_LANGUAGES } from "@equeue/contracts";
import { z } from "zod";
import { phoneField } from "../../shared/phone";
import { TEXT_MAX, patternBound } from "@equeue/contracts/schemas";

export const offlineTicketInput = z.strictObject({
  series: z
    .string()
    .regex(/^[A-Z]{1,2}$/, "A series is one or two Latin capitals.")
    .meta(patternBound(2)),
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  proof: z.string().min(1).max(100),
  day: z.iso.date("Use a date such as 2026-03-10."),
  number: z.number().int().positive(),
  serviceId: z.uuid("Choose a service."),
  issuedAt: z.iso
    .datetime({ offset: true, message: "Use an ISO date-time such as 2026-03-10T14:00:00+05:00." })
    .max(TEXT_MAX.instant, "Use an ISO date-time such as 2026-03-10T14:00:00+05:00.")
    .transform((v) => new Date(v)),
  name: z.string().trim().min(1).max(100).nullish(),
  phone: phoneField.nullish(),
  /** The screen's language when it was issued, for the customer's SMS. */
  language: z.enum(SCREEN_LANGUAGES).nullish(),
});

export const offlineSyncBody = z.strictObject({
  tickets: z.array(offlineTicketInput).min(1, "Send at least one ticket.").max(100),
});

export type OfflineTicketInput = z.infer<typeof offlineTicketInput>;

// The answers (the reserved block, the hand-in results) are a contract with the kiosk: defined
// once in @equeue/contracts.
export {
  offlineBlockSchema,
  offlineSyncResultSchema,
  type OfflineBlockDto,
  type OfflineSyncResultDto,
} from "@equeue/contracts/schemas";
