import { z } from "zod";
import { phoneField } from "../../shared/phone";
import { SIX_DIGITS } from "../../shared/validation-details";
import { patternBound } from "@equeue/contracts/schemas";

export const requestCodeBody = z.strictObject({ phone: phoneField });

export const verifyCodeBody = z.strictObject({
  phone: phoneField,
  code: z
    .string()
    .trim()
    .regex(SIX_DIGITS, "Enter the 6-digit code from the SMS.")
    .meta(patternBound(6)),
});

export const myTicketParams = z.strictObject({ ticketId: z.uuid("Not a ticket id.") });

// The answers (sign-in, my tickets) are a contract with the web: defined once in
// @equeue/contracts.
export {
  cancelledTicketSchema,
  customerSchema,
  customerSessionSchema,
  requestCodeResponse,
  myTicketSchema,
  myTicketsResponse,
  type MyTicketDto,
} from "@equeue/contracts/schemas";
