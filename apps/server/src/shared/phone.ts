import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { z } from "zod";

/**
 * A customer's phone number in E.164 (`+998901234567`). The platform serves Uzbekistan first:
 * a number without a country code is read as Uzbek, and only numbers that are valid for their
 * country are accepted, so one person is one key for limits, accounts and SMS.
 */
export function normalizePhone(input: string): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), "UZ");
  if (!parsed || !parsed.isValid() || parsed.country !== "UZ") return null;
  return parsed.number;
}

/** The last digits only, for logs and screens that must not show a whole number. */
export const maskPhone = (e164: string) =>
  `${"•".repeat(Math.max(0, e164.length - 4))}${e164.slice(-4)}`;

/** A request field holding a phone number; the parsed value is E.164. */
export const phoneField = z
  .string()
  .max(32, "Use a phone number like +998 90 123 45 67.")
  .transform((value, ctx) => {
    const phone = normalizePhone(value);
    if (!phone) {
      ctx.addIssue({
        code: "custom",
        message: "Use an Uzbek mobile number like +998 90 123 45 67.",
        params: { code: "invalid_phone" },
      });
      return z.NEVER;
    }
    return phone;
  });
