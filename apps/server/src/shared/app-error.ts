/** Stable error codes. The web app translates them; the message is the English fallback. */
export const ErrorCode = {
  VALIDATION_FAILED: "VALIDATION_FAILED",
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  TOKEN_EXPIRED: "TOKEN_EXPIRED",
  WRONG_REALM: "WRONG_REALM",
  FORBIDDEN: "FORBIDDEN",
  INVALID_CREDENTIALS: "INVALID_CREDENTIALS",
  ACCOUNT_LOCKED: "ACCOUNT_LOCKED",
  SESSION_EXPIRED: "SESSION_EXPIRED",
  PASSWORD_CHANGE_REQUIRED: "PASSWORD_CHANGE_REQUIRED",
  WEAK_PASSWORD: "WEAK_PASSWORD",
  SAME_PASSWORD: "SAME_PASSWORD",
  SLUG_TAKEN: "SLUG_TAKEN",
  SLUG_RESERVED: "SLUG_RESERVED",
  SLUG_IMMUTABLE: "SLUG_IMMUTABLE",
  INVALID_STATE: "INVALID_STATE",
  INVITE_NOT_PENDING: "INVITE_NOT_PENDING",
  COMPANY_SUSPENDED: "COMPANY_SUSPENDED",
  LOGO_INVALID: "LOGO_INVALID",
  LOGO_TOO_LARGE: "LOGO_TOO_LARGE",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  RATE_LIMITED: "RATE_LIMITED",
  PROVISIONING_FAILED: "PROVISIONING_FAILED",
  NOT_READY: "NOT_READY",
  INTERNAL: "INTERNAL",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const statusByCode: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  WRONG_REALM: 401,
  FORBIDDEN: 403,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 429,
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
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  PROVISIONING_FAILED: 503,
  NOT_READY: 503,
  INTERNAL: 500,
};

export type ErrorDetail = { path: string; message: string };

/** The one error type services throw; the HTTP layer turns it into `{ error: {...} }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { details?: ErrorDetail[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, { cause: opts.cause });
    this.code = code;
    this.status = statusByCode[code];
    this.details = opts.details;
    this.headers = opts.headers;
  }
}

export const notFound = (what = "The requested item") =>
  new AppError(ErrorCode.NOT_FOUND, `${what} was not found.`);

export const invalidField = (
  path: string,
  message: string,
  code: ErrorCode = "VALIDATION_FAILED",
) => new AppError(code, message, { details: [{ path, message }] });
