import { randomUUID } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../app-error";
import { sendError, toAppError } from "./error-handler";

// Some refusals happen before a route (and so the error handler) is chosen: the router's own
// checks, and Node's HTTP parser. They get the same `{ error: { code, message } }` body and an
// `x-request-id` as everything else, so a client and a log reader need one way of reading them.

/**
 * The router's limit (`maxParamLength`, set to this in app.ts) on one part of the path, between
 * slashes: the longest ticket token a link may carry (128).
 */
export const MAX_PATH_PART = 128;

export const uriTooLong = () =>
  new AppError(
    "URI_TOO_LONG",
    `A part of the address is too long (at most ${MAX_PATH_PART} characters between slashes); check the link.`,
  );

/** Whether one part of a raw path, once decoded, is past the router's limit. */
export function tooLongPart(rawPart: string): boolean {
  if (rawPart.length <= MAX_PATH_PART) return false;
  try {
    return decodeURIComponent(rawPart).length > MAX_PATH_PART;
  } catch {
    return true;
  }
}

/** Fastify's `frameworkErrors`: the router refused the address itself. */
export function onFrameworkError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let appError: AppError;
  if (err.code === "FST_ERR_MAX_PARAM_LENGTH") {
    appError = uriTooLong();
  } else if (err.code === "FST_ERR_BAD_URL") {
    appError = new AppError(
      "VALIDATION_FAILED",
      "The address holds a broken %-escape; check the link and encode it as UTF-8.",
    );
  } else {
    appError = toAppError(err);
  }
  // A refused request is the caller's business: at `debug`, like the other refusals.
  request.log.debug({ code: appError.code, fastifyCode: err.code }, appError.message);
  reply.header("x-request-id", request.id);
  return sendError(reply, appError);
}

const CLIENT_ERRORS: Record<string, AppError> = {
  HPE_HEADER_OVERFLOW: new AppError(
    "HEADERS_TOO_LARGE",
    "The request headers are too large (often too many or too big cookies); clear the cookies of this site and try again.",
  ),
  ERR_HTTP_REQUEST_TIMEOUT: new AppError(
    "REQUEST_TIMEOUT",
    "The request took too long to arrive; send it again.",
  ),
};

/**
 * Node's `clientError`: the HTTP parser refused the request before Fastify saw it (headers too
 * large, malformed request line). Written by hand as a raw HTTP/1.1 answer, like Fastify's default.
 */
export function onClientError(err: Error & { code?: string }, socket: Socket) {
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const appError =
    CLIENT_ERRORS[err.code ?? ""] ??
    new AppError("VALIDATION_FAILED", "The request is not valid HTTP and could not be read.");
  const status = appError.status;
  if (socket.writable) {
    const body = JSON.stringify({ error: { code: appError.code, message: appError.message } });
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `x-request-id: ${randomUUID()}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}
