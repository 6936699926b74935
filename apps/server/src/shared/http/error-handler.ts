import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, type ErrorCode, type ErrorDetail } from "../app-error";

function toAppError(err: FastifyError | Error): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext ?? "body";
    const details: ErrorDetail[] = err.validation.flatMap((v) => {
      const prefix = v.instancePath.replace(/^\//, "").replace(/\//g, ".");
      const unknownKeys = (v.params as { keys?: string[] } | undefined)?.keys;
      if (v.keyword === "unrecognized_keys" && unknownKeys?.length) {
        return unknownKeys.map((k) => ({
          path: prefix ? `${prefix}.${k}` : k,
          message: `Unknown field "${k}": remove it.`,
        }));
      }
      return [{ path: prefix || where, message: v.message ?? "Invalid value" }];
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
    return new AppError("RATE_LIMITED", "Too many requests. Wait a minute and try again.");
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
  const body: { code: string; message: string; details?: ErrorDetail[] } = {
    code: err.code,
    message: err.message,
  };
  if (err.details) body.details = err.details;
  return reply
    .status(err.status)
    .type("application/json")
    .send(JSON.stringify({ error: body }));
}

/** Installs the error and not-found handlers that give every failure the same shape. */
export function installErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) request.log.error({ err }, "request failed");
    // A refused request is the caller's business, not the operator's: kept out of `info`.
    else request.log.debug({ code: appError.code }, appError.message);
    return sendError(reply, appError);
  });
}
