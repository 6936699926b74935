import { timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { AppContext } from "../../app-context";
import { AppError } from "../../shared/app-error";

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * `GET /metrics` in Prometheus' text format, for the operator's scraper only: it needs
 * `Authorization: Bearer <METRICS_TOKEN>`, and without that setting the endpoint is off (404),
 * so a fresh install exposes nothing about its tenants.
 */
export const metricsRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
      const token = ctx.config.METRICS_TOKEN;
      if (!token) {
        throw new AppError(
          "NOT_FOUND",
          "Metrics are off on this server. Set METRICS_TOKEN to turn them on.",
        );
      }
      const header = request.headers.authorization ?? "";
      const given = header.startsWith("Bearer ") ? header.slice(7) : "";
      if (!sameSecret(given, token)) {
        throw new AppError(
          "UNAUTHENTICATED",
          "Metrics need the scraper's token: Authorization: Bearer <METRICS_TOKEN>.",
        );
      }
      const { contentType, body } = await ctx.metrics.render();
      return reply
        .header("content-type", contentType)
        .header("cache-control", "no-store")
        .send(body);
    });
  };
