import { LogController, type FastifyReply, type FastifyRequest } from "fastify";

/**
 * Paths whose next part is a secret: a ticket's tracking token (the ticket page, and the public
 * API behind it — follow, stop following, turn channels off, rate) and a booking's token. Whoever
 * reads the logs must not be able to open, cancel or mute a customer's ticket.
 */
const SECRET_AFTER = /(^\/t\/|\/public\/(?:tickets|tracking)\/|\/portal\/bookings\/)[^/?#]+/;

/** The URL as logs may show it: a secret path part becomes `***`, the query is dropped. */
export function loggableUrl(url: string): string {
  return url.replace(/[?#].*$/, "").replace(SECRET_AFTER, "$1***");
}

/** What the request log's `req` serializer needs of a request, with the URL made loggable. */
const loggable = (request: FastifyRequest) => ({
  method: request.method,
  url: loggableUrl(request.url),
  headers: request.headers,
  host: request.host,
  ip: request.ip,
  socket: request.socket,
});

/** A request slower than this is worth a line at the default level. */
export const SLOW_REQUEST_MS = 1000;

/**
 * Request logs at `debug`: at the default `info` level, one line per request buried the start
 * banner (with the first password) within seconds of a board or an operator screen being open.
 * What needs a look still shows: a 5xx or a failed response at `error`, a slow request at `warn`.
 */
export class QuietRequestLog extends LogController {
  constructor(
    skip: (request: FastifyRequest) => boolean,
    private readonly slowMs = SLOW_REQUEST_MS,
  ) {
    super({ requestIdLogLabel: "requestId", disableRequestLogging: skip });
  }

  override incomingRequest(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.debug({ req: loggable(request) }, "incoming request");
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: loggable(request), res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, "request errored");
    else if (reply.statusCode >= 500)
      reply.log.error(line, "request completed with a server error");
    else if (reply.elapsedTime >= this.slowMs) reply.log.warn(line, "slow request");
    else reply.log.debug(line, "request completed");
  }

  override routeNotFound(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.debug(`Route ${request.method}:${loggableUrl(request.url)} not found`);
  }
}
