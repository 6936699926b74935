import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { logoUrl } from "../companies";
import { listActiveCompanies } from "../companies";
import { directoryQuery } from "../portal";

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
            200: z.object({
              items: z.array(
                z.object({
                  name: z.string(),
                  slug: z.string(),
                  logoUrl: z.string().nullable(),
                  description: z.string().nullable(),
                }),
              ),
            }),
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
          })),
        };
      },
    );
  };
