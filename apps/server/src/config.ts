import { z } from "zod";

const boolish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** Every setting the server reads, validated once at boot. See the README's configuration table. */
export const configSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  /**
   * Without DATABASE_URL: the managed PostgreSQL in DATA_DIR/pg (durable; the default where its
   * binaries exist) or PGlite in DATA_DIR/pglite (fsync off: can lose the last writes on power
   * loss). Unset: PostgreSQL, PGlite only where the binaries are missing or DATA_DIR holds an
   * earlier PGlite database and no PostgreSQL one.
   */
  EMBEDDED_DB: z.enum(["postgres", "pglite"]).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** PostgreSQL connections of the background work (events, notifications, outbox), apart. */
  DATABASE_BACKGROUND_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(8),
  DATABASE_PREPARED_STATEMENTS: z.coerce.number().int().min(0).max(10_000).default(128),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  SUPER_ADMIN_EMAIL: z.email().default("admin@e-queue.local"),
  SUPER_ADMIN_PASSWORD: z.string().min(10, "must be at least 10 characters").optional(),
  BASE_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/, "must be a host name like e-queue.uz")
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().default("E-Queue <no-reply@e-queue.local>"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  /** The platform-wide per-client limit on /api (docs/operations.md): per signed-in caller… */
  RATE_LIMIT_PER_CALLER_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(60_000),
  /** …and per client address for requests nobody signed in (a branch's NAT, a bank's proxy). */
  RATE_LIMIT_PER_ADDRESS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120_000),
  /**
   * Places taken and bookings made or changed on one company's portal from one client address in
   * ten minutes: a branch's guest Wi-Fi, or a carrier's shared address, is many customers.
   */
  PORTAL_PLACES_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Off only for load tests that drive one caller beyond any person's pace. */
  RATE_LIMIT_ENABLED: boolish.default(true),
  TRUST_PROXY: boolish.default(false),
  OUTBOX_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Which SMS gateway SMS_GATEWAY_URL is: Eskiz-shaped (the default) or Play Mobile's broker. */
  SMS_GATEWAY_PROVIDER: z.enum(["eskiz", "playmobile"]).default("eskiz"),
  SMS_GATEWAY_URL: z.url().optional(),
  SMS_GATEWAY_EMAIL: z.string().min(1).optional(),
  /** Play Mobile's account login (Eskiz logs in with SMS_GATEWAY_EMAIL). */
  SMS_GATEWAY_LOGIN: z.string().min(1).optional(),
  SMS_GATEWAY_PASSWORD: z.string().min(1).optional(),
  SMS_FROM: z.string().min(1).default("4546"),
  SMS_CALLBACK_URL: z.url().optional(),
  /** How long an SMS send may take before its outcome is settled by a status check. */
  SMS_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /**
   * The secret path part of the gateway's inbound callback (`/api/public/sms/inbound/<secret>`),
   * where customers' replies (STOP, START) arrive; without it the callback is off.
   */
  SMS_INBOUND_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{24,128}$/, "must be 24–128 letters, digits, - or _")
    .optional(),
  /** SMS sends in flight at once (what the gateway account allows). */
  SMS_GATEWAY_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(8),
  TELEGRAM_BOT_TOKEN: z.string().min(10).optional(),
  /** Bearer token of the Prometheus scraper; without it `/metrics` is off. */
  METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  /**
   * Updates by webhook (several server processes) instead of long polling: the secret Telegram
   * sends with each update, 16–256 of A–Z, a–z, 0–9, _ and -.
   */
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 letters, digits, _ or -")
    .optional(),
  /** Where Telegram posts the updates: {PUBLIC_URL}/api/public/telegram/webhook when empty. */
  TELEGRAM_WEBHOOK_URL: z.url().optional(),
  /** The Bot API's base URL (a test fake or a local Bot API server). */
  TELEGRAM_API_URL: z.url().default("https://api.telegram.org"),
  /** The bot's @username for t.me links; asked of the API (getMe) when empty. */
  TELEGRAM_BOT_USERNAME: z
    .string()
    .regex(/^@?[A-Za-z0-9_]{5,32}$/, "must be a Telegram bot username")
    .optional(),
  /** Web push (VAPID): the key pair (base64url, as `web-push generate-vapid-keys` prints it); generated once and kept in the database when unset. */
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{87}$/, "must be a base64url P-256 public key (87 characters)")
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, "must be a base64url P-256 private key (43 characters)")
    .optional(),
  /** Who push services may contact about this sender: a mailto: or https: URL. */
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)\S+$/, "must be a mailto: or https:// URL")
    .optional(),
  /**
   * Push services beside the browsers' own (FCM, Mozilla, Apple, Windows) that subscriptions may
   * point at: comma-separated origins, e.g. a self-hosted push service or a test fake
   * (`http://127.0.0.1` allows any port there).
   */
  PUSH_ENDPOINT_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ })))
    .default([]),
  /** Seconds between sweeps for queue events a crashed node left undelivered (0: only at start). */
  EVENTS_SWEEP_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  /**
   * How long a run that would only move a cursor on (a company without webhook endpoints) gathers
   * before it goes, in the bulk lane.
   */
  EVENTS_IDLE_GATHER_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /**
   * Webhooks may go to private, loopback and link-local addresses (tests, a closed network).
   * Off by default: a company must not make the platform call into its own network (SSRF).
   */
  WEBHOOKS_ALLOW_PRIVATE: boolish.default(false),
  /** Delay before a failed webhook delivery is retried; doubled on each failure, up to an hour. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(30_000),
  /** Failed webhook attempts in a row after which an endpoint is paused (an admin resumes it). */
  WEBHOOK_PAUSE_AFTER_FAILURES: z.coerce.number().int().min(1).max(1000).default(20),
  /** How often the webhook worker looks for due deliveries (it is also woken after commits). */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(20).max(60_000).default(1000),
  /** Test only: durable event subscribers never run (crash tests hold events in the log). */
  EVENTS_DISPATCH_HOLD: boolish.default(false),
});

export type Config = z.infer<typeof configSchema>;

/** Parses the environment; a bad value stops the process with a message naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k in configSchema.shape && v !== undefined && v !== ""),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  // A gateway named but not usable would keep every SMS waiting without a word.
  if (c.SMS_GATEWAY_URL && c.SMS_GATEWAY_PROVIDER === "playmobile" && !c.SMS_GATEWAY_LOGIN) {
    throw new Error(
      "Invalid configuration:\n  SMS_GATEWAY_LOGIN: Play Mobile (SMS_GATEWAY_PROVIDER=playmobile) needs its login",
    );
  }
  return c;
}
