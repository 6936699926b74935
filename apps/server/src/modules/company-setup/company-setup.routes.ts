import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { setupEnv } from "../setup-common/setup-env";
import { staffCaller } from "../access";
import { brandingBody, brandingSchema, overviewSchema, readySchema } from "./company-setup.schema";
import {
  getBranding,
  getOverview,
  requestActivation,
  setPrimaryColor,
} from "./company-setup.service";

const tags = ["company admin: set-up"];

/** The set-up checklist, "ready for activation" and the company colour. Mounted at /api/c/:slug/admin. */
export const companySetupRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", staffCaller(ctx, { roles: ["COMPANY_ADMIN"] }));
    const env = (request: Parameters<typeof setupEnv>[1]) => setupEnv(ctx, request);

    app.get(
      "/overview",
      {
        schema: {
          tags,
          summary: "Counts and a checklist of what is still missing",
          response: { 200: overviewSchema },
        },
      },
      async (request) => getOverview(env(request)),
    );

    app.post(
      "/ready",
      {
        schema: {
          tags,
          summary: "Tell the platform the set-up is done (the super admin then activates)",
          response: { 200: readySchema },
        },
      },
      async (request) => requestActivation(env(request)),
    );

    app.get(
      "/branding",
      { schema: { tags, summary: "Name, logo and colour", response: { 200: brandingSchema } } },
      async (request) => getBranding(env(request)),
    );

    app.patch(
      "/branding",
      {
        schema: {
          tags,
          summary: "Set the company colour (logo and name are managed by the platform)",
          body: brandingBody,
          response: { 200: brandingSchema },
        },
      },
      async (request) => setPrimaryColor(env(request), request.body.primaryColor),
    );
  };
