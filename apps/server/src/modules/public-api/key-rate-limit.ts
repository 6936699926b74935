import type { FastifyReply, FastifyRequest } from "fastify";
import { MinuteLimiter } from "../../shared/minute-limiter";
import { apiKeyOf } from "../access";

/** Requests per minute one client address may make to /api/v1 before its key is even checked. */
export const ADDRESS_LIMIT_PER_MINUTE = 1200;

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
