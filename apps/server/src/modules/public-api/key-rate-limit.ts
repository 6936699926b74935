import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../shared/app-error";
import { apiKeyOf } from "../access";

const WINDOW_MS = 60_000;
/** Requests per minute one client address may make to /api/v1 before its key is even checked. */
export const ADDRESS_LIMIT_PER_MINUTE = 1200;

/**
 * Requests per key in a fixed one-minute window, in this node's memory. Every answer carries the
 * standard headers (`x-ratelimit-limit`, `-remaining`, `-reset` in seconds); beyond the limit the
 * answer is 429 RATE_LIMITED with `retry-after`. Behind several nodes a client gets up to the
 * limit per node (the proxy's stickiness usually sends one client to one node).
 */
class MinuteLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly maxKeys = 50_000) {}

  count(reply: FastifyReply, key: string, limit: number, message: (s: number) => string): void {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (this.windows.size >= this.maxKeys) this.sweep(now);
      w = { count: 0, resetAt: now + WINDOW_MS };
      this.windows.set(key, w);
    }
    w.count++;
    const reset = Math.max(1, Math.ceil((w.resetAt - now) / 1000));
    const headers = {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - w.count)),
      "x-ratelimit-reset": String(reset),
    };
    reply.headers(headers);
    if (w.count > limit) {
      throw new AppError("RATE_LIMITED", message(reset), {
        headers: { ...headers, "retry-after": String(reset) },
      });
    }
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}

/**
 * The public API's two limits: per client address before the key is checked (so guessing keys
 * is slow, and refusals carry the headers too), then each key's own limit, set by its company
 * admin, across every /api/v1 operation — its headers replace the address's.
 */
export class ApiRateLimits {
  private readonly byAddress = new MinuteLimiter();
  private readonly byKey = new MinuteLimiter();

  /** onRequest, before the key is resolved. */
  readonly address = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    this.byAddress.count(
      reply,
      request.ip,
      ADDRESS_LIMIT_PER_MINUTE,
      (s) => `Too many requests from this address; wait ${s} s and try again.`,
    );
  };

  /** preValidation, after the key is resolved. */
  readonly key = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const caller = apiKeyOf(request);
    const limit = caller.rateLimitPerMinute;
    this.byKey.count(
      reply,
      caller.keyId,
      limit,
      (s) => `This API key may make ${limit} requests a minute; wait ${s} s and try again.`,
    );
  };
}
