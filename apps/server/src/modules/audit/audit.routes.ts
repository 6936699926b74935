import { auditPageResponse, TEXT_MAX } from "@equeue/contracts/schemas";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { pagingQuery } from "../../shared/paging";
import { superAdminCaller } from "../access";
import { listAudit } from "./audit.repository";

/** Super Admin: who did what, when and from where. Mounted at /api/platform. */
export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", superAdminCaller(ctx.tokens));
    app.get(
      "/audit",
      {
        schema: {
          tags: ["audit"],
          summary: "Audit log, newest first",
          querystring: z.strictObject({
            companyId: z.uuid().optional(),
            action: z.string().trim().max(100).optional(),
            ...pagingQuery,
          }),
          response: {
            200: auditPageResponse,
          },
        },
      },
      async (request) => {
        const q = request.query;
        const { items, total } = await listAudit(ctx.db, q);
        return {
          items: items.map((a) => ({
            id: Number(a.id),
            at: a.at,
            actorType: a.actor_type,
            actorEmail: a.actor_email,
            companyId: a.company_id,
            companySlug: a.company_slug,
            action: a.action,
            targetType: a.target_type,
            targetId: a.target_id,
            details: a.details,
            // As the proxy reported it (X-Forwarded-For): an address, cut to an address's length.
            ip: a.ip?.slice(0, TEXT_MAX.ip) ?? null,
            requestId: a.request_id,
          })),
          total,
          page: q.page,
          pageSize: q.pageSize,
        };
      },
    );
  };
