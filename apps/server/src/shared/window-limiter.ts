import { createHmac } from "node:crypto";
import type { Redis } from "ioredis";
import { AppError } from "./app-error";

type Tally = { count: number; resetAt: number };

function refuse(message: string, tally: Tally, now: number): AppError {
  const seconds = Math.max(1, Math.ceil((tally.resetAt - now) / 1000));
  return new AppError("RATE_LIMITED", message, { headers: { "retry-after": String(seconds) } });
}

/**
 * Counts attempts per key in a fixed window, in this process's memory: a limit that needs a
 * key only known after the body is read (a phone number), where the route's address-based
 * limit (@fastify/rate-limit) cannot help. Per node; keys expire with their window.
 */
export class WindowLimiter {
  private readonly hits = new Map<string, Tally>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxKeys = 100_000,
  ) {}

  /** Counts one attempt for `key`; throws RATE_LIMITED (with Retry-After) beyond the limit. */
  hit(key: string, message: string, now = Date.now()): void {
    const tally = this.count(key, now);
    if (tally.count > this.max) throw refuse(message, tally, now);
  }

  /** Counts one attempt for `key` and returns the window's count so far, this one included. */
  count(key: string, now = Date.now()): Tally {
    let entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      if (this.hits.size >= this.maxKeys) this.sweep(now);
      entry = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, entry);
    }
    entry.count++;
    return { ...entry };
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
    if (this.hits.size >= this.maxKeys) this.hits.clear();
  }
}

/** One attempt in Redis: the window starts with the key's first attempt and ends with its TTL. */
const COUNT_IN_REDIS = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/**
 * How long a count in Redis may take before the node counts alone: a stalled or half-open
 * connection must not hold a customer's request.
 */
export const SHARED_COUNT_TIMEOUT_MS = 300;

/**
 * A window limit that holds across every node: with Redis (REDIS_URL, the nodes' shared
 * real-time link) the attempts are counted there, so a phone number gets `max` in the window
 * whichever nodes its requests reach — nginx keeps a client address on one node, but one phone
 * can come from several addresses. Without Redis, or while it is away, each node counts in its
 * own memory (the limit then holds per node): a customer is never refused, nor kept waiting
 * more than SHARED_COUNT_TIMEOUT_MS, because of Redis. Keys are keyed digests (HMAC with
 * `secret`, the same on every node), so no phone number can be read back from Redis.
 */
export class SharedWindowLimiter {
  private readonly local: WindowLimiter;
  private lastFallbackLogAt = 0;

  constructor(
    /** Names the limit among others in Redis' keys. */
    private readonly name: string,
    private readonly max: number,
    private readonly windowMs: number,
    /** The shared Redis connection when it is up, else null. */
    private readonly redis: () => Redis | null,
    /** Keys the digests of the counted keys. */
    private readonly secret: Buffer,
    private readonly onFallback: (err: unknown) => void = () => {},
  ) {
    this.local = new WindowLimiter(max, windowMs);
  }

  /** Counts one attempt for `key`; throws RATE_LIMITED (with Retry-After) beyond the limit. */
  async hit(key: string, message: string): Promise<void> {
    const tally = await this.count(key);
    const now = Date.now();
    if (tally.count > this.max) throw refuse(message, tally, now);
  }

  private async count(key: string): Promise<Tally> {
    const redis = this.redis();
    if (redis) {
      try {
        const [count, ttl] = (await withTimeout(
          redis.eval(COUNT_IN_REDIS, 1, this.redisKey(key), String(this.windowMs)),
          SHARED_COUNT_TIMEOUT_MS,
        )) as [number, number];
        return { count, resetAt: Date.now() + ttl };
      } catch (err) {
        // At most one line a minute while Redis is away; the node's own count stands in.
        if (Date.now() - this.lastFallbackLogAt > 60_000) {
          this.lastFallbackLogAt = Date.now();
          this.onFallback(err);
        }
      }
    }
    return this.local.count(key);
  }

  /** The Redis key counting `key`: the limit's name and a keyed digest, never `key` itself. */
  redisKey(key: string): string {
    const digest = createHmac("sha256", this.secret).update(key).digest("base64url");
    return `equeue:limit:${this.name}:${digest}`;
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis in ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
