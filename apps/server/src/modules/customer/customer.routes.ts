import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { notFound } from "../../shared/app-error";
import { maskPhone } from "../../shared/phone";
import { customerCaller, customerOf } from "../access";
import { cookiePath, REFRESH_COOKIE, setRefreshCookie } from "../auth";
import { assertNotSuspended } from "../tenancy";
import { cancelMyTicket } from "./cancel-my-ticket.command";
import {
  cancelledTicketSchema,
  customerSchema,
  customerSessionSchema,
  myTicketParams,
  myTicketsResponse,
  requestCodeBody,
  requestCodeResponse,
  verifyCodeBody,
} from "./customer.schema";
import {
  customerRefreshStore,
  refreshCustomerSession,
  startCustomerSession,
  type CustomerSession,
} from "./customer-session";
import { findMyTicket, myTickets } from "./my-tickets.query";
import { requestSignInCode, SIGN_IN_CODE, verifySignInCode } from "./sign-in-codes";

const tags = ["customer"];

/** Per client address, before the body is read (the per-number limit is in the database). */
export const CUSTOMER_LIMITS = {
  requestCode: { max: 10, timeWindow: "10 minutes" },
  verify: { max: 30, timeWindow: "10 minutes" },
} as const;

/**
 * One account across companies, so one sign-in across their hosts: with BASE_DOMAIN, a customer
 * who signs in at `e-queue.uz` is still signed in at `hamkorbank.e-queue.uz` and the other way
 * round — the refresh cookie is set for the base domain (it carries only the customer realm's
 * refresh token, on `/api/customer/auth/` alone). Any other host (an address, a LAN name) keeps
 * a cookie of its own, and so does a dotless base such as `localhost`.
 */
function sharedDomain(ctx: AppContext, request: FastifyRequest): string | undefined {
  const base = ctx.config.BASE_DOMAIN?.toLowerCase().replace(/:\d+$/, "");
  const host = request.headers.host?.toLowerCase().replace(/:\d+$/, "");
  // A dotless base (`localhost` in development) cannot carry a cookie domain: host-only there.
  if (!base?.includes(".") || !host) return undefined;
  return host === base || host.endsWith(`.${base}`) ? base : undefined;
}

/**
 * Beside the httpOnly refresh cookie (sent only to `/api/customer/auth/`), a cookie the pages can
 * read and that holds no secret, only "a customer session is here": with the same domain and
 * lifetime, it lets any company's page skip the refresh call (and its 401) for a visitor who
 * never signed in. Cleared with the session.
 */
export const CUSTOMER_HINT_COOKIE = "eq_customer";

function setHintCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): void {
  const domain = sharedDomain(ctx, request);
  reply.setCookie(CUSTOMER_HINT_COOKIE, "1", {
    httpOnly: false,
    sameSite: "lax",
    secure: ctx.publicUrl.startsWith("https://"),
    path: "/",
    maxAge: ctx.config.REFRESH_TOKEN_TTL_DAYS * 86_400,
    ...(domain && { domain }),
  });
}

function clearHintCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(CUSTOMER_HINT_COOKIE, { path: "/" });
  const domain = sharedDomain(ctx, request);
  if (domain) reply.clearCookie(CUSTOMER_HINT_COOKIE, { path: "/", domain });
}

/**
 * The portal's customers: sign in with a phone and a one-time SMS code, then "my tickets"
 * across every company (from the platform's ticket index, by the proven phone). Mounted at
 * /api/customer.
 */
export const customerRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const signedIn = customerCaller(ctx);
    const send = (request: FastifyRequest, reply: FastifyReply, s: CustomerSession) => {
      setRefreshCookie(ctx, request, reply, s.refreshToken, sharedDomain(ctx, request));
      setHintCookie(ctx, request, reply);
      return { accessToken: s.accessToken, user: s.customer };
    };

    app.post(
      "/auth/request-code",
      {
        schema: {
          tags,
          summary: "Send a one-time sign-in code to a phone by SMS",
          description: `${SIGN_IN_CODE.digits} digits, valid ${SIGN_IN_CODE.ttlMinutes} minutes, single use, ${SIGN_IN_CODE.maxAttempts} tries; at most ${SIGN_IN_CODE.perPhone.max} codes per number in ${SIGN_IN_CODE.perPhone.windowMinutes} minutes and ${CUSTOMER_LIMITS.requestCode.max} per client address. The code is never in the answer.`,
          security: [],
          body: requestCodeBody,
          response: { 202: requestCodeResponse },
        },
        config: { rateLimit: CUSTOMER_LIMITS.requestCode },
      },
      async (request, reply) => {
        await requestSignInCode(ctx.db, request.body.phone);
        return reply.status(202).send({
          phone: maskPhone(request.body.phone),
          expiresInSeconds: SIGN_IN_CODE.ttlMinutes * 60,
          resendInSeconds: SIGN_IN_CODE.resendSeconds,
        });
      },
    );

    app.post(
      "/auth/verify",
      {
        schema: {
          tags,
          summary: "Exchange the SMS code for a session (the account is made on first sign-in)",
          security: [],
          body: verifyCodeBody,
          response: { 200: customerSessionSchema },
        },
        config: { rateLimit: CUSTOMER_LIMITS.verify },
      },
      async (request, reply) => {
        const { phone, code } = request.body;
        const id = await verifySignInCode(ctx.db, phone, code);
        return send(request, reply, await startCustomerSession(ctx, { id, phone }));
      },
    );

    app.post(
      "/auth/refresh",
      {
        config: { rateLimit: { max: 60, timeWindow: "1 minute" } },
        schema: {
          tags,
          summary: "Rotate the refresh cookie and get a new access token",
          security: [],
          response: { 200: customerSessionSchema },
        },
      },
      async (request, reply) => {
        try {
          const session = await refreshCustomerSession(ctx, request.cookies[REFRESH_COOKIE]);
          return send(request, reply, session);
        } catch (err) {
          // No session to refresh (ended, revoked): the pages stop asking.
          clearHintCookie(ctx, request, reply);
          throw err;
        }
      },
    );

    app.post(
      "/auth/logout",
      { schema: { tags, summary: "Sign out (ends this session)", security: [] } },
      async (request, reply) => {
        const raw = request.cookies[REFRESH_COOKIE];
        if (raw) await ctx.refreshTokens.revoke(customerRefreshStore(ctx), raw);
        const path = cookiePath(request);
        reply.clearCookie(REFRESH_COOKIE, { path });
        const domain = sharedDomain(ctx, request);
        if (domain) reply.clearCookie(REFRESH_COOKIE, { path, domain });
        clearHintCookie(ctx, request, reply);
        return reply.status(204).send();
      },
    );

    app.get(
      "/auth/me",
      {
        onRequest: signedIn,
        schema: { tags, summary: "The signed-in customer", response: { 200: customerSchema } },
      },
      async (request) => {
        const c = customerOf(request);
        return { id: c.customerId, phone: c.phone };
      },
    );

    app.get(
      "/tickets",
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: "My tickets in every company: in a line now, booked, and the history",
          response: { 200: myTicketsResponse },
        },
      },
      async (request) => myTickets(ctx.db, customerOf(request).phone),
    );

    app.post(
      "/tickets/:ticketId/cancel",
      {
        onRequest: signedIn,
        schema: {
          tags,
          summary: "Cancel one of my tickets (booked or waiting) in its company",
          params: myTicketParams,
          response: { 200: cancelledTicketSchema },
        },
      },
      async (request) => {
        const customer = customerOf(request);
        const entry = await findMyTicket(ctx.db, customer.phone, request.params.ticketId);
        if (!entry) throw notFound("The ticket");
        const company = await ctx.directory.findBySlug(entry.company_slug);
        if (!company || company.status === "DELETED") throw notFound("The ticket");
        assertNotSuspended(company.status);
        const t = await cancelMyTicket(ctx, company, customer.phone, entry.ticket_id);
        return { id: t.id, label: t.label, status: t.status };
      },
    );
  };
