import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { apiKeyCaller } from "../access";
import { ApiRateLimits } from "./key-rate-limit";
import { v1BookingRoutes } from "./v1-bookings.routes";
import { v1QueueRoutes } from "./v1-queue.routes";

/**
 * The public API for a company's own systems, versioned: `/api/v1/…` with one of the company's
 * API keys (`Authorization: Bearer eqk_…`). The key names the company; each operation needs a
 * scope; each key has its own rate limit. Everything reuses the queue's and booking's commands.
 */
export const publicApiRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const limits = new ApiRateLimits();
    // Same-origin only: a key is a secret for servers, never for a browser page elsewhere.
    const origin = new URL(ctx.publicUrl).origin;
    app.addHook("onRequest", async (_request, reply) => {
      reply.header("access-control-allow-origin", origin);
    });
    app.addHook("onRequest", limits.address);
    app.addHook("onRequest", apiKeyCaller(ctx));
    app.addHook("preValidation", limits.key);
    await app.register(v1QueueRoutes(ctx));
    await app.register(v1BookingRoutes(ctx));
  };
