import { figuresResponse } from "@equeue/contracts/schemas";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { superAdminCaller } from "../access";
import { platformFigures } from "./platform-figures.query";

/** Super Admin: the platform at a glance. Mounted at /api/platform. */
export const platformFigureRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook("onRequest", superAdminCaller(ctx.tokens));
    app.get(
      "/figures",
      {
        schema: {
          tags: ["platform figures"],
          summary:
            "Companies by status, tickets per day, devices online and the outbox's health, across the platform",
          querystring: z.strictObject({
            days: z.coerce
              .number()
              .int()
              .min(1, "Ask for 1 to 90 days.")
              .max(90, "Ask for 1 to 90 days.")
              .default(30),
          }),
          response: { 200: figuresResponse },
        },
      },
      async (request) =>
        platformFigures(ctx.db, () => ctx.realtime.connectedDevices(), request.query.days),
    );
  };
