import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { directoryResponse } from "@equeue/contracts/schemas";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { logoUrl } from "../companies";
import { listActiveCompanies } from "../companies";
import { notFound } from "../../shared/app-error";
import { directoryQuery } from "../portal";
import { awaitIndexed } from "../notifications";
import { averageOf } from "../ratings";
import { TEXT_MAX } from "@equeue/contracts/schemas";

const trackingParams = z.strictObject({
  token: z.string().min(1).max(128, "This is not a ticket link."),
});

/** What anyone may see: only ACTIVE companies. Mounted at /api/public. */
export const publicRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/companies",
      {
        schema: {
          tags: ["public"],
          summary: "Active companies for the portal, optionally searched by name or description",
          security: [],
          querystring: directoryQuery,
          response: {
            200: directoryResponse,
          },
        },
      },
      async (request) => {
        const rows = await listActiveCompanies(ctx.db, request.query.search);
        return {
          items: rows.map((c) => ({
            name: c.name,
            slug: c.slug,
            logoUrl: logoUrl(c.logo_id),
            description: c.description,
            rating: c.ratings
              ? { average: averageOf(c.ratings, c.stars_total ?? 0)!, count: c.ratings }
              : null,
          })),
        };
      },
    );

    app.get(
      "/tracking/:token",
      {
        schema: {
          tags: ["public"],
          summary: "Where a bare tracking link (/t/{token}) leads: its company's ticket page",
          description:
            "Looked up in the platform's ticket index, which a new ticket reaches a moment after it is issued: a token not found is looked for again for about 1.7 s before it answers 404.",
          security: [],
          params: trackingParams,
          response: {
            200: z.object({
              companySlug: z.string().max(TEXT_MAX.slug),
              trackPath: z.string().max(TEXT_MAX.path).describe("/c/{slug}/t/{token}"),
            }),
          },
        },
        config: { rateLimit: { max: 120, timeWindow: "1 minute" } },
      },
      async (request) => {
        const row = await awaitIndexed(() =>
          ctx.db
            .selectFrom("platform.ticket_index as t")
            .innerJoin("platform.companies as c", "c.id", "t.company_id")
            .select("c.slug")
            .where("t.token", "=", request.params.token)
            .where("c.status", "=", "ACTIVE")
            .executeTakeFirst(),
        );
        if (!row) throw notFound("The ticket");
        return { companySlug: row.slug, trackPath: `/c/${row.slug}/t/${request.params.token}` };
      },
    );
  };
