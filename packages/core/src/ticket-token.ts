import { QUEUE_ERROR_CODE, QueueError } from "./errors";

/** Random bytes to ask the crypto adapter for: 144 bits, an even 24 base64url characters. */
export const TICKET_TOKEN_BYTES = 18;
const MIN_TOKEN_BYTES = 16;
const MAX_TOKEN_LENGTH = 128;

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
// 16 bytes encode to 22 characters; fewer cannot carry 128 bits.
const TOKEN_PATTERN = new RegExp(`^[A-Za-z0-9_-]{22,${MAX_TOKEN_LENGTH}}$`);

function base64url(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const chunk = (b0 << 16) | (b1 << 8) | b2;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j += 1) {
      out += BASE64URL[(chunk >> (18 - 6 * j)) & 63];
    }
  }
  return out;
}

/**
 * The unguessable tracking token in a ticket's QR code, from random bytes the caller draws from
 * a CSPRNG (crypto.getRandomValues). At least 16 bytes (128 bits); the token carries no data.
 */
export function createTicketToken(randomBytes: Uint8Array): string {
  if (randomBytes.length < MIN_TOKEN_BYTES) {
    throw new QueueError(
      QUEUE_ERROR_CODE.INSUFFICIENT_RANDOMNESS,
      `A ticket token needs at least ${MIN_TOKEN_BYTES} random bytes; got ${randomBytes.length}.`,
    );
  }
  return base64url(randomBytes);
}

/** True for a string shaped like a ticket token (cheap check before any lookup). */
export function isTicketToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

export type TicketLabelInput = {
  companyCode: string;
  branchCode: string;
  serviceCode: string;
  /** The day's sequence number in the series. */
  number: number;
  /** Business day "YYYY-MM-DD" (see businessDay). */
  day: string;
};

function code(name: string, value: string): string {
  const cleaned = value.toUpperCase().replace(/[^A-Z0-9]/g, "");
  if (cleaned === "") {
    throw new QueueError(
      QUEUE_ERROR_CODE.INVALID_ARGUMENT,
      `${name} needs Latin letters or digits.`,
    );
  }
  return cleaned;
}

/**
 * The plan's human-readable label, e.g. "HMK_TSH_KASSA_001_20241219". Readable and therefore
 * guessable: print it, never use it to look a ticket up.
 */
export function ticketLabel(input: TicketLabelInput): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.day)) {
    throw new QueueError(
      QUEUE_ERROR_CODE.INVALID_ARGUMENT,
      `Day "${input.day}" is not YYYY-MM-DD.`,
    );
  }
  if (!Number.isSafeInteger(input.number) || input.number < 1) {
    throw new QueueError(QUEUE_ERROR_CODE.INVALID_TICKET_NUMBER, `Ticket numbers start at 1.`);
  }
  return [
    code("companyCode", input.companyCode),
    code("branchCode", input.branchCode),
    code("serviceCode", input.serviceCode),
    String(input.number).padStart(3, "0"),
    input.day.replaceAll("-", ""),
  ].join("_");
}
