import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import type { Config } from "../../config";
import { clientKey } from "../../shared/http/client-address";
import { SharedWindowLimiter } from "../../shared/window-limiter";
import { anonymous, callerOf, type AnonymousCaller, type CustomerCaller } from "../access";
import { companyDb } from "../tenancy";
import {
  branchParams,
  joinQueueBody,
  joinQueueResponse,
  portalBranchResponse,
  portalCompanyResponse,
} from "./portal.schema";
import { assertPublic, branchPage, companyPage, joinQueue } from "./portal.service";

const tags = ["portal"];

/** The portal's visitor: anonymous today, a phone-verified customer once sign-in exists. */
function portalCaller(request: FastifyRequest): AnonymousCaller | CustomerCaller {
  const caller = callerOf(request);
  if (caller.kind !== "anonymous" && caller.kind !== "customer") {
    throw new Error("the portal's hook resolves anonymous or customer callers only");
  }
  return caller;
}

/**
 * Places taken online per client address, and per phone number, in a window. The address limit
 * counts after the input is read (`preHandler`): a customer who mistyped the phone number a few
 * times, answered 400, has not spent the places their household or branch Wi-Fi shares.
 */
export const JOIN_LIMITS = {
  perAddress: { windowMinutes: 10 },
  perPhone: { max: 3, windowMinutes: 10 },
} as const;

/**
 * The route limit on taking places and on bookings: per company and client address, so the
 * customers in one hall on its guest Wi-Fi (or behind one carrier address) share one company's
 * budget, not every company's; an IPv6 client counts by its /64 (clientKey).
 * `PORTAL_PLACES_PER_ADDRESS` sets its size, per route (taking a place, booking, and each change
 * of a booking count apart).
 */
export function joinAddressLimit(config: Config) {
  return {
    max: config.PORTAL_PLACES_PER_ADDRESS,
    timeWindow: `${JOIN_LIMITS.perAddress.windowMinutes} minutes`,
    hook: "preHandler" as const,
    keyGenerator: (request: FastifyRequest) =>
      `${request.company?.id ?? "-"}|${clientKey(request.ip)}`,
  };
}

/**
 * The per-phone limit on taking places (`name` "join") or on bookings ("book"): counted across
 * the nodes through Redis when there is one, since one phone can reach several nodes from
 * several addresses (SharedWindowLimiter).
 */
export function phoneLimit(ctx: AppContext, name: string, log: FastifyBaseLogger) {
  return new SharedWindowLimiter(
    `phone-${name}`,
    JOIN_LIMITS.perPhone.max,
    JOIN_LIMITS.perPhone.windowMinutes * 60_000,
    () => ctx.realtime.sharedRedis,
    ctx.limitKeySecret,
    (err) => log.warn({ err }, "per-phone limit: Redis unavailable, counting on this node"),
  );
}

/**
 * The customer portal of one company: its branches, their lines and waits, and "take a place
 * now". Anyone may call these; only ACTIVE companies answer. Mounted at /api/c/:slug.
 */
export const portalRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", async (request) => assertPublic(request.company!));
    app.addHook("onRequest", anonymous);
    const dbOf = (request: FastifyRequest) => companyDb(ctx.db, request.company!);

    app.get(
      "/portal",
      {
        schema: {
          tags,
          summary: "A company's public page: its branches with address, hours and open now",
          security: [],
          response: { 200: portalCompanyResponse },
        },
      },
      async (request) => companyPage(dbOf(request), request.company!, new Date()),
    );

    app.get(
      "/portal/branches/:branchSlug",
      {
        schema: {
          tags,
          summary: "A branch's services with people waiting, operators serving and the wait now",
          security: [],
          params: branchParams,
          response: { 200: portalBranchResponse },
        },
      },
      async (request) =>
        branchPage(dbOf(request), request.company!, request.params.branchSlug, new Date()),
    );

    // The per-phone limit needs the parsed body; the per-address one runs before it is read.
    const perAddress = joinAddressLimit(ctx.config);
    const perPhone = phoneLimit(ctx, "join", app.log);
    app.post(
      "/portal/tickets",
      {
        schema: {
          tags,
          summary: "Take a place in a line now (source ONLINE); the answer has the ticket's link",
          description: `At most one open place per phone number in a line; at most ${perAddress.max} places per client address on this company's portal and ${JOIN_LIMITS.perPhone.max} per phone number in ${JOIN_LIMITS.perPhone.windowMinutes} minutes.`,
          security: [],
          body: joinQueueBody,
          response: { 201: joinQueueResponse },
        },
        config: { rateLimit: perAddress },
      },
      async (request, reply) => {
        await perPhone.hit(
          `${request.company!.id}:${request.body.phone}`,
          "Too many places were taken with this phone number; try again in a few minutes.",
        );
        const ticket = await joinQueue(
          ctx,
          dbOf(request),
          request.company!,
          portalCaller(request),
          request.body,
        );
        const branch = await dbOf(request)
          .selectFrom("branches")
          .select("name")
          .where("id", "=", ticket.branch_id)
          .executeTakeFirstOrThrow();
        return reply.status(201).send({
          ticket: {
            label: ticket.label,
            status: ticket.status,
            token: ticket.token,
            trackPath: `/t/${ticket.token}`,
            branchName: branch.name,
            serviceName: ticket.service_name,
            issuedAt: ticket.created_at,
          },
        });
      },
    );
  };
