import { QUEUE_ERROR_CODE, QueueError, assertNever, type QueueErrorCode } from "@equeue/core";
import { AppError, type ErrorCode } from "../../shared/app-error";

function appCodeFor(code: QueueErrorCode): ErrorCode {
  switch (code) {
    case QUEUE_ERROR_CODE.ILLEGAL_TRANSITION:
    case QUEUE_ERROR_CODE.GRACE_NOT_PASSED:
    case QUEUE_ERROR_CODE.RECALL_LIMIT_REACHED:
    case QUEUE_ERROR_CODE.INVALID_TRANSFER_TARGET:
      return code;
    // The company's set-up is incomplete (a service without a letter, a bad time zone).
    case QUEUE_ERROR_CODE.INVALID_SERIES:
    case QUEUE_ERROR_CODE.INVALID_TIME_ZONE:
      return "INVALID_STATE";
    case QUEUE_ERROR_CODE.INVALID_TICKET:
    case QUEUE_ERROR_CODE.INVALID_TICKET_NUMBER:
    case QUEUE_ERROR_CODE.INSUFFICIENT_RANDOMNESS:
      return "INTERNAL";
    case QUEUE_ERROR_CODE.INVALID_ARGUMENT:
      return "VALIDATION_FAILED";
    default:
      return assertNever(code);
  }
}

/** Turns a refusal of the queue domain into the HTTP error every endpoint answers with. */
export function mapQueueError(err: unknown): unknown {
  if (!(err instanceof QueueError)) return err;
  return new AppError(appCodeFor(err.code), err.message, { cause: err });
}

/** Refusals the queue module raises itself, with messages an operator can act on. */
export const queueRefusal = {
  noSession: () =>
    new AppError("NO_COUNTER_SESSION", "Choose your counter first (start work at a counter)."),
  notAvailable: (status: string, reason: string | null) =>
    new AppError(
      "OPERATOR_NOT_AVAILABLE",
      `You are ${status.toLowerCase()}${reason ? ` (${reason})` : ""}; set yourself available to receive customers.`,
    ),
  ticketInProgress: (label: string) =>
    new AppError(
      "TICKET_IN_PROGRESS",
      `You are still handling ${label}: finish it, transfer it, return it to the queue or mark a no-show first.`,
    ),
  noServices: () =>
    new AppError(
      "NO_SERVICES_ASSIGNED",
      "You are not assigned to any service offered at this branch; ask your administrator to assign you one.",
    ),
  notYourTicket: (label: string) =>
    new AppError("NOT_YOUR_TICKET", `${label} is being handled by another operator.`),
};
