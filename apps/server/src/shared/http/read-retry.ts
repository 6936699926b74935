import type { FastifyInstance, RouteHandlerMethod } from "fastify";
import { isDatabaseUnavailable } from "../db-errors";

/** Pauses before the second and third try of a read whose connection dropped. */
const READ_RETRY_DELAYS_MS = [150, 500];

// A native promise only: a handler may also return the reply itself, which is a thenable
// (awaiting it waits for the response) but has no `catch` and must be handed back untouched.
const isPromise = (v: unknown): v is Promise<unknown> => v instanceof Promise;

/**
 * A GET or HEAD whose database connection dropped (restart, failover, a killed backend) is run
 * again after a short pause: reads are idempotent, and most drops last a moment, so the caller
 * sees an answer instead of a 503. Writes are never run twice here: whether a statement that
 * was sent took effect is unknown (opening a connection that was refused is retried lower
 * down, in the pool wrapper, where nothing has been sent yet).
 */
export function retryReadsOnDroppedConnection(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.every((m) => m === "GET" || m === "HEAD")) return;
    const handler = route.handler;
    route.handler = function (request, reply) {
      const first: unknown = handler.call(this, request, reply);
      // Callback-style handlers (static files) and returned replies are left as they are.
      if (!isPromise(first)) return first;
      const retry = async (err: unknown, attempt: number): Promise<unknown> => {
        const delay = READ_RETRY_DELAYS_MS[attempt];
        if (delay === undefined || reply.sent || !isDatabaseUnavailable(err)) throw err;
        request.log.warn({ attempt: attempt + 1 }, "database connection dropped; reading again");
        await new Promise((resolve) => setTimeout(resolve, delay));
        try {
          return await handler.call(this, request, reply);
        } catch (next) {
          return retry(next, attempt + 1);
        }
      };
      return first.catch((err: unknown) => retry(err, 0));
    } as RouteHandlerMethod;
  });
}
