import { sql } from "kysely";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context";
import { latestCompanyVersion } from "../../db/migrations/company";
import { platformMigrations } from "../../db/migrations/platform";

/** Liveness and readiness for load balancers. Mounted at /api. */
export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/health",
      {
        schema: {
          tags: ["health"],
          summary: "Liveness",
          security: [],
          response: { 200: z.object({ status: z.literal("ok") }) },
        },
      },
      async () => ({ status: "ok" as const }),
    );

    app.get(
      "/ready",
      {
        schema: {
          tags: ["health"],
          summary: "Readiness: database (and Redis, when configured) reachable, migrations current",
          security: [],
        },
      },
      async (_request, reply) => {
        // A load balancer takes the node out while the database (or Redis, when the nodes
        // share events through it) is away, and back once it answers again.
        const redis = ctx.realtime.redisStatus;
        let body;
        try {
          await sql`select 1`.execute(ctx.db);
          const applied = await ctx.db
            .selectFrom("platform.schema_migrations")
            .select("version")
            .execute();
          const platformLatest = Math.max(...platformMigrations.map((m) => m.version));
          const platformCurrent = Math.max(0, ...applied.map((r) => r.version));
          const behind = await ctx.db
            .selectFrom("platform.companies")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("schema_version", "<", latestCompanyVersion(ctx.companyMigrations))
            .executeTakeFirstOrThrow();
          const ready = platformCurrent >= platformLatest;
          body = {
            status: ready ? ("ready" as const) : ("migrating" as const),
            database: ctx.dbKind,
            ...(redis !== "off" && { redis }),
            migrations: { platform: platformCurrent, companiesBehind: Number(behind.n) },
          };
        } catch (err) {
          return reply.status(503).send({
            error: {
              code: "NOT_READY",
              message: `The database is not reachable: ${(err as Error).message}`,
              details: [{ path: "database", message: (err as Error).message }],
            },
          });
        }
        if (redis === "down") {
          return reply.status(503).send({
            error: {
              code: "NOT_READY",
              message: "Redis is not reachable; events do not reach the other nodes.",
              details: [{ path: "redis", message: "disconnected; reconnecting" }],
            },
          });
        }
        return reply.status(body.status === "ready" ? 200 : 503).send(body);
      },
    );
  };
