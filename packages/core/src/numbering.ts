import {
  NUMBER_SCHEME,
  TICKET_SOURCE,
  type NumberScheme,
  type TicketSource,
} from "@equeue/contracts";
import { QUEUE_ERROR_CODE, QueueError, assertNever } from "./errors";

// Where a ticket was taken is a contract between server and web; re-exported for the domain.
export { TICKET_SOURCE, type TicketSource };
// The numbering scheme is a branch setting the web edits: defined in the contracts.
export { NUMBER_SCHEME, type NumberScheme };

const SERIES_PATTERN = /^[A-Z]{1,2}$/;
const TICKET_NUMBER_PATTERN = /^([A-Z]{1,2})-(\d{3,})$/;

export type SeriesInput = {
  scheme: NumberScheme;
  source: TicketSource;
  /** Required for BY_SERVICE: one or two Latin capitals, e.g. "A" or "KR". */
  serviceLetter?: string | null;
};

/** The series (letter prefix) a new ticket is numbered in. Counters are per branch, day and series. */
export function seriesFor(input: SeriesInput): string {
  switch (input.scheme) {
    case NUMBER_SCHEME.BY_SOURCE:
      return sourceLetter(input.source);
    case NUMBER_SCHEME.BY_SERVICE: {
      const letter = input.serviceLetter?.trim().toUpperCase() ?? "";
      if (!SERIES_PATTERN.test(letter)) {
        throw new QueueError(
          QUEUE_ERROR_CODE.INVALID_SERIES,
          "Give the service a ticket letter (one or two Latin capitals, e.g. A or KR).",
          { serviceLetter: input.serviceLetter ?? null },
        );
      }
      return letter;
    }
    default:
      return assertNever(input.scheme);
  }
}

function sourceLetter(source: TicketSource): string {
  switch (source) {
    case TICKET_SOURCE.ONLINE:
      return "O";
    case TICKET_SOURCE.KIOSK:
      return "K";
    case TICKET_SOURCE.WALK_IN:
      return "W";
    case TICKET_SOURCE.API:
      return "A";
    default:
      return assertNever(source);
  }
}

/** The printed number: series, dash, at least three digits — "K-001", "K-999", "K-1000". */
export function formatTicketNumber(series: string, n: number): string {
  if (!SERIES_PATTERN.test(series)) {
    throw new QueueError(QUEUE_ERROR_CODE.INVALID_SERIES, `"${series}" is not a ticket series.`);
  }
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new QueueError(
      QUEUE_ERROR_CODE.INVALID_TICKET_NUMBER,
      `Ticket numbers start at 1; got ${n}.`,
    );
  }
  return `${series}-${String(n).padStart(3, "0")}`;
}

/** Splits "K-012" into { series: "K", n: 12 }, or returns null for anything else. */
export function parseTicketNumber(label: string): { series: string; n: number } | null {
  const match = TICKET_NUMBER_PATTERN.exec(label);
  if (!match?.[1] || !match[2]) return null;
  const n = Number(match[2]);
  if (!Number.isSafeInteger(n) || n < 1) return null;
  if (match[2].length > 3 && match[2].startsWith("0")) return null; // not canonical
  return { series: match[1], n };
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-CA", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      });
    } catch {
      throw new QueueError(
        QUEUE_ERROR_CODE.INVALID_TIME_ZONE,
        `"${timeZone}" is not an IANA time zone (e.g. Asia/Tashkent).`,
      );
    }
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The branch's local calendar day "YYYY-MM-DD" at instant `now`. Numbering, day-end expiry and
 * statistics all use this — never the UTC date, which turns over at 05:00 in Tashkent.
 */
export function businessDay(now: Date, timeZone: string): string {
  if (Number.isNaN(now.getTime())) {
    throw new QueueError(QUEUE_ERROR_CODE.INVALID_ARGUMENT, "businessDay needs a valid date.");
  }
  const parts = dayFormatter(timeZone).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
