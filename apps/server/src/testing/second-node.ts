import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../app";
import { createContext, type AppContext } from "../app-context";
import type { DurableSubscriber } from "../modules/events";
import { startPlatform } from "../platform";
import type { TestPlatform } from "./test-platform";

export type SecondNode = {
  app: FastifyInstance;
  ctx: AppContext;
  url: string;
  close: () => Promise<void>;
};

const urlOf = (app: FastifyInstance) =>
  `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

/**
 * Another server process over the same database (tests of several nodes). On PostgreSQL it is a
 * whole second platform on the same DATABASE_URL; on the embedded database, which one process
 * owns, it is a second app and socket gateway over the same database handle.
 */
export async function startSecondNode(
  p: TestPlatform,
  opts: { extraSubscribers?: DurableSubscriber[] } = {},
): Promise<SecondNode> {
  if (p.ctx.dbKind === "postgres") {
    const other = await startPlatform(p.config, {
      serveWeb: false,
      mail: null,
      dayEndWorker: false,
      ...opts,
    });
    await other.app.listen({ host: "127.0.0.1", port: 0 });
    return { app: other.app, ctx: other.ctx, url: urlOf(other.app), close: other.close };
  }
  const secret = await p.ctx.db
    .selectFrom("platform.settings")
    .select("value")
    .where("key", "=", "jwt_secret")
    .executeTakeFirstOrThrow();
  const log = p.app.log;
  const ctx = createContext({
    config: p.config,
    db: p.ctx.db,
    dbKind: p.ctx.dbKind,
    jwtSecret: p.config.JWT_SECRET ?? secret.value,
    vapid: p.ctx.vapid,
    mail: null,
    log,
    ...opts,
  });
  const app = await buildApp(ctx, { logger: false, serveWeb: false });
  await ctx.realtime.attach(app.server, ctx, log);
  await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    app,
    ctx,
    url: urlOf(app),
    close: async () => {
      await ctx.events.stop();
      await ctx.realtime.close();
      await app.close();
    },
  };
}
