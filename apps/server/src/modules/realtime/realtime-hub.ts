import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import type { FastifyBaseLogger } from "fastify";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import { REALTIME_PATH, type WaitAlertPayload } from "@equeue/contracts";
import { TICKET_ACTION } from "@equeue/core";
import { AppError } from "../../shared/app-error";
import { isDatabaseUnavailable } from "../../shared/db-errors";
import { databaseUnavailable } from "../../shared/http/error-handler";
import type { DeviceTokenCache } from "../access";
import type { QueueFact, QueuePublisher } from "../queue";
import { authenticateSocket, onConnection, type RealtimeDeps } from "./realtime.connection";
import { emitCounts, publishFacts } from "./realtime.publish";
import {
  SERVER_EVENT,
  rooms,
  type ClientToServerEvents,
  type InterServerEvents,
  type LineKey,
  type ServerToClientEvents,
  type SocketData,
} from "./realtime.events";
import { TrackerFanout } from "./tracker-fanout";

export type QueueIo = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;

/** Socket.IO lives under the API so one proxy rule covers both (the web's client uses the same). */
export const SOCKET_PATH = REALTIME_PATH;
const REDIS_CONNECT_TIMEOUT_MS = 5_000;

/**
 * Redis going away (restart, failover) must neither crash nor wedge the node: ioredis reconnects
 * on its own (and re-subscribes `sub`); meanwhile events for other nodes are dropped rather than
 * queued without bound (no offline queue on `pub`), and a failed publish is logged — the
 * adapter calls `publish` without handling its promise, which would otherwise be an unhandled
 * rejection. Local sockets keep receiving their events throughout.
 */
async function connectRedis(url: string, log: FastifyBaseLogger): Promise<[Redis, Redis]> {
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = pub.duplicate();
  let lastWarnAt = 0;
  for (const c of [pub, sub]) {
    c.on("error", (err) => {
      // One line per few seconds while Redis is away, not one per reconnect attempt.
      if (Date.now() - lastWarnAt < 5_000) return;
      lastWarnAt = Date.now();
      log.warn({ err }, "redis connection error");
    });
    c.on("ready", () => log.info("redis connected"));
  }
  const publish = pub.publish.bind(pub);
  pub.publish = ((channel: string, message: string) => {
    const sent = publish(channel, message);
    sent.catch((err: unknown) => log.debug({ err }, "redis publish failed; event not relayed"));
    return sent;
  }) as Redis["publish"];
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error("timed out")), REDIS_CONNECT_TIMEOUT_MS).unref(),
  );
  try {
    await Promise.race([Promise.all([pub.connect(), sub.connect()]), timeout]);
  } catch (err) {
    pub.disconnect();
    sub.disconnect();
    throw new Error(
      `REDIS_URL is set but Redis cannot be reached (${(err as Error).message}); fix REDIS_URL or unset it to run as a single node.`,
    );
  }
  // Only now: the first connect goes through the offline queue.
  pub.options.enableOfflineQueue = false;
  return [pub, sub];
}

/**
 * The real-time gateway (DESIGN.md §6). Commands hand it the facts of a committed transaction;
 * it sends each audience what it may see: staff of the branch, the operator, display boards,
 * ticket trackers. With REDIS_URL, events reach sockets on every node.
 */
export class RealtimeHub implements QueuePublisher {
  private io: QueueIo | null = null;
  private ctx: RealtimeDeps | null = null;
  private log: FastifyBaseLogger | null = null;
  private fanout: TrackerFanout | null = null;
  private redis: Redis[] = [];
  private readonly pending = {
    counts: new Map<string, { companyId: string; schema: string; branchId: string }>(),
    lines: new Map<string, LineKey>(),
    remoteLines: new Map<string, LineKey>(),
  };
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;
  /** Changes seen per company:branch, so a connecting socket can tell it missed one. */
  private readonly versions = new Map<string, number>();
  /** How long changes are gathered before counts and tracker views are recomputed. */
  coalesceMs = 25;
  /**
   * Trackers' positions are recomputed at most this often. A called customer does not wait for
   * it (the call is pushed at once, see pushCalls); everyone else's "people ahead" follows within
   * a fraction of a second, and a busy node coalesces many calls into one recount of each line
   * instead of recounting after every few.
   */
  trackerIntervalMs = 200;
  private lastTrackerPassAt = 0;

  /** `deviceTokens`: this process's cache of checked device tokens, forgotten on every revoke. */
  constructor(private readonly deviceTokens: DeviceTokenCache) {}

  /** Attaches Socket.IO to the HTTP server Fastify already owns (no second upgrade handler). */
  async attach(server: HttpServer, ctx: RealtimeDeps, log: FastifyBaseLogger): Promise<void> {
    this.ctx = ctx;
    this.log = log;
    this.fanout = new TrackerFanout(ctx.db, log);
    const io: QueueIo = new Server(server, { path: SOCKET_PATH, serveClient: false });
    if (ctx.config.REDIS_URL) {
      this.redis = await connectRedis(ctx.config.REDIS_URL, log);
      const [pub, sub] = this.redis as [Redis, Redis];
      io.adapter(createAdapter(pub, sub, { key: "equeue" }));
      io.on("lines.changed", (keys) => this.markLines(keys, false));
      io.on("devices.forget", () => this.deviceTokens.forget());
    }
    io.use((socket, next) => {
      authenticateSocket(ctx, socket.handshake.auth)
        .then((audience) => {
          socket.data.audience = audience;
          socket.data.lastSyncAt = 0;
          next();
        })
        .catch((err: unknown) => {
          // The database away (restart, failover): a retryable refusal, as HTTP answers 503.
          const known =
            err instanceof AppError
              ? err
              : isDatabaseUnavailable(err)
                ? databaseUnavailable(err)
                : null;
          const e = new Error(known?.message ?? "Could not connect.");
          (e as Error & { data: unknown }).data = { code: known?.code ?? "INTERNAL" };
          if (known?.code === "DATABASE_UNAVAILABLE")
            log.warn({ err: (err as Error).message }, "socket handshake: database unavailable");
          else if (!known) log.error({ err }, "socket handshake failed");
          next(e);
        });
    });
    io.on("connection", (socket) => {
      const versions = (c: string, b: string) => this.versions.get(`${c}:${b}`) ?? 0;
      const failed = (err: unknown) => log.warn({ err }, "socket snapshot failed; disconnected");
      onConnection(ctx, this.fanout!, versions, socket, failed).catch((err: unknown) =>
        log.error({ err }, "socket connection setup failed"),
      );
    });
    this.io = io;
  }

  /** Redis as readiness sees it: "off" without REDIS_URL, else whether both links are up. */
  get redisStatus(): "off" | "up" | "down" {
    if (this.redis.length === 0) return "off";
    return this.redis.every((r) => r.status === "ready") ? "up" : "down";
  }

  /**
   * The nodes' shared Redis connection while it is up (null without REDIS_URL or while it is
   * away): limits that must hold across nodes count there (SharedWindowLimiter).
   */
  get sharedRedis(): Redis | null {
    const pub = this.redis[0];
    return pub?.status === "ready" ? pub : null;
  }

  /**
   * Disconnects every socket of a company (staff, display boards, ticket trackers), on this node
   * and, through the Redis adapter, on the others; used when the company goes out of service.
   */
  disconnectCompany(companyId: string): void {
    this.io?.in(rooms.company(companyId)).disconnectSockets(true);
  }

  /** A service's wait is over its target: the branch's staff screens hear it. */
  alertStaff(companyId: string, payload: WaitAlertPayload): void {
    this.io?.to(rooms.staff(companyId, payload.branchId)).emit(SERVER_EVENT.WAIT_ALERT, payload);
  }

  /**
   * A device's settings changed: the device (a kiosk or board connected to any node) is told at
   * once and reads them again, instead of at its next poll.
   */
  deviceSettingsChanged(companyId: string, deviceId: string): void {
    this.io
      ?.to(rooms.device(companyId, deviceId))
      .emit(SERVER_EVENT.DEVICE_SETTINGS, { deviceId, at: new Date() });
  }

  /**
   * Device tokens stopped working (a device revoked, re-paired or deleted; a branch deleted; a
   * company suspended): every node forgets the tokens it checked, so the next request of such a
   * device fails at once wherever it lands, and the named devices are told and disconnected.
   * Without Redis there is one node, and its own cache is the only one.
   */
  devicesRevoked(companyId: string, deviceIds: readonly string[] = []): void {
    this.deviceTokens.forget();
    const io = this.io;
    if (!io) return;
    try {
      if (this.redis.length > 0) io.serverSideEmit("devices.forget");
      for (const deviceId of deviceIds) {
        const room = rooms.device(companyId, deviceId);
        io.to(room).emit(SERVER_EVENT.DEVICE_REVOKED, { deviceId, at: new Date() });
        io.in(room).disconnectSockets(true);
      }
    } catch (err) {
      // Committed already; the other nodes' caches expire by themselves within seconds.
      this.log?.error({ err }, "announcing a device revoke failed");
    }
  }

  /**
   * Tells each customer whose tickets changed (by phone, on every node through the adapter) to
   * read "my tickets" again. Called after the platform's ticket index has committed the change,
   * so the list they read already shows it. Only the ids of their own tickets travel.
   */
  notifyCustomers(changes: ReadonlyMap<string, string[]>): void {
    const io = this.io;
    if (!io) return;
    const at = new Date();
    for (const [phone, ticketIds] of changes) {
      io.to(rooms.customer(phone)).emit(SERVER_EVENT.MY_TICKETS, { ticketIds, at });
    }
  }

  /** Sockets connected to this node (metrics). */
  get socketCount(): number {
    return this.io?.engine.clientsCount ?? 0;
  }

  /**
   * The paired devices (boards, kiosks) with a socket open now, on every node (through the Redis
   * adapter when there is one), once each: the Super Admin's "devices online".
   */
  async connectedDevices(): Promise<{ companyId: string; deviceId: string; kind: string }[]> {
    const io = this.io;
    if (!io) return [];
    const seen = new Map<string, { companyId: string; deviceId: string; kind: string }>();
    for (const socket of await io.in(rooms.devices).fetchSockets()) {
      const a = socket.data.audience;
      if (a?.kind !== "display" && a?.kind !== "kiosk") continue;
      seen.set(a.deviceId, { companyId: a.companyId, deviceId: a.deviceId, kind: a.kind });
    }
    return [...seen.values()];
  }

  /** Local tracker sockets, for health and benchmarks. */
  get trackerCount(): number {
    return this.fanout?.size ?? 0;
  }

  publish(company: { id: string; schema_name: string }, facts: QueueFact[]): void {
    const io = this.io;
    if (!io) return;
    // The transaction has committed: a failure here must not turn the request into an error.
    try {
      this.route(io, company, facts);
    } catch (err) {
      this.log?.error({ err }, "publishing queue events failed");
    }
    this.schedule();
  }

  private bump(companyId: string, branchId: string): void {
    const key = `${companyId}:${branchId}`;
    if (this.versions.size > 100_000) this.versions.clear();
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
  }

  private route(io: QueueIo, company: { id: string; schema_name: string }, facts: QueueFact[]) {
    for (const f of facts) this.bump(company.id, f.branchId);
    this.pushCalls(io, company.id, facts);
    publishFacts(io, company, facts, {
      counts: (branchId) =>
        this.pending.counts.set(`${company.id}:${branchId}`, {
          companyId: company.id,
          schema: company.schema_name,
          branchId,
        }),
      lines: (keys) => this.markLines(keys, true),
    });
  }

  /**
   * "Your number is called" reaches the ticket's holder at once, through the ticket's room (on
   * every node), instead of waiting for the line's tracker pass; the pass follows as usual.
   */
  private pushCalls(io: QueueIo, companyId: string, facts: QueueFact[]): void {
    for (const f of facts) {
      if (f.kind !== "ticket") continue;
      if (f.event !== TICKET_ACTION.CALL && f.event !== TICKET_ACTION.RECALL) continue;
      const view = this.fanout?.calledView(companyId, f.ticket);
      if (!view) continue;
      io.to(rooms.ticket(companyId, f.ticket.id)).emit(SERVER_EVENT.TRACKING, {
        ticket: view,
        at: view.at,
      });
    }
  }

  private markLines(keys: LineKey[], local: boolean): void {
    for (const k of keys) {
      if (!local) this.bump(k.companyId, k.branchId);
      const id = `${k.companyId}:${k.branchId}:${k.serviceId}`;
      this.pending.lines.set(id, k);
      if (local) this.pending.remoteLines.set(id, k);
    }
    this.schedule();
  }

  // One flush at a time: what arrives while one runs is merged into the next, so a busy node
  // never has several flushes competing with the commands for database connections.
  private schedule(): void {
    if (this.timer || this.flushing || !this.io) return;
    const p = this.pending;
    const onlyLines = p.counts.size === 0 && p.remoteLines.size === 0;
    const wait = onlyLines
      ? Math.max(this.coalesceMs, this.lastTrackerPassAt + this.trackerIntervalMs - Date.now())
      : this.coalesceMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flushing = this.flush()
        .catch((err: unknown) => this.log?.error({ err }, "realtime flush failed"))
        .finally(() => {
          this.flushing = null;
          if (p.counts.size > 0 || p.lines.size > 0 || p.remoteLines.size > 0) this.schedule();
        });
    }, wait);
  }

  private async flush(): Promise<void> {
    const io = this.io;
    const ctx = this.ctx;
    if (!io || !ctx) return;
    const counts = [...this.pending.counts.values()].filter((b) => this.watched(io, b));
    const remote = [...this.pending.remoteLines.values()];
    this.pending.counts.clear();
    this.pending.remoteLines.clear();
    // Lines wait for their interval; counts and announcements to other nodes go out now.
    const linesDue = Date.now() - this.lastTrackerPassAt >= this.trackerIntervalMs;
    const lines = linesDue ? [...this.pending.lines.values()] : [];
    if (linesDue) {
      this.pending.lines.clear();
      if (lines.length > 0) this.lastTrackerPassAt = Date.now();
    }
    if (remote.length > 0 && this.redis.length > 0) io.serverSideEmit("lines.changed", remote);
    const now = new Date();
    await Promise.all([
      emitCounts(io, ctx.db, counts, now).catch((err: unknown) =>
        this.log?.error({ err }, "queue counts failed"),
      ),
      this.fanout!.refresh(
        lines.filter((k) => this.fanout!.concerns(k)),
        now,
      ),
    ]);
  }

  /**
   * Whether anybody may be looking at a branch's waiting counts: on a single node, a display
   * board or a staff screen of that branch connected here; with Redis, the sockets may be on
   * another node, so always. Counts nobody watches are not recomputed.
   */
  private watched(io: QueueIo, b: { companyId: string; branchId: string }): boolean {
    if (this.redis.length > 0) return true;
    const local = io.sockets.adapter.rooms;
    return (
      (local.get(rooms.display(b.companyId, b.branchId))?.size ?? 0) > 0 ||
      (local.get(rooms.staff(b.companyId, b.branchId))?.size ?? 0) > 0
    );
  }

  /** Disconnects every socket and Redis; the HTTP server itself is closed by Fastify. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const io = this.io;
    this.io = null;
    await this.flushing;
    if (io) {
      io.local.disconnectSockets(true);
      await io.of("/").adapter.close();
      io.engine.close();
    }
    await Promise.all(this.redis.map((r) => r.quit().catch(() => r.disconnect())));
    this.redis = [];
  }
}
