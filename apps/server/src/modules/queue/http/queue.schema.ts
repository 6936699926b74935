import { SCREEN_LANGUAGES } from "@equeue/contracts";
import { z } from "zod";
import { operatorStatusSchema, sessionSchema, staffTicketSchema } from "./queue-views.schema";
import { codedPattern } from "../../../shared/validation-details";
import { isOnTheCalendar, OFF_THE_CALENDAR } from "../../../shared/instant";
import { TEXT_MAX, patternBound } from "@equeue/contracts/schemas";

const note = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "Write something or leave the field out.")
    .max(max, `At most ${max} characters.`);

export const customerPhoneSchema = z
  .string()
  .trim()
  .regex(
    codedPattern(/^\+?[0-9][0-9 ()-]{6,19}$/, "invalid_phone"),
    "Use a phone number like +998 90 123 45 67.",
  )
  .meta(patternBound(21));

export const issueTicketBody = z.strictObject({
  branchId: z.uuid("Choose a branch."),
  serviceId: z.uuid("Choose a service."),
  customerName: z.string().trim().min(1).max(100, "At most 100 characters.").nullish(),
  customerPhone: customerPhoneSchema.nullish(),
  /** The customer's language, for their SMS and Telegram messages. */
  language: z.enum(SCREEN_LANGUAGES).nullish(),
  appointmentAt: z.iso
    .datetime({ offset: true, message: "Use an ISO date-time such as 2026-03-10T14:00:00+05:00." })
    .max(TEXT_MAX.instant, "Use an ISO date-time such as 2026-03-10T14:00:00+05:00.")
    .transform((v) => new Date(v))
    .refine(isOnTheCalendar, OFF_THE_CALENDAR)
    .nullish(),
});

export const ticketParams = z.object({
  slug: z.string(),
  id: z.uuid("This is not a valid ticket id."),
});

export const trackingParams = z.object({
  slug: z.string(),
  token: z.string().max(128, "This is not a ticket link."),
});

/** Actions that take no input still refuse unknown fields. */
export const emptyBody = z.strictObject({}).nullish();

export const finishBody = z.strictObject({ note: note(1000).optional() }).nullish();
export const cancelBody = z.strictObject({ reason: note(300).optional() }).nullish();

export const transferBody = z
  .strictObject({
    serviceId: z.uuid("Choose a service.").optional(),
    operatorId: z.uuid("Choose an operator.").optional(),
    note: note(1000).optional(),
  })
  .refine((b) => b.serviceId !== undefined || b.operatorId !== undefined, {
    message: "Choose a service or an operator to transfer to.",
    path: ["serviceId"],
  });

export const startSessionBody = z
  .strictObject({
    counterId: z.uuid("Choose a counter.").optional(),
    takeOver: z.boolean().optional(),
  })
  .nullish();

export const setStatusBody = z.strictObject({
  status: operatorStatusSchema,
  reason: note(200).optional(),
});

export const ticketResponse = z.object({ ticket: staffTicketSchema });
export const callNextResponse = z.object({ ticket: staffTicketSchema.nullable() });
export const transferResponse = z.object({ from: staffTicketSchema, to: staffTicketSchema });
export const sessionResponse = z.object({ session: sessionSchema.nullable() });

export const branchParams = z.object({
  slug: z.string(),
  branchId: z.uuid("This is not a valid branch id."),
});

/** Closing a line early: what the waiting customers are told, and optionally one service. */
export const cancelWaitingBody = z.strictObject({
  serviceId: z.uuid("Choose a service.").optional(),
  message: note(300),
});
export const cancelWaitingResponse = z.object({ cancelled: z.number().int() });
export const waitingCountQuery = z.strictObject({
  serviceId: z.uuid("Choose a service.").optional(),
});
export const waitingCountResponse = z.object({ waiting: z.number().int() });
