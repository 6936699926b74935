import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { superAdminCaller } from "../access";
import { platformFigures } from "./platform-figures.query";

const n = z.number();
const kinds = z.object({ DISPLAY: n, KIOSK: n });

const figuresResponse = z.object({
  at: z.date(),
  companies: z.object({
    byStatus: z.object({ INACTIVE: n, ACTIVE: n, SUSPENDED: n, DELETED: n }),
    total: n,
  }),
  tickets: z.object({
    from: z.string(),
    days: z
      .array(z.object({ day: z.string(), tickets: n, served: n }))
      .describe("Per branch-local day: tickets taken (into the line or booked) and served"),
    unreadCompanies: z
      .array(z.object({ companyId: z.string(), slug: z.string() }))
      .describe("Companies whose figures could not be read (a schema that failed to migrate)"),
  }),
  devices: z.object({
    paired: kinds,
    online: kinds.describe("Paired devices with a live connection now"),
  }),
  outbox: z.array(
    z.object({
      channel: z.string(),
      pending: n,
      failed: n,
      oldestPendingSeconds: n.nullable(),
    }),
  ),
});

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
