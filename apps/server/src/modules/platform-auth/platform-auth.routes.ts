import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import type { AccountScope } from "../auth/account-scope";
import { authRoutes } from "../auth/auth.routes";
import { superAdminCaller } from "../access";

/** The platform realm's accounts: super admins. */
export const platformScope = (ctx: AppContext): AccountScope => ({
  db: ctx.db,
  schema: "platform",
  accountsTable: "super_admins",
  claimsFor: (a) => ({ realm: "platform", sub: a.id, email: a.email, role: "SUPER_ADMIN" }),
});

/** Super Admin login. Mounted at /api/platform. */
export const platformAuthRoutes = (ctx: AppContext): FastifyPluginAsyncZod => {
  const scope = platformScope(ctx);
  return authRoutes(ctx, {
    scopeOf: () => scope,
    defaultRole: "SUPER_ADMIN",
    guard: superAdminCaller(ctx.tokens),
    tag: "platform auth",
  });
};
