import type { FastifyBaseLogger } from "fastify";
import { isCitus, type Db } from "../../db/database";
import { companyDurableEvents } from "../../db/migrations/company/0007-durable-events";
import type { QueueFact, QueuePublisher } from "../queue";
import { eachLimited } from "../realtime";
import { companyDb } from "../tenancy";
import { DispatchLane } from "./dispatch-lane";
import {
  advanceCursor,
  claimCursor,
  coordinatorHorizon,
  readPending,
  subscribersBehind,
} from "./event-cursor.repository";
import type {
  AfterCommit,
  DomainEvent,
  DurableSubscriber,
  EventCompany,
  LiveSubscriber,
} from "./events.types";

export type DispatcherOptions = {
  /** Events handed to a subscriber at once. */
  batchSize: number;
  /** Runs of the bulk subscribers at the same time (each run holds one database connection). */
  concurrency: number;
  /**
   * Runs of the prompt (customer-facing) subscribers at the same time, a budget of their own so
   * they never queue behind the bulk ones; `concurrency` when not given.
   */
  promptConcurrency?: number;
  /**
   * Runs of the unhurried subscribers (the report roll-ups) at the same time, 1 when not given:
   * the heaviest runs, whose figures may lag under load while the queue's own statements and the
   * other subscribers keep the database's time.
   */
  unhurriedConcurrency?: number;
  /** Seconds between sweeps over every company (0: only the one at start). */
  sweepSeconds: number;
  /**
   * How long a run that, by its subscriber's hint (`idle`), only moves a cursor on gathers, in
   * the bulk lane: with a second, a company with no webhook endpoint costs a run a second, not
   * one per command. An unhurried subscriber's runs (the report roll-ups) start at most once this
   * long, but for the retries of a run held back before it delivered anything. IDLE_GATHER_MS
   * when not given.
   */
  idleGatherMs?: number;
  /** Test only: never deliver to durable subscribers (events stay in the log). */
  hold: boolean;
};

type Outcome = "done" | "more" | "held" | "skipped";
type RunState = {
  company: EventCompany;
  sub: DurableSubscriber;
  lane: DispatchLane;
  again: boolean;
  running: boolean;
};
const GATHER_MS = 20;
const IDLE_GATHER_MS = 1_000;
const RETRY_MS = 100;
const MAX_RETRY_MS = 10_000;
/**
 * A run held back by a transaction still open (anywhere on the server but this node's delivery
 * runs: the horizon is the oldest such one) or by another node's run looks again soon: 25 ms,
 * doubling to at most 250 ms while it delivers nothing. Failures back off to MAX_RETRY_MS
 * instead. Under steady load some transaction is always open, and a back-off that grew like a
 * failure's held a company's notifications and webhooks for seconds.
 */
const HELD_RETRY_MS = 25;
const MAX_HELD_RETRY_MS = 250;

/**
 * Hands committed queue events to their subscribers (ADR 0004). Live subscribers (the realtime
 * gateway) get this node's facts right after the commit. Durable subscribers read the
 * company's event log from their own cursor: a commit here pokes the company (no polling loop
 * over idle companies); a sweep at start and every `sweepSeconds` finds what a crashed node
 * committed but never delivered. Each subscriber of a company runs on its own — a run per
 * (company, subscriber), coalesced, retried and backed off apart — in one of two lanes with a
 * connection budget each: prompt subscribers (notifications, webhooks) never wait for the bulk
 * ones (the ticket index, report roll-ups). Each run claims the subscriber's cursor with an
 * advisory lock (taken or skipped), so across nodes one run at a time delivers a company's
 * events to a subscriber. A run's own transaction never holds back the events another run of
 * this node reads (`runXids`).
 */
export class EventDispatcher implements QueuePublisher {
  private readonly queued = new Map<string, RunState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly backoff = new Map<string, number>();
  /** When each unhurried subscriber's last run of a company started (one key per company). */
  private readonly lastStart = new Map<string, number>();
  private readonly prompt: DispatchLane;
  private readonly bulk: DispatchLane;
  private readonly unhurried: DispatchLane;
  private sweepTimer: NodeJS.Timeout | null = null;
  /**
   * Transaction ids of this node's delivery runs still open. Runs never write queue events, so
   * they do not hold back the events committed while they run (`readAfter`'s `passing`).
   */
  private readonly runXids = new Set<string>();
  private stopped = false;
  private readonly observers: ((subscriber: string, events: DomainEvent[]) => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly live: LiveSubscriber[],
    private readonly durable: DurableSubscriber[],
    private readonly opts: DispatcherOptions,
    private readonly log: FastifyBaseLogger,
  ) {
    const run = (key: string) => this.runKey(key);
    this.prompt = new DispatchLane(opts.promptConcurrency ?? opts.concurrency, run);
    this.bulk = new DispatchLane(opts.concurrency, run);
    this.unhurried = new DispatchLane(opts.unhurriedConcurrency ?? 1, run);
  }

  /** After a queue transaction commits: live subscribers now, durable ones soon. */
  publish(company: EventCompany, facts: QueueFact[]): void {
    for (const s of this.live) {
      try {
        s.deliver(company, facts);
      } catch (err) {
        this.log.error({ err, subscriber: s.name }, "live event subscriber failed");
      }
    }
    // Operator-status facts write no ticket event: nothing durable to deliver.
    if (facts.some((f) => f.kind === "ticket")) this.poke(company);
  }

  /**
   * Schedules a durable run for the company's subscribers (all, or those named); pokes that
   * arrive meanwhile are coalesced.
   */
  poke(company: EventCompany, subscribers?: readonly string[]): void {
    if (this.opts.hold || this.stopped) return;
    for (const sub of this.durable) {
      if (!subscribers || subscribers.includes(sub.name)) this.schedule(company, sub);
    }
  }

  /** Calls `fn` after each batch a durable subscriber handled has committed (metrics). */
  onDelivered(fn: (subscriber: string, events: DomainEvent[]) => void): void {
    this.observers.push(fn);
  }

  /** Companies queued, running or waiting for a retry on this node. */
  get pendingCompanies(): number {
    const ids = new Set([...this.queued.values()].map((s) => s.company.id));
    for (const key of this.timers.keys()) ids.add(key.slice(0, key.indexOf(" ")));
    return ids.size;
  }

  /** Starts the crash-recovery sweep: once now, then every `sweepSeconds`. */
  start(): void {
    if (this.opts.hold || this.sweepTimer) return;
    void this.sweep();
    if (this.opts.sweepSeconds > 0) {
      this.sweepTimer = setInterval(() => void this.sweep(), this.opts.sweepSeconds * 1000);
      this.sweepTimer.unref();
    }
  }

  /** Pokes every company with undelivered events; returns how many it checked and poked. */
  async sweep(): Promise<{ companies: number; behind: number }> {
    if (this.opts.hold || this.durable.length === 0) return { companies: 0, behind: 0 };
    const names = this.durable.map((s) => s.name);
    let behind = 0;
    try {
      const companies = await this.db
        .selectFrom("platform.companies")
        .select(["id", "schema_name"])
        .where("schema_version", ">=", companyDurableEvents.version)
        .execute();
      await eachLimited(companies, this.opts.concurrency, async (c) => {
        if (this.stopped) return;
        try {
          const late = await subscribersBehind(this.db, c, names);
          if (late.length === 0) return;
          behind++;
          this.poke(c, late);
        } catch (err) {
          this.log.warn({ err, company: c.id }, "event sweep failed for a company");
        }
      });
      return { companies: companies.length, behind };
    } catch (err) {
      this.log.error({ err }, "event sweep failed");
      return { companies: 0, behind };
    }
  }

  /** Resolves when nothing is queued, running or waiting for a retry (tests). */
  async idle(): Promise<void> {
    while (this.queued.size > 0 || this.timers.size > 0 || this.active > 0) {
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const lane of [this.prompt, this.bulk, this.unhurried]) lane.clear();
    while (this.active > 0) await new Promise((r) => setTimeout(r, 10));
    this.queued.clear();
  }

  private get active(): number {
    return this.prompt.active + this.bulk.active + this.unhurried.active;
  }

  private schedule(company: EventCompany, sub: DurableSubscriber): void {
    const key = `${company.id} ${sub.name}`;
    const state = this.queued.get(key);
    if (state) {
      // Still gathering: the coming run will read this commit too. Running: one more run.
      if (state.running) state.again = true;
      return;
    }
    // An unhurried subscriber's retry (held back, or failed) is its next run, and reads this
    // commit too: a poke meanwhile starting one every gathering would poll the database.
    if (sub.unhurried && this.timers.has(key)) return;
    const idle = sub.idle?.(company) ?? false;
    const lane = idle ? this.bulk : this.laneOf(sub);
    this.queued.set(key, { company, sub, lane, again: false, running: false });
    const long = this.opts.idleGatherMs ?? IDLE_GATHER_MS;
    // A short gathering window: on a busy company one run then serves many commands. An
    // unhurried subscriber's run starts at most once a long window: at once after a quiet
    // while, else a long window after the previous one started.
    const wait = idle ? long : sub.unhurried ? this.unhurriedWait(key) : GATHER_MS;
    const gather = setTimeout(() => {
      if (!this.stopped) lane.push(key);
    }, wait);
    gather.unref();
  }

  /**
   * How long an unhurried subscriber's run of a company asked for now would gather: the short
   * window after a quiet while, else until a long window after its last run started (a run that
   * found nothing to deliver counts too, one held back by an open transaction does not). Tests
   * wait for the quiet while with it.
   */
  unhurriedWaitMs(company: EventCompany, subscriber: string): number {
    return this.unhurriedWait(`${company.id} ${subscriber}`);
  }

  private unhurriedWait(key: string): number {
    const long = this.opts.idleGatherMs ?? IDLE_GATHER_MS;
    const since = this.lastStart.get(key) ?? -Infinity;
    return Math.min(long, Math.max(GATHER_MS, since + long - performance.now()));
  }

  private laneOf(sub: DurableSubscriber): DispatchLane {
    return sub.prompt ? this.prompt : sub.unhurried ? this.unhurried : this.bulk;
  }

  /** One (company, subscriber) run in its lane; then once more if poked meanwhile. */
  private async runKey(key: string): Promise<void> {
    const state = this.queued.get(key);
    if (!state) return;
    state.running = true;
    // The monotonic clock: a wall clock set back (tests, a corrected host) must not hold runs.
    const before = this.lastStart.get(key);
    if (state.sub.unhurried) this.lastStart.set(key, performance.now());
    try {
      const heldEmpty = await this.runSubscriber(key, state.company, state.sub);
      // A run held back by an open transaction before it delivered anything was one read, not
      // the window's run: its retry (25–250 ms, as any subscriber's) must not wait a window on
      // top. Under a busy server some transaction is often open, and the first roll-up after a
      // quiet while then came a window late. The retry is the next run: `schedule` starts none
      // while it is pending (under load pokes looped every gathering, 20 ms).
      if (heldEmpty && state.sub.unhurried) {
        if (before === undefined) this.lastStart.delete(key);
        else this.lastStart.set(key, before);
      }
    } finally {
      state.running = false;
      if (state.again && !this.stopped) {
        state.again = false;
        if (state.sub.unhurried || state.sub.idle?.(state.company)) {
          // Unhurried, or still idle: the next run waits its window instead of following at once.
          this.queued.delete(key);
          this.schedule(state.company, state.sub);
        } else {
          // Work came up (a first webhook endpoint): the run goes to its own lane again.
          state.lane = this.laneOf(state.sub);
          state.lane.push(key);
        }
      } else this.queued.delete(key);
    }
  }

  /**
   * Runs until the subscriber is caught up, or held back, or failed (then a retry is set). True
   * when it was held back by an open transaction before delivering anything (not when another
   * node holds the cursor: that run is the window's).
   */
  private async runSubscriber(
    key: string,
    company: EventCompany,
    sub: DurableSubscriber,
  ): Promise<boolean> {
    let retry: "held" | "failed" | null = null;
    let progress = false;
    let outcome: Outcome | null = null;
    try {
      do {
        let delivered: number;
        [outcome, delivered] = await this.runOnce(company, sub);
        if (delivered > 0) progress = true;
      } while (outcome === "more" && !this.stopped);
      // Held back by a transaction still running, or another node holds the cursor and may
      // have read before our commit: look again shortly (sooner again after progress).
      if (outcome === "held" || outcome === "skipped") {
        if (progress) this.backoff.delete(key);
        retry = "held";
      }
    } catch (err) {
      this.log.error({ err, company: company.id, subscriber: sub.name }, "event delivery failed");
      retry = "failed";
    }
    if (retry) this.retryLater(key, company, sub, retry);
    else this.backoff.delete(key);
    return outcome === "held" && !progress;
  }

  private retryLater(
    key: string,
    company: EventCompany,
    sub: DurableSubscriber,
    why: "held" | "failed",
  ): void {
    if (this.stopped || this.timers.has(key)) return;
    const [first, most] =
      why === "held" ? [HELD_RETRY_MS, MAX_HELD_RETRY_MS] : [RETRY_MS, MAX_RETRY_MS];
    const delay = Math.min(most, (this.backoff.get(key) ?? first / 2) * 2);
    this.backoff.set(key, delay);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (!this.stopped) this.schedule(company, sub);
    }, delay);
    timer.unref();
    this.timers.set(key, timer);
  }

  /** One transaction: the outcome, and how many events it delivered. */
  private async runOnce(company: EventCompany, sub: DurableSubscriber): Promise<[Outcome, number]> {
    let delivered: DomainEvent[] = [];
    let after: AfterCommit | void = undefined;
    let xid: string | null = null;
    const outcome = await this.db
      .transaction()
      .execute(async (trx): Promise<Outcome> => {
        xid = await claimCursor(trx, company, sub.name);
        if (!xid) return "skipped";
        this.runXids.add(xid);
        const passing = [...this.runXids].filter((x) => x !== xid);
        const settledBefore = isCitus(this.db) ? await coordinatorHorizon(trx, passing) : undefined;
        const { events, more, held } = await readPending(
          trx,
          company,
          sub.name,
          this.opts.batchSize,
          settledBefore,
          passing,
        );
        if (events.length > 0) {
          after = await sub.handle({ db: trx, company: companyDb(trx, company) }, company, events);
          await advanceCursor(trx, company, sub.name, events[events.length - 1]!);
          delivered = events;
        }
        return more ? "more" : held ? "held" : "done";
      })
      // Ended (committed or not): no longer running, so no longer passing.
      .finally(() => {
        if (xid) this.runXids.delete(xid);
      });
    // Committed: now what the batch changed may be announced.
    try {
      (after as AfterCommit | void)?.();
    } catch (err) {
      this.log.error({ err, company: company.id, subscriber: sub.name }, "after-commit failed");
    }
    if (delivered.length > 0) {
      for (const fn of this.observers) {
        try {
          fn(sub.name, delivered);
        } catch (err) {
          this.log.warn({ err }, "event delivery observer failed");
        }
      }
    }
    return [outcome, delivered.length];
  }
}
