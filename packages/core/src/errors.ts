/** Machine-readable codes for every way the queue domain can refuse a request. */
export const QUEUE_ERROR_CODE = {
  ILLEGAL_TRANSITION: "ILLEGAL_TRANSITION",
  GRACE_NOT_PASSED: "GRACE_NOT_PASSED",
  RECALL_LIMIT_REACHED: "RECALL_LIMIT_REACHED",
  INVALID_TRANSFER_TARGET: "INVALID_TRANSFER_TARGET",
  INVALID_TICKET: "INVALID_TICKET",
  INVALID_SERIES: "INVALID_SERIES",
  INVALID_TICKET_NUMBER: "INVALID_TICKET_NUMBER",
  INVALID_TIME_ZONE: "INVALID_TIME_ZONE",
  INSUFFICIENT_RANDOMNESS: "INSUFFICIENT_RANDOMNESS",
  INVALID_ARGUMENT: "INVALID_ARGUMENT",
} as const;

export type QueueErrorCode = (typeof QUEUE_ERROR_CODE)[keyof typeof QUEUE_ERROR_CODE];

/** A refusal from the queue domain: a stable `code` for programs and a `message` for people. */
export class QueueError extends Error {
  readonly code: QueueErrorCode;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: QueueErrorCode, message: string, details?: Readonly<Record<string, unknown>>) {
    super(message);
    this.name = "QueueError";
    this.code = code;
    this.details = details;
  }
}

/** True when `error` is a QueueError, optionally with the given code. */
export function isQueueError(error: unknown, code?: QueueErrorCode): error is QueueError {
  return error instanceof QueueError && (code === undefined || error.code === code);
}

/** Compile-time exhaustiveness check for switches over `as const` codes. */
export function assertNever(value: never): never {
  throw new QueueError(QUEUE_ERROR_CODE.INVALID_ARGUMENT, `Unexpected value: ${String(value)}`);
}
