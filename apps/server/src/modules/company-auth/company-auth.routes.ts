import { companyInfoSchema } from "@equeue/contracts/schemas";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import type { StaffRole } from "../../db/tables";
import type { AccountScope } from "../auth";
import { authRoutes } from "../auth";
import { staffCaller } from "../access";
import { logoUrl } from "../companies";
import type { CompanyRecord } from "../tenancy";

/** One company's accounts: its staff. */
export const companyScope = (ctx: AppContext, company: CompanyRecord): AccountScope => ({
  db: ctx.db,
  schema: company.schema_name,
  accountsTable: "staff",
  claimsFor: (a) => ({
    realm: "company",
    sub: a.id,
    email: a.email,
    role: a.role as StaffRole,
    companyId: company.id,
    mustChangePassword: a.must_change_password,
  }),
  isDisabled: (a) => a.is_active === false,
});

/** Company realm: branding for the login page and staff login. Mounted at /api/c/:slug. */
export const companyAuthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/info",
      {
        schema: {
          tags: ["company auth"],
          summary: "Public branding of the company for its login page",
          security: [],
          response: {
            200: companyInfoSchema,
          },
        },
      },
      async (request) => {
        const c = request.company!;
        return {
          name: c.name,
          slug: c.slug,
          logoUrl: logoUrl(c.logo_id),
          defaultLanguage: c.default_language,
          status: c.status,
        };
      },
    );
    await app.register(
      authRoutes(ctx, {
        scopeOf: (request) => companyScope(ctx, request.company!),
        defaultRole: "OPERATOR",
        guard: staffCaller(ctx, { allowPendingPasswordChange: true }),
        tag: "company auth",
      }),
    );
  };
