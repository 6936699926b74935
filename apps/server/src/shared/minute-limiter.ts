import type { FastifyReply } from "fastify";
import { AppError } from "./app-error";

const WINDOW_MS = 60_000;

/**
 * Requests per key in a fixed one-minute window, in this node's memory. Every counted answer
 * carries the standard headers (`x-ratelimit-limit`, `-remaining`, `-reset` in seconds); beyond
 * the limit `count` throws 429 RATE_LIMITED with `retry-after`. Behind several nodes a client gets
 * up to the limit per node (the proxy's stickiness usually sends one client to one node).
 */
export class MinuteLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly maxKeys = 50_000) {}

  /** Counts one request of `key` and sets the headers; throws RATE_LIMITED beyond `limit`. */
  count(reply: FastifyReply, key: string, limit: number, message: (s: number) => string): void {
    const { headers, over, reset } = this.tally(reply, key, limit);
    if (over) {
      throw new AppError("RATE_LIMITED", message(reset), {
        headers: { ...headers, "retry-after": String(reset) },
      });
    }
  }

  /** Counts one request of `key` and sets the headers, never refusing (an answer already made). */
  note(reply: FastifyReply, key: string, limit: number): void {
    this.tally(reply, key, limit);
  }

  private tally(reply: FastifyReply, key: string, limit: number) {
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
    return { headers, over: w.count > limit, reset };
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
    if (this.windows.size >= this.maxKeys) this.windows.clear();
  }
}
