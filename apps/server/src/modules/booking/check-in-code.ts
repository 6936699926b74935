import { createHash } from "node:crypto";

/** Digits in a booking's check-in code: short enough to type on a kiosk's keypad. */
export const CHECK_IN_CODE_DIGITS = 6;

/**
 * The short code a booked customer types at the kiosk, derived from the ticket's tracking token
 * (so nothing new is stored and the code reveals nothing of the token). It is not unique on its
 * own: the kiosk looks it up among its own branch's bookings of the next days only, where a
 * clash is unlikely, and a clash is refused rather than guessed.
 */
export function checkInCodeOf(token: string): string {
  const digest = createHash("sha256").update(`check-in:${token}`).digest();
  const n = digest.readUInt32BE(0) % 10 ** CHECK_IN_CODE_DIGITS;
  return String(n).padStart(CHECK_IN_CODE_DIGITS, "0");
}
