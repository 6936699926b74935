// The bodies and answers are a contract with the web's sign-in: defined once there.
import {
  authSessionSchema,
  authUserSchema,
  changePasswordBody,
  loginBody,
} from "@equeue/contracts/schemas";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { actorOf } from "../../shared/actor";
import { recordAudit } from "../audit";
import { AppError } from "../../shared/app-error";
import { scopeTables, type Account, type AccountScope } from "./account-scope";
import type { Session } from "./auth.service";

export const REFRESH_COOKIE = "eq_rt";

const toUser = (a: Account, role: string) => ({
  id: a.id,
  email: a.email,
  name: a.name,
  role: a.role ?? role,
  mustChangePassword: a.must_change_password,
});

/** The refresh cookie is scoped to the realm's own `/auth` path, so it never leaves it. */
export const cookiePath = (request: FastifyRequest) => {
  const original = request.originalUrl.split("?")[0] ?? "";
  const i = original.lastIndexOf("/auth/");
  return i >= 0 ? original.slice(0, i + 5) : "/";
};

/**
 * Sets the httpOnly refresh cookie of a realm (staff, super admins and customers alike). With
 * `domain`, the cookie is shared by that domain's subdomains; a host-only cookie of the same
 * name and path, set before, is cleared in the same answer (two would both be sent, and the
 * stale one would read as a replayed token and end the session).
 */
export function setRefreshCookie(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  domain?: string,
): void {
  const path = cookiePath(request);
  if (domain) reply.clearCookie(REFRESH_COOKIE, { path });
  reply.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: ctx.publicUrl.startsWith("https://"),
    path,
    maxAge: ctx.config.REFRESH_TOKEN_TTL_DAYS * 86_400,
    ...(domain && { domain }),
  });
}

export type AuthRouteOptions = {
  scopeOf: (request: FastifyRequest) => AccountScope;
  defaultRole: string;
  /** onRequest guard for `/me` and `/change-password`. */
  guard: (request: FastifyRequest) => Promise<void>;
  tag: string;
};

/** Login, refresh, logout, me and change-password for one realm. */
export const authRoutes =
  (ctx: AppContext, opts: AuthRouteOptions): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = [opts.tag];
    const send = (request: FastifyRequest, reply: FastifyReply, s: Session) => {
      setRefreshCookie(ctx, request, reply, s.refreshToken);
      return { accessToken: s.accessToken, user: toUser(s.account, opts.defaultRole) };
    };

    app.post(
      "/auth/login",
      {
        config: {
          rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: "1 minute" },
        },
        schema: {
          tags,
          summary: "Log in",
          security: [],
          body: loginBody,
          response: { 200: authSessionSchema },
        },
      },
      async (request, reply) => {
        const scope = opts.scopeOf(request);
        const session = await ctx.auth.login(scope, request.body.email, request.body.password);
        const actor = { ...actorOf(request), id: session.account.id, email: session.account.email };
        await recordAudit(
          ctx.db,
          {
            ...actor,
            type: opts.defaultRole === "SUPER_ADMIN" ? "SUPER_ADMIN" : "COMPANY_USER",
            companyId: request.company?.id ?? null,
          },
          {
            action: "auth.login",
            targetType: "account",
            targetId: session.account.id,
          },
        );
        return send(request, reply, session);
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
          response: { 200: authSessionSchema },
        },
      },
      async (request, reply) => {
        const session = await ctx.auth.refreshSession(
          opts.scopeOf(request),
          request.cookies[REFRESH_COOKIE],
        );
        return send(request, reply, session);
      },
    );

    app.post(
      "/auth/logout",
      { schema: { tags, summary: "Log out (ends this session)", security: [] } },
      async (request, reply) => {
        await ctx.auth.logout(opts.scopeOf(request), request.cookies[REFRESH_COOKIE]);
        reply.clearCookie(REFRESH_COOKIE, { path: cookiePath(request) });
        return reply.status(204).send();
      },
    );

    app.get(
      "/auth/me",
      {
        onRequest: opts.guard,
        schema: { tags, summary: "The logged-in user", response: { 200: authUserSchema } },
      },
      async (request) => {
        const scope = opts.scopeOf(request);
        const account = await scopeTables(scope).findAccountById(request.auth!.sub);
        if (!account)
          throw new AppError("UNAUTHENTICATED", "Your account no longer exists. Log in again.");
        return toUser(account, opts.defaultRole);
      },
    );

    app.post(
      "/auth/change-password",
      {
        onRequest: opts.guard,
        config: {
          rateLimit: { max: ctx.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: "1 minute" },
        },
        schema: {
          tags,
          summary: "Change the password (required after a one-time password)",
          body: changePasswordBody,
          response: { 200: authSessionSchema },
        },
      },
      async (request, reply) => {
        const scope = opts.scopeOf(request);
        const session = await ctx.auth.changePassword(
          scope,
          request.auth!.sub,
          request.body.currentPassword,
          request.body.newPassword,
        );
        await recordAudit(ctx.db, actorOf(request), {
          action: "auth.password.change",
          targetType: "account",
          targetId: session.account.id,
        });
        return send(request, reply, session);
      },
    );
  };
