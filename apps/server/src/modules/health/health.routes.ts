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
          summary: "Readiness: database reachable and migrations current",
        },
      },
      async (_request, reply) => {
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
          return reply.status(ready ? 200 : 503).send({
            status: ready ? "ready" : "migrating",
            database: ctx.dbKind,
            migrations: { platform: platformCurrent, companiesBehind: Number(behind.n) },
          });
        } catch (err) {
          return reply.status(503).send({
            error: {
              code: "NOT_READY",
              message: `The database is not reachable: ${(err as Error).message}`,
            },
          });
        }
      },
    );
  };
