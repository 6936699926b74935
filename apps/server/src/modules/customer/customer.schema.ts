import { z } from "zod";
import { phoneField } from "../../shared/phone";
import { SIX_DIGITS } from "../../shared/validation-details";

export const requestCodeBody = z.strictObject({ phone: phoneField });

export const requestCodeResponse = z.object({
  phone: z.string().describe("The number the code was sent to, masked"),
  expiresInSeconds: z.number().int(),
  resendInSeconds: z.number().int(),
});

export const verifyCodeBody = z.strictObject({
  phone: phoneField,
  code: z.string().trim().regex(SIX_DIGITS, "Enter the 6-digit code from the SMS."),
});

export const customerSchema = z.object({ id: z.string(), phone: z.string() });
export const customerSessionSchema = z.object({
  accessToken: z.string(),
  user: customerSchema,
});

export const myTicketParams = z.strictObject({ ticketId: z.uuid("Not a ticket id.") });

// The answers about my tickets are a contract with the web: defined once in @equeue/contracts.
export {
  cancelledTicketSchema,
  myTicketSchema,
  myTicketsResponse,
  type MyTicketDto,
} from "@equeue/contracts/schemas";
