import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import pino from "pino";
import { buildApp } from "./app";
import { createContext, type AppContext } from "./app-context";
import type { Config } from "./config";
import { openDatabase, type Db } from "./db/database";
import type { Migration } from "./db/migrations/migration";
import { migrateAllCompanies, migratePlatform } from "./db/migrator";
import { smtpTransport, type MailTransport } from "./modules/outbox/mail-transport";
import type { DurableSubscriber } from "./modules/events/events.types";
import { resolveVapidKeys } from "./modules/notifications";
import { ensureSuperAdmin } from "./modules/platform-auth/super-admin.bootstrap";
import { bookingSweep } from "./modules/booking/booking-sweep";
import { notificationSweep } from "./modules/notifications";
import { DayEndWorker } from "./modules/queue/commands/day-end";

export type Platform = {
  app: FastifyInstance;
  ctx: AppContext;
  superAdmin: { created: boolean; email: string; generatedPassword?: string };
  close: () => Promise<void>;
};

export type StartOptions = {
  /** Keep PGlite in memory instead of DATA_DIR (tests). */
  inMemory?: boolean;
  /** With `inMemory`: start from this PGlite dump (a migrated snapshot) instead of an empty one. */
  pgliteDump?: Blob;
  serveWeb?: boolean;
  mail?: MailTransport | null;
  companyMigrations?: Migration[];
  logger?: pino.Logger;
  /** Durable event subscribers beside the standard ones (tests that count deliveries). */
  extraSubscribers?: DurableSubscriber[];
  /** Run day-end expiry and the late-booking sweep in the background (default true; tests call them directly). */
  dayEndWorker?: boolean;
};

/** The signing secret: JWT_SECRET when set, else one generated once and kept in the database. */
async function resolveJwtSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insertInto("platform.settings")
    .values({ key: "jwt_secret", value: randomBytes(48).toString("base64url") })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("platform.settings")
    .select("value")
    .where("key", "=", "jwt_secret")
    .executeTakeFirstOrThrow();
  return row.value;
}

/** Opens and migrates the database, bootstraps the super admin, and builds the app. */
export async function startPlatform(config: Config, opts: StartOptions = {}): Promise<Platform> {
  const log =
    opts.logger ??
    pino({
      level: config.LOG_LEVEL,
      redact: ["req.headers.authorization", "req.headers.cookie", "password", "*.password"],
    });
  const handle = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    inMemory: opts.inMemory ?? false,
    pgliteDump: opts.pgliteDump,
    poolSize: config.DATABASE_POOL_SIZE,
    backgroundPoolSize: config.DATABASE_BACKGROUND_POOL_SIZE,
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    preparedPerConnection: config.DATABASE_PREPARED_STATEMENTS,
    log,
  });
  try {
    await migratePlatform(handle.db);
    const jwtSecret = await resolveJwtSecret(handle.db, config.JWT_SECRET);
    const vapid = await resolveVapidKeys(handle.db, {
      publicKey: config.VAPID_PUBLIC_KEY,
      privateKey: config.VAPID_PRIVATE_KEY,
      subject: config.VAPID_SUBJECT ?? `mailto:${config.SUPER_ADMIN_EMAIL}`,
    });
    const mail =
      opts.mail !== undefined ? opts.mail : config.SMTP_URL ? smtpTransport(config.SMTP_URL) : null;
    const ctx = createContext({
      config,
      db: handle.db,
      backgroundDb: handle.background,
      dbKind: handle.kind,
      poolStats: handle.poolStats,
      jwtSecret,
      vapid,
      mail,
      log,
      ...(opts.companyMigrations && { companyMigrations: opts.companyMigrations }),
      ...(opts.extraSubscribers && { extraSubscribers: opts.extraSubscribers }),
    });
    const report = await migrateAllCompanies(handle.db, { migrations: ctx.companyMigrations });
    if (report.migrated || report.failed.length) log.info(report, "company schemas migrated");
    for (const f of report.failed)
      log.error(f, "company schema migration failed; it will be retried at next start");
    const superAdmin = await ensureSuperAdmin(
      handle.db,
      { email: config.SUPER_ADMIN_EMAIL, password: config.SUPER_ADMIN_PASSWORD },
      log,
    );
    const app = await buildApp(ctx, { logger: log, serveWeb: opts.serveWeb ?? true });
    await ctx.realtime.attach(app.server, ctx, log).catch(async (err: unknown) => {
      await app.close();
      throw err;
    });
    // Events a previous process committed but never delivered (a crash) go out now.
    ctx.events.start();
    ctx.webhooks.start();
    // Telegram updates (a customer linking a chat): long polling, no public address needed, or
    // the webhook registered where one is configured.
    ctx.telegram?.start();
    const dayEnd = new DayEndWorker(ctx, log);
    const bookings = bookingSweep(ctx, log);
    // Booking reminders and staff wait alerts; like the other sweeps, off in most tests.
    const notifications = notificationSweep(
      {
        db: ctx.backgroundDb,
        publicUrl: ctx.publicUrl,
        alertStaff: (companyId, payload) => ctx.realtime.alertStaff(companyId, payload),
      },
      log,
    );
    if (opts.dayEndWorker ?? true) {
      dayEnd.start();
      bookings.start();
      notifications.start();
    }
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      // In-flight requests finish; keep-alive connections that go idle afterwards are closed
      // as they do, or the server would wait for the client to hang up.
      await dayEnd.stop();
      await bookings.stop();
      await notifications.stop();
      await ctx.events.stop();
      await ctx.webhooks.stop();
      await ctx.telegram?.stop();
      await ctx.realtime.close();
      const sweeper = setInterval(() => app.server.closeIdleConnections(), 100);
      try {
        await app.close();
      } finally {
        clearInterval(sweeper);
      }
      await ctx.outbox.stop();
      await handle.close();
    };
    return { app, ctx, superAdmin, close };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
