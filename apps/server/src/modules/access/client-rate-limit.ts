import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { MinuteLimiter } from "../../shared/minute-limiter";
import type { Caller } from "./caller";

export type ClientRateLimitOptions = {
  /** Requests a minute of one signed-in caller: a staff member, device, customer, admin. */
  perCaller: number;
  /** Requests a minute of one client address, for callers nobody signed in. */
  perAddress: number;
};

/** The public API counts its own, per key (modules/public-api/key-rate-limit.ts). */
const EXEMPT = /^\/api\/v1(\/|$)/;

/** Whose budget a request spends: the proven caller's when there is one, else the address's. */
function budgetOf(caller: Caller | undefined, ip: string): { key: string; signedIn: boolean } {
  switch (caller?.kind) {
    case "staff":
    case "staffToken":
      return { key: `staff:${caller.staffId}`, signedIn: true };
    case "device":
      return { key: `device:${caller.deviceId}`, signedIn: true };
    case "customer":
      return { key: `customer:${caller.customerId}`, signedIn: true };
    case "superAdmin":
      return { key: `admin:${caller.adminId}`, signedIn: true };
    case "apiKey":
      return { key: `key:${caller.keyId}`, signedIn: true };
    case "ticketHolder":
    case "anonymous":
    case undefined:
      return { key: `ip:${ip}`, signedIn: false };
    default: {
      const never: never = caller;
      return never;
    }
  }
}

/**
 * The platform-wide per-client limit on /api (every realm but /api/v1, which limits per key):
 * counted in a fixed minute once the caller is known (preHandler, after every realm's sign-in
 * hook), keyed on that caller — so many operators behind one branch's address each have their
 * own budget — or on the client address when nobody signed in. A route with its own stricter
 * limit (login, codes, the portal's abuse limits) keeps it and its headers. An answer given
 * before the count (a refused sign-in, invalid input, an unknown company) is still counted, on
 * the address, and carries the headers too; so every /api answer has `X-RateLimit-*`.
 */
export function installClientRateLimit(app: FastifyInstance, opts: ClientRateLimitOptions): void {
  const limiter = new MinuteLimiter(100_000);
  const applies = (request: FastifyRequest, reply: FastifyReply) =>
    request.url.startsWith("/api/") &&
    !EXEMPT.test(request.url.split("?")[0]!) &&
    !reply.hasHeader("x-ratelimit-limit");
  app.addHook("preHandler", async (request, reply) => {
    if (!applies(request, reply)) return;
    const { key, signedIn } = budgetOf(request.caller, request.ip);
    const limit = signedIn ? opts.perCaller : opts.perAddress;
    limiter.count(
      reply,
      key,
      limit,
      (s) => `Too many requests (${limit} a minute); wait ${s} s and try again.`,
    );
  });
  app.addHook("onSend", async (request, reply, payload) => {
    if (applies(request, reply)) limiter.note(reply, `ip:${request.ip}`, opts.perAddress);
    return payload;
  });
}
