import { sql } from "kysely";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Db } from "../../db/database";

/** What the database pool reports; null on the embedded database, which has no pool. */
export type PoolStats = { total: number; idle: number; waiting: number };

/** The live parts of a node the metrics read when scraped. */
export type MetricSources = {
  db: Db;
  sockets: () => number;
  pool: () => PoolStats | null;
  /** Companies with queue events not yet handed to every durable subscriber on this node. */
  eventsPending: () => number;
};

const OPEN = ["BOOKED", "WAITING", "CALLED", "SERVING"] as const;

/**
 * The node's Prometheus metrics. Request and event figures are counted as they happen; figures
 * that live in the database (people waiting, the outbox) are read once per scrape, by indexed
 * queries, so a scrape stays cheap on a platform with a long history.
 */
export class PlatformMetrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<"method" | "route" | "status">;
  private readonly events: Counter<"type">;
  private readonly dispatchLag: Histogram<"subscriber">;

  constructor(private readonly sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: "equeue_node_" });
    this.requests = new Histogram({
      name: "equeue_http_request_duration_seconds",
      help: "HTTP requests by route pattern and status class, with their duration",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.events = new Counter({
      name: "equeue_queue_events_total",
      help: "Committed queue events (one per queue command's ticket change) by type",
      labelNames: ["type"],
      registers,
    });
    this.dispatchLag = new Histogram({
      name: "equeue_event_dispatch_lag_seconds",
      help: "From a queue event's commit to its handling by a durable subscriber",
      labelNames: ["subscriber"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
      registers,
    });
    new Gauge({
      name: "equeue_sockets_connected",
      help: "Socket.IO clients connected to this node (boards, operators, kiosks, trackers)",
      registers,
      collect() {
        this.set(sources.sockets());
      },
    });
    new Gauge({
      name: "equeue_events_pending_companies",
      help: "Companies whose queue events wait for a durable subscriber on this node",
      registers,
      collect() {
        this.set(sources.eventsPending());
      },
    });
    new Gauge({
      name: "equeue_db_pool_connections",
      help: "Database pool connections by state (absent on the embedded database)",
      labelNames: ["state"],
      registers,
      collect() {
        const stats = sources.pool();
        if (!stats) return;
        this.set({ state: "total" }, stats.total);
        this.set({ state: "idle" }, stats.idle);
        this.set({ state: "waiting_clients" }, stats.waiting);
      },
    });
    // The database figures: read once per scrape, by render().
    const tickets = new Gauge({
      name: "equeue_tickets_open",
      help: "Open tickets on the platform by status (people booked, waiting, called, served now)",
      labelNames: ["status"],
      registers,
    });
    const backlog = new Gauge({
      name: "equeue_outbox_pending",
      help: "Outbox messages not yet sent, by channel",
      labelNames: ["channel"],
      registers,
    });
    const age = new Gauge({
      name: "equeue_outbox_oldest_pending_seconds",
      help: "Age of the oldest unsent outbox message, by channel",
      labelNames: ["channel"],
      registers,
    });
    const failed = new Gauge({
      name: "equeue_outbox_failed",
      help: "Outbox messages that gave up (a Super Admin can retry them)",
      labelNames: ["channel"],
      registers,
    });
    this.gauges = { tickets, backlog, age, failed };
  }

  private readonly gauges: DatabaseGauges;

  /** One answered HTTP request; `route` is the route's pattern, never the raw URL. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requests.observe({ method, route, status: `${Math.floor(status / 100)}xx` }, seconds);
  }

  /** A batch of queue events a durable subscriber handled and committed. */
  observeDelivered(
    subscriber: string,
    events: readonly { type: string; at: Date }[],
    now = Date.now(),
  ): void {
    for (const e of events) {
      this.dispatchLag.observe({ subscriber }, Math.max(0, now - e.at.getTime()) / 1000);
      // Every event reaches each durable subscriber once: count them at the first one only.
      if (subscriber === COUNTING_SUBSCRIBER) this.events.inc({ type: e.type });
    }
  }

  /** The Prometheus text exposition. */
  async render(): Promise<{ contentType: string; body: string }> {
    await readDatabaseFigures(this.sources.db, this.gauges);
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** The durable subscriber whose deliveries count the queue events (every event reaches it). */
export const COUNTING_SUBSCRIBER = "ticket-index";

type DatabaseGauges = {
  tickets: Gauge<"status">;
  backlog: Gauge<"channel">;
  age: Gauge<"channel">;
  failed: Gauge<"channel">;
};

async function readDatabaseFigures(db: Db, g: DatabaseGauges): Promise<void> {
  const [open, outbox] = await Promise.all([
    db
      .selectFrom("platform.ticket_index")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("status", "in", OPEN)
      .groupBy("status")
      .execute(),
    db
      .selectFrom("platform.outbox")
      .select([
        "channel",
        "status",
        (eb) => eb.fn.countAll<number>().as("n"),
        sql<number>`extract(epoch from now() - min(created_at))`.as("oldest"),
      ])
      .where("status", "in", ["PENDING", "FAILED"])
      .groupBy(["channel", "status"])
      .execute(),
  ]);
  g.tickets.reset();
  for (const s of OPEN) g.tickets.set({ status: s }, 0);
  for (const r of open) g.tickets.set({ status: r.status }, Number(r.n));
  g.backlog.reset();
  g.age.reset();
  g.failed.reset();
  for (const r of outbox) {
    if (r.status === "PENDING") {
      g.backlog.set({ channel: r.channel }, Number(r.n));
      g.age.set({ channel: r.channel }, Number(r.oldest ?? 0));
    } else g.failed.set({ channel: r.channel }, Number(r.n));
  }
}
