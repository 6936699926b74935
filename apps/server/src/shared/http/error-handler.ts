import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorCode, type ErrorDetail } from "../app-error";
import { isDatabaseUnavailable } from "../db-errors";
import { detailsOfIssue, valueAt } from "../validation-details";
import { retryReadsOnDroppedConnection } from "./read-retry";

function inputOf(request: FastifyRequest, where: string): unknown {
  if (where === "querystring") return request.query;
  if (where === "params") return request.params;
  if (where === "headers") return request.headers;
  return request.body;
}

/** Seconds a client should wait before trying again while the database is away. */
export const DATABASE_RETRY_AFTER_S = 2;

/** The answer while the database is unreachable: retryable, and no stack trace to report. */
export const databaseUnavailable = (cause: unknown) =>
  new AppError(
    "DATABASE_UNAVAILABLE",
    "The service is briefly unavailable; try again in a few seconds.",
    { headers: { "retry-after": String(DATABASE_RETRY_AFTER_S) }, cause },
  );

/** The AppError an error thrown anywhere in a request stands for. */
export function toAppError(err: FastifyError | Error, request?: FastifyRequest): AppError {
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err)) return databaseUnavailable(err);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? "body";
    const input = request ? inputOf(request, where) : undefined;
    const details: ErrorDetail[] = err.validation.flatMap((v) => {
      const segments = v.instancePath.split("/").filter(Boolean);
      const issue = {
        ...(v.params as Record<string, unknown>),
        code: v.keyword,
        message: v.message,
      };
      // Without the request the value cannot be looked up: zod's own words say it was absent.
      const missing = request
        ? valueAt(input, segments) === undefined
        : /received undefined$/.test(v.message ?? "");
      const at = segments.join(".");
      // Unknown keys are named inside their object; any other problem at the root is `where`'s.
      return detailsOfIssue(issue, v.keyword === "unrecognized_keys" ? at : at || where, missing);
    });
    return new AppError("VALIDATION_FAILED", "Some fields are missing or not valid; see details.", {
      details,
    });
  }
  const fe = err as FastifyError;
  const byFastifyCode: Record<string, [ErrorCode, string]> = {
    FST_ERR_CTP_INVALID_MEDIA_TYPE: [
      "UNSUPPORTED_MEDIA_TYPE",
      "Send the request body as application/json.",
    ],
    FST_ERR_CTP_BODY_TOO_LARGE: ["PAYLOAD_TOO_LARGE", "The request body is too large."],
    FST_ERR_CTP_EMPTY_JSON_BODY: [
      "VALIDATION_FAILED",
      "The request body is empty; send a JSON object.",
    ],
    FST_ERR_CTP_INVALID_JSON_BODY: ["VALIDATION_FAILED", "The request body is not valid JSON."],
    FST_REQ_FILE_TOO_LARGE: ["LOGO_TOO_LARGE", "The file is too large (2 MB at most)."],
    FST_INVALID_MULTIPART_CONTENT_TYPE: [
      "UNSUPPORTED_MEDIA_TYPE",
      "Upload the file as multipart/form-data.",
    ],
  };
  const mapped = fe.code ? byFastifyCode[fe.code] : undefined;
  if (mapped) return new AppError(mapped[0], mapped[1]);
  if (/multipart/i.test(fe.message ?? "")) {
    return new AppError(
      "VALIDATION_FAILED",
      "The upload was cut off or malformed; send the file again.",
    );
  }
  if (fe.statusCode === 429) {
    // The limiter says how long is left ("retry in 10 minutes", as in Retry-After): pass it on.
    const after = /retry in (.+)$/.exec(fe.message ?? "")?.[1];
    return new AppError(
      "RATE_LIMITED",
      after ? `Too many requests; try again in ${after}.` : "Too many requests; try again later.",
    );
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (err instanceof SyntaxError || fe.code === "FST_ERR_CTP_INVALID_CONTENT_LENGTH") {
      return new AppError("VALIDATION_FAILED", "The request body could not be read.");
    }
    return new AppError("VALIDATION_FAILED", fe.message);
  }
  return new AppError(
    "INTERNAL",
    "Something went wrong on our side. Please try again; if it persists, contact support.",
    {
      cause: err,
    },
  );
}

/** Sends one error shape for every endpoint: `{ error: { code, message, details? } }`. */
export function sendError(reply: FastifyReply, err: AppError) {
  if (err.headers) reply.headers(err.headers);
  const body: { code: string; message: string; details?: readonly ErrorDetail[] } = {
    code: err.code,
    message: err.message,
  };
  if (err.details) body.details = err.details;
  return reply
    .status(err.status)
    .type("application/json")
    .send(JSON.stringify({ error: body }));
}

/**
 * Installs the error and not-found handlers that give every failure the same shape, and the
 * retry of reads whose database connection dropped (before any route is added).
 */
export function installErrorHandling(app: FastifyInstance) {
  retryReadsOnDroppedConnection(app);
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(err, request);
    if (appError.code === "DATABASE_UNAVAILABLE")
      request.log.warn({ err: (err as Error).message }, "database unavailable");
    else if (appError.status >= 500) request.log.error({ err }, "request failed");
    // A refused request is the caller's business, not the operator's: kept out of `info`.
    else request.log.debug({ code: appError.code }, appError.message);
    return sendError(reply, appError);
  });
}
