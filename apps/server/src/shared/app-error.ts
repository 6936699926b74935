import { ErrorCode, type DetailCode, type DetailParams, type ErrorDetail } from "@equeue/contracts";

export { ErrorCode };

const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  WRONG_REALM: 401,
  FORBIDDEN: 403,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 429,
  ONE_TIME_PASSWORD_USED: 401,
  SESSION_EXPIRED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  WEAK_PASSWORD: 400,
  SAME_PASSWORD: 400,
  SLUG_TAKEN: 409,
  SLUG_RESERVED: 400,
  SLUG_IMMUTABLE: 400,
  INVALID_STATE: 409,
  INVITE_NOT_PENDING: 409,
  COMPANY_SUSPENDED: 403,
  LOGO_INVALID: 400,
  LOGO_TOO_LARGE: 413,
  PAYLOAD_TOO_LARGE: 413,
  METHOD_NOT_ALLOWED: 405,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  REQUEST_TIMEOUT: 408,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  PROVISIONING_FAILED: 503,
  NOT_READY: 503,
  DATABASE_UNAVAILABLE: 503,
  ALREADY_EXISTS: 409,
  IN_USE: 409,
  SETUP_INCOMPLETE: 409,
  PAIRING_CODE_INVALID: 400,
  PAIRING_CODE_EXPIRED: 410,
  PAIRING_CODE_LOCKED: 410,
  // The queue.
  ILLEGAL_TRANSITION: 409,
  GRACE_NOT_PASSED: 409,
  RECALL_LIMIT_REACHED: 409,
  INVALID_TRANSFER_TARGET: 400,
  NO_COUNTER_SESSION: 409,
  OPERATOR_NOT_AVAILABLE: 409,
  TICKET_IN_PROGRESS: 409,
  NO_SERVICES_ASSIGNED: 409,
  NOT_YOUR_TICKET: 409,
  TICKET_NOT_ELIGIBLE: 409,
  COUNTER_TAKEN: 409,
  ALREADY_AT_COUNTER: 409,
  BRANCH_CLOSED: 409,
  SERVICE_NOT_OFFERED: 409,
  DAILY_LIMIT_REACHED: 409,
  ALREADY_IN_QUEUE: 409,
  SLOT_NOT_AVAILABLE: 409,
  SLOT_FULL: 409,
  ALREADY_BOOKED: 409,
  CHECK_IN_NOT_OPEN: 409,
  CHECK_IN_CLOSED: 409,
  SIGN_IN_CODE_INVALID: 400,
  SIGN_IN_CODE_EXPIRED: 410,
  SIGN_IN_CODE_LOCKED: 410,
  ALREADY_RATED: 409,
  INTERNAL: 500,
};

export type { ErrorDetail };

/** A field problem as a service states it; without a code it is the generic `invalid`. */
export type DetailInput = {
  path: string;
  message: string;
  code?: DetailCode;
  params?: DetailParams;
};

/** The one error type services throw; the HTTP layer turns it into `{ error: {...} }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { details?: DetailInput[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.code = code;
    this.status = statusByCode[code];
    this.details = opts.details?.map((d) => ({ ...d, code: d.code ?? "invalid" }));
    this.headers = opts.headers;
  }
}

export const notFound = (what = "The requested item") =>
  new AppError(ErrorCode.NOT_FOUND, `${what} was not found.`);

export const invalidField = (
  path: string,
  message: string,
  code: ErrorCode = "VALIDATION_FAILED",
  detail: DetailCode = "invalid",
) => new AppError(code, message, { details: [{ path, message, code: detail }] });

/** A field naming a branch, service or counter that is not there (for this company). */
export const unknownReference = (path: string, what: string) =>
  invalidField(path, `There is no such ${what}.`, "VALIDATION_FAILED", "not_found");
