import { createHmac } from "node:crypto";
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "./config";
import type { Db } from "./db/database";
import type { Migration } from "./db/migrations/migration";
import { companyMigrations } from "./db/migrations/company";
import { AccessTokens, DeviceTokenCache } from "./modules/access";
import { AuthService } from "./modules/auth/auth.service";
import { BookingSetups } from "./modules/booking";
import { RefreshTokens } from "./modules/auth/refresh-tokens";
import type { MailTransport } from "./modules/outbox/mail-transport";
import { OutboxWorker } from "./modules/outbox/outbox.worker";
import { playMobileTransport } from "./modules/outbox/playmobile-transport";
import { smsTransport } from "./modules/outbox/sms-transport";
import { emailTransport, type Transport } from "./modules/outbox/transport";
import { EventDispatcher } from "./modules/events/event-dispatcher";
import type { DurableSubscriber } from "./modules/events/events.types";
import {
  configuredSubscribers,
  durableSubscribersWith,
  liveSubscribers,
} from "./modules/events/subscribers";
import { PlatformMetrics, type PoolStats } from "./modules/metrics";
import {
  CompanyTextsCache,
  pushTransport,
  TelegramService,
  type VapidKeys,
} from "./modules/notifications";
import { bookingMailAttachments } from "./modules/booking";
import { RealtimeHub } from "./modules/realtime/realtime-hub";
import { CompanyDirectory } from "./modules/tenancy/company-directory";
import { pausedEndpointNotice, WebhookWorker, webhookSubscriber } from "./modules/webhooks";

/** Everything a module needs, built once per process and passed in (no globals). */
export type AppContext = {
  config: Config;
  db: Db;
  /**
   * The database for background work — event dispatch and its subscribers, the outbox — on
   * PostgreSQL a pool of its own (DATABASE_BACKGROUND_POOL_SIZE), so that neither requests nor
   * notifications queue behind the other for a connection; on PGlite the same one connection.
   */
  backgroundDb: Db;
  dbKind: "postgres" | "pglite";
  tokens: AccessTokens;
  /** Device tokens this process checked recently (the realtime gateway forgets them on revoke). */
  deviceTokens: DeviceTokenCache;
  refreshTokens: RefreshTokens;
  auth: AuthService;
  directory: CompanyDirectory;
  outbox: OutboxWorker;
  /** Socket.IO gateway; attached to the HTTP server by startPlatform. */
  realtime: RealtimeHub;
  /** Committed queue changes to their subscribers: realtime first, then the durable ones. */
  events: EventDispatcher;
  companyMigrations: Migration[];
  /** The Telegram bot, when TELEGRAM_BOT_TOKEN is set. */
  telegram: TelegramService | null;
  /** The address people use to reach the platform, for links in e-mails. */
  publicUrl: string;
  /** This node's Prometheus metrics (`GET /metrics`). */
  metrics: PlatformMetrics;
  /** The platform's web push (VAPID) identity: configured, or generated once and stored. */
  vapid: VapidKeys;
  /**
   * Branches' booking set-ups, kept briefly (dropped on every admin change), and the slot claim
   * every ticket issued with an appointment time takes (the queue's `QueueDeps.bookings`).
   */
  bookings: BookingSetups;
  /** The companies' notification languages and texts, kept for the notification runs. */
  notificationTexts: CompanyTextsCache;
  /** Sends the companies' signed webhooks (queued by the webhooks subscriber). */
  webhooks: WebhookWorker;
  /**
   * The key of the digests that name rate-limited phone numbers in Redis (the same on every
   * node, derived from the token secret): a plain hash of a number is reversed by trying them.
   */
  limitKeySecret: Buffer;
};

export type ContextDeps = {
  config: Config;
  db: Db;
  /** Background work's database (its own pool); `db` when not given. */
  backgroundDb?: Db;
  dbKind: "postgres" | "pglite";
  jwtSecret: string;
  vapid: VapidKeys;
  mail: MailTransport | null;
  log: FastifyBaseLogger;
  companyMigrations?: Migration[];
  /** Durable subscribers beside the standard ones (tests that count deliveries). */
  extraSubscribers?: DurableSubscriber[];
  /** The database pool's connections now, for the metrics (none on the embedded database). */
  poolStats?: () => PoolStats | null;
};

/** A transport for every channel the configuration enables (ADR 0004). */
function transports(
  deps: ContextDeps,
  publicUrl: string,
  telegram: TelegramService | null,
): Transport[] {
  const { config, mail } = deps;
  // Web push needs nothing but the VAPID keys, which always exist: it is always on.
  const list: Transport[] = [pushTransport(deps.backgroundDb ?? deps.db, deps.vapid)];
  if (telegram) list.push(telegram.transport());
  if (mail) list.push(emailTransport(mail, config.MAIL_FROM));
  const sms = smsGateway(config, publicUrl);
  if (sms) list.push(sms);
  return list;
}

/** The configured SMS gateway's transport, or null when SMS are not configured. */
function smsGateway(config: Config, publicUrl: string): Transport | null {
  if (!config.SMS_GATEWAY_URL || !config.SMS_GATEWAY_PASSWORD) return null;
  if (config.SMS_GATEWAY_PROVIDER === "playmobile") {
    if (!config.SMS_GATEWAY_LOGIN) return null;
    return playMobileTransport({
      url: config.SMS_GATEWAY_URL,
      login: config.SMS_GATEWAY_LOGIN,
      password: config.SMS_GATEWAY_PASSWORD,
      originator: config.SMS_FROM,
      timeoutMs: config.SMS_GATEWAY_TIMEOUT_MS,
      concurrency: config.SMS_GATEWAY_CONCURRENCY,
    });
  }
  if (!config.SMS_GATEWAY_EMAIL) return null;
  return smsTransport({
    url: config.SMS_GATEWAY_URL,
    email: config.SMS_GATEWAY_EMAIL,
    password: config.SMS_GATEWAY_PASSWORD,
    from: config.SMS_FROM,
    timeoutMs: config.SMS_GATEWAY_TIMEOUT_MS,
    concurrency: config.SMS_GATEWAY_CONCURRENCY,
    // Delivery reports come back to the platform's own public endpoint unless told otherwise.
    callbackUrl: config.SMS_CALLBACK_URL ?? `${publicUrl}/api/public/sms/delivery`,
  });
}

/**
 * The dispatcher's connection budgets on a background pool: two connections stay with the outbox
 * (a claim and a result write may overlap), the rest split between the prompt lane
 * (notifications, webhooks) and the others, at most 4 each: one for the report roll-ups (one run
 * at a time: under load their figures lag, and the database's time goes to the queue), the rest
 * to the bulk lane (the ticket index, idle runs).
 */
export const dispatchBudget = (poolSize: number) => {
  const free = Math.max(2, poolSize - 2);
  return {
    prompt: Math.min(4, Math.ceil(free / 2)),
    bulk: Math.max(1, Math.min(4, Math.floor(free / 2)) - 1),
    unhurried: 1,
  };
};

/** Wires the services together. */
export function createContext(deps: ContextDeps): AppContext {
  const { config } = deps;
  const backgroundDb = deps.backgroundDb ?? deps.db;
  const tokens = new AccessTokens(deps.jwtSecret, config.ACCESS_TOKEN_TTL_SECONDS);
  const refreshTokens = new RefreshTokens(config.REFRESH_TOKEN_TTL_DAYS);
  const deviceTokens = new DeviceTokenCache();
  const realtime = new RealtimeHub(deviceTokens);
  const publicUrl = (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, "");
  const telegram = config.TELEGRAM_BOT_TOKEN
    ? new TelegramService(
        {
          token: config.TELEGRAM_BOT_TOKEN,
          apiUrl: config.TELEGRAM_API_URL,
          username: config.TELEGRAM_BOT_USERNAME,
          webhook: config.TELEGRAM_WEBHOOK_SECRET
            ? {
                secret: config.TELEGRAM_WEBHOOK_SECRET,
                url: config.TELEGRAM_WEBHOOK_URL ?? `${publicUrl}/api/public/telegram/webhook`,
              }
            : undefined,
        },
        deps.db,
        deps.log,
      )
    : null;
  const notificationTexts = new CompanyTextsCache();
  const outbox = new OutboxWorker(
    backgroundDb,
    transports(deps, publicUrl, telegram),
    { pollMs: config.OUTBOX_POLL_MS },
    deps.log,
    bookingMailAttachments(backgroundDb, publicUrl),
  );
  const webhooks = new WebhookWorker(
    deps.db,
    {
      pollMs: config.WEBHOOK_POLL_MS,
      retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
      allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE,
      pauseAfterFailures: config.WEBHOOK_PAUSE_AFTER_FAILURES,
      notice: pausedEndpointNotice({ config, publicUrl }, () => outbox.wake()),
    },
    deps.log,
  );
  const events = new EventDispatcher(
    backgroundDb,
    liveSubscribers(realtime),
    [
      ...durableSubscribersWith((changes) => realtime.notifyCustomers(changes)),
      // Messages the notifications queue go out right after its commit, not at the next poll.
      ...configuredSubscribers({
        publicUrl,
        onQueued: () => outbox.wake(),
        texts: notificationTexts,
      }),
      // Deliveries queued with the cursor go out right after the commit.
      webhookSubscriber(() => webhooks.wake()),
      ...(deps.extraSubscribers ?? []),
    ],
    {
      batchSize: 500,
      // Each run holds a connection: on its own pool, leave two for the outbox.
      ...(backgroundDb === deps.db
        ? { concurrency: 2, promptConcurrency: 2, unhurriedConcurrency: 1 }
        : (({ bulk, prompt, unhurried }) => ({
            concurrency: bulk,
            promptConcurrency: prompt,
            unhurriedConcurrency: unhurried,
          }))(dispatchBudget(config.DATABASE_BACKGROUND_POOL_SIZE))),
      sweepSeconds: config.EVENTS_SWEEP_SECONDS,
      idleGatherMs: config.EVENTS_IDLE_GATHER_MS,
      hold: config.EVENTS_DISPATCH_HOLD,
    },
    deps.log,
  );
  const metrics = new PlatformMetrics({
    db: deps.db,
    sockets: () => realtime.socketCount,
    pool: deps.poolStats ?? (() => null),
    eventsPending: () => events.pendingCompanies,
  });
  events.onDelivered((subscriber, delivered) => metrics.observeDelivered(subscriber, delivered));
  return {
    limitKeySecret: createHmac("sha256", deps.jwtSecret).update("equeue rate-limit keys").digest(),
    config,
    db: deps.db,
    backgroundDb,
    dbKind: deps.dbKind,
    tokens,
    deviceTokens,
    refreshTokens,
    auth: new AuthService(tokens, refreshTokens, {
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockMinutes: config.LOGIN_LOCK_MINUTES,
    }),
    directory: new CompanyDirectory(deps.db),
    outbox,
    realtime,
    events,
    companyMigrations: deps.companyMigrations ?? companyMigrations,
    publicUrl,
    telegram,
    metrics,
    vapid: deps.vapid,
    bookings: new BookingSetups(deps.db),
    notificationTexts,
    webhooks,
  };
}
