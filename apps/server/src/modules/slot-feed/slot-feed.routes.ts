import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { assertPublic } from "../portal";
import { companyDb, findServableCompany } from "../tenancy";
import { buildSlotFeed, manifestOf, ndjson } from "./slot-feed";

const tags = ["public: slot feed"];
const params = z.strictObject({ slug: z.string().max(63, "This is not a company address.") });
const fileParams = params.extend({
  file: z.enum(["locations.ndjson", "schedules.ndjson", "slots.ndjson"], "No such file."),
});
const NDJSON = "application/fhir+ndjson";

/**
 * Each ACTIVE company's bookable times as a SMART Scheduling Links feed, for aggregators.
 * Anyone may read it. Mounted at /api/public.
 */
export const slotFeedRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const companyOf = async (slug: string) => {
      const company = await findServableCompany(ctx.directory, slug);
      assertPublic(company);
      return company;
    };
    const base = (slug: string) => `${ctx.publicUrl}/api/public/slot-feed/${slug}`;

    app.get(
      "/slot-feed/:slug/$bulk-publish",
      {
        schema: {
          tags,
          summary: "The company's SMART Scheduling Links manifest (Location, Schedule, Slot files)",
          security: [],
          params,
        },
      },
      async (request) => {
        await companyOf(request.params.slug);
        return manifestOf(base(request.params.slug), new Date());
      },
    );

    app.get(
      "/slot-feed/:slug/:file",
      {
        schema: {
          tags,
          summary: "One NDJSON file of the feed: FHIR Locations, Schedules or the week's Slots",
          security: [],
          params: fileParams,
        },
      },
      async (request, reply) => {
        const company = await companyOf(request.params.slug);
        const feed = await buildSlotFeed(ctx, companyDb(ctx.db, company), company, new Date());
        const which = request.params.file.split(".")[0] as keyof typeof feed;
        reply.header("cache-control", "public, max-age=60");
        return reply.type(NDJSON).send(ndjson(feed[which]));
      },
    );
  };
