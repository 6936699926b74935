import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "../../shared/app-error";
import { apiKeyOf } from "../access";

const WINDOW_MS = 60_000;

/**
 * Each API key's own limit (requests per minute, set by its company admin), counted in a fixed
 * one-minute window in this node's memory, across every /api/v1 operation. Every answer carries
 * the standard headers (`x-ratelimit-limit`, `-remaining`, `-reset` in seconds); beyond the
 * limit the answer is 429 RATE_LIMITED with `retry-after`. Behind several nodes a key gets up
 * to its limit per node (the proxy's stickiness usually sends one client to one node).
 */
export class KeyRateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly maxKeys = 50_000) {}

  /** preHandler (after the key is resolved): counts the request or refuses it. */
  readonly hook = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const caller = apiKeyOf(request);
    const now = Date.now();
    let w = this.windows.get(caller.keyId);
    if (!w || w.resetAt <= now) {
      if (this.windows.size >= this.maxKeys) this.sweep(now);
      w = { count: 0, resetAt: now + WINDOW_MS };
      this.windows.set(caller.keyId, w);
    }
    w.count++;
    const limit = caller.rateLimitPerMinute;
    const reset = Math.max(1, Math.ceil((w.resetAt - now) / 1000));
    const headers = {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - w.count)),
      "x-ratelimit-reset": String(reset),
    };
    if (w.count > limit) {
      throw new AppError(
        "RATE_LIMITED",
        `This API key may make ${limit} requests a minute; wait ${reset} s and try again.`,
        { headers: { ...headers, "retry-after": String(reset) } },
      );
    }
    reply.headers(headers);
  };

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}
