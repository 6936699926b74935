import { AppError } from "./app-error";

/**
 * Counts attempts per key in a fixed window, in this process's memory: a limit that needs a
 * key only known after the body is read (a phone number), where the route's address-based
 * limit (@fastify/rate-limit) cannot help. Per node; keys expire with their window.
 */
export class WindowLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one attempt for `key`; throws RATE_LIMITED (with Retry-After) beyond the limit. */
  hit(key: string, message: string, now = Date.now()): void {
    let entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.hits.size >= this.maxKeys) this.sweep(now);
      entry = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, entry);
    }
    entry.count++;
    if (entry.count > this.max) {
      const seconds = Math.max(1, Math.ceil((entry.resetAt - now) / 1000));
      throw new AppError("RATE_LIMITED", message, { headers: { "retry-after": String(seconds) } });
    }
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
    if (this.hits.size >= this.maxKeys) this.hits.clear();
  }
}
