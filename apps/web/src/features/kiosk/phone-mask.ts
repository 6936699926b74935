/** Uzbek mobile numbers on the kiosk: +998 and nine digits, typed on a keypad. */
export const UZ_PREFIX = "+998";
export const NATIONAL_DIGITS = 9;

const GROUPS = [2, 3, 2, 2];

/** The typed digits (at most nine) as "+998 90 123 45 67", with "_" for the ones still missing. */
export function maskPhone(digits: string): string {
  let at = 0;
  const parts = GROUPS.map((size) => {
    let part = "";
    for (let i = 0; i < size; i++, at++) part += digits[at] ?? "_";
    return part;
  });
  return `${UZ_PREFIX} ${parts.join(" ")}`;
}

/** One more digit, if there is room. */
export const addDigit = (digits: string, digit: string) =>
  /^\d$/.test(digit) && digits.length < NATIONAL_DIGITS ? digits + digit : digits;

export const isCompletePhone = (digits: string) => digits.length === NATIONAL_DIGITS;

/** The number as the server takes it (it normalises and validates it again). */
export const phoneForServer = (digits: string) => `${UZ_PREFIX}${digits}`;
