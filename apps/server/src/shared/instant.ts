/**
 * The instants a request may name as an appointment: their local day, in any time zone, is a
 * `YYYY-MM-DD` that core's day arithmetic and PostgreSQL's `date` both take. A valid ISO
 * date-time can still land in year 0 or past 9999 once read at its offset or in the branch's
 * zone; those are refused as bad input on their field instead of failing deep in a command.
 */
const FIRST = Date.UTC(1970, 0, 1);
// A day short of the last, so no zone's clock (at most +14 h) reads the year 10000.
const LAST = Date.UTC(9999, 11, 30);

export const isOnTheCalendar = (at: Date) => at.getTime() >= FIRST && at.getTime() <= LAST;

/** The refusal of a time off the calendar, with its detail code. */
export const OFF_THE_CALENDAR = {
  message: "Give a time between the years 1970 and 9999.",
  params: { code: "invalid_date" },
};
