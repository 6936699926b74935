/**
 * Stable codes of one field problem in an error's `details`: `{ path, code, message, params? }`.
 * The web shows its own text for the code (with `params.min` / `params.max` filled in); the
 * server's `message` is the English fallback. A new code needs a text in every web language.
 */
export const DetailCode = {
  /** The field is missing, or empty where it must hold something. */
  required: "required",
  /** Text shorter than `params.min` characters. */
  too_short: "too_short",
  /** Text longer than `params.max` characters. */
  too_long: "too_long",
  /** A number below `params.min`. */
  too_small: "too_small",
  /** A number above `params.max`. */
  too_big: "too_big",
  /** A list with fewer than `params.min` items. */
  too_few: "too_few",
  /** A list with more than `params.max` items. */
  too_many: "too_many",
  /** A value of the wrong kind (text where a number belongs, a fraction where a whole number). */
  invalid_type: "invalid_type",
  /** Not one of the allowed choices. */
  invalid_choice: "invalid_choice",
  invalid_phone: "invalid_phone",
  invalid_email: "invalid_email",
  invalid_url: "invalid_url",
  invalid_id: "invalid_id",
  /** A day as YYYY-MM-DD. */
  invalid_date: "invalid_date",
  /** A time of day as HH:MM. */
  invalid_time: "invalid_time",
  invalid_time_zone: "invalid_time_zone",
  invalid_colour: "invalid_colour",
  /** A short address (slug): lowercase letters, digits and dashes. */
  invalid_slug: "invalid_slug",
  /** A typed code such as the 6 digits of an SMS or a pairing. */
  invalid_code: "invalid_code",
  /** Any other shape the field's own rule refuses (the message says which). */
  invalid_format: "invalid_format",
  /** A field the operation does not take. */
  unknown_field: "unknown_field",
  /** Invisible control characters, a broken character or too deep nesting. */
  unreadable_text: "unreadable_text",
  /** Another record already uses this value. */
  taken: "taken",
  /** The id names nothing (of this company). */
  not_found: "not_found",
  /** The same item is listed twice. */
  listed_twice: "listed_twice",
  /** An end (closing time, a break's end) that is not after its start. */
  ends_before_start: "ends_before_start",
  /** A break outside the day's opening hours. */
  outside_hours: "outside_hours",
  /** Two breaks of one day overlap. */
  overlaps: "overlaps",
  /** Breaks that take a whole working day. */
  no_working_time: "no_working_time",
  /** Hours given for a day marked closed. */
  closed_day: "closed_day",
  /** A day or time that has already passed (in the branch's time zone). */
  in_the_past: "in_the_past",
  /** Something of another branch than the one the record belongs to (e.g. a counter). */
  other_branch: "other_branch",
  /** Anything else; the message explains. */
  invalid: "invalid",
} as const;

export type DetailCode = (typeof DetailCode)[keyof typeof DetailCode];

export const DETAIL_CODES = Object.values(DetailCode) as readonly DetailCode[];

/** Numbers a detail's text may need: the bounds of a length, value or list size. */
export type DetailParams = { min?: number; max?: number };

/** One field problem of an error: the field's path (`name.uz`, `branches.0.branchId`). */
export type ErrorDetail = {
  path: string;
  code: DetailCode;
  message: string;
  params?: DetailParams;
};

export function isDetailCode(value: unknown): value is DetailCode {
  return typeof value === "string" && (DETAIL_CODES as readonly string[]).includes(value);
}

const codeOfPattern = new Map<string, DetailCode>();

/**
 * A pattern whose refusal has a code of its own (a phone, a time, a slug): a regex check keeps
 * its pattern in the OpenAPI document, and the server codes the refusal by the pattern it failed.
 */
export function codedPattern(pattern: RegExp, code: DetailCode): RegExp {
  codeOfPattern.set(String(pattern), code);
  return pattern;
}

/** The code a refusal by this pattern carries (see codedPattern), if it has one. */
export const patternCode = (pattern: unknown): DetailCode | undefined =>
  codeOfPattern.get(String(pattern));
