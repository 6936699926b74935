import { z } from "zod";
import { SCREEN_LANGUAGES } from "@equeue/contracts";
import { SIX_DIGITS } from "../../shared/validation-details";
import { phoneField } from "../../shared/phone";
import { patternBound } from "@equeue/contracts/schemas";

export const kioskIssueBody = z.strictObject({
  serviceId: z.uuid("Choose a service."),
  name: z.string().trim().min(1, "Write a name or leave the field out.").max(100).nullish(),
  phone: phoneField.nullish(),
  /** The language the kiosk was showing, for the customer's SMS. */
  language: z.enum(SCREEN_LANGUAGES).nullish(),
});

export const kioskCheckInBody = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(SIX_DIGITS, "Type the 6 digits of the booking's code.")
      .meta(patternBound(6))
      .optional(),
    token: z
      .string()
      .regex(/^[A-Za-z0-9_-]{22,128}$/, "This is not a ticket's QR code.")
      .meta(patternBound(128))
      .optional(),
  })
  .refine((b) => (b.code === undefined) !== (b.token === undefined), {
    message: "Send the booking's code or the token of its QR code, one of them.",
    path: ["code"],
  });

// The answers (snapshot, ticket, check-in) are a contract with the kiosk: defined once in
// @equeue/contracts.
export {
  kioskCheckInSchema,
  kioskClosedReason,
  kioskServiceSchema,
  kioskSnapshotSchema,
  kioskTicketSchema,
  type KioskCheckInDto,
  type KioskClosedReason,
  type KioskServiceDto,
  type KioskSnapshotDto,
  type KioskTicketDto,
} from "@equeue/contracts/schemas";
