import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/database";
import type { OutboxChannel } from "../../db/tables";
import {
  claimDue,
  recordOutcomes,
  type ClaimedMessage,
  type DeliveryOutcome,
} from "./outbox.repository";
import { fallbacksNeeded } from "./outbox-notifications.repository";
import { ChannelLane, type AttachmentResolver, type ChannelPause } from "./outbox-lane";
import type { Transport } from "./transport";

export type { AttachmentResolver } from "./outbox-lane";

export type OutboxWorkerOptions = {
  /** Milliseconds between polls (retries, stand-in SMS that came due; fresh messages wake it). */
  pollMs: number;
  /** Messages claimed and not yet finished, at most (all channels together). */
  batch?: number;
  /** How long a claim keeps other workers off its messages. */
  leaseSeconds?: number;
};

/** Messages claimed and not yet finished, at most (all channels together). */
const BATCH = 200;
const LEASE_SECONDS = 60;
/**
 * A send starts only while this much of its claim's lease is left, so it has ended (every
 * transport times out well within it) before another worker may claim the message again.
 */
const LEASE_MARGIN_MS = 20_000;

/**
 * Delivers queued messages in the background so a slow or failing gateway never fails the
 * request that caused the message. A tick claims what is due (SKIP LOCKED and a lease, so
 * several workers and processes never take one message twice) and hands each message to its
 * channel's lane (`ChannelLane`): at most `transport.concurrency` sends in flight per channel,
 * the transport keeping its provider's pacing. Claims do not wait for each other's sends: a
 * wake (the notifications subscriber committed) claims again as soon as the previous claim
 * statement is done, and the fresh message takes the next free lane. Outcomes are written as
 * they come, gathered into one statement at a time. A provider that asks us to wait (429)
 * pauses its channel: the messages claimed before go back to the outbox untried. A channel
 * without a transport keeps its messages waiting.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private claiming: Promise<unknown> | null = null;
  private stopped = false;
  /** A wake (or a full claim) came while a claim ran: claim again as soon as there is room. */
  private again = false;
  /** After a failed claim or write (say, the database is away) polls pause, longer each time. */
  private failures = 0;
  private pausedUntil = 0;
  /** Messages claimed and not yet finished, and who waits for there to be none. */
  private inFlight = 0;
  private readonly idleWaiters: (() => void)[] = [];
  private claims = 0;
  private readonly pauses = new Map<OutboxChannel, ChannelPause>();
  /** When messages handed back for a moment fall due, and the timer for the earliest. */
  private readonly dues = new Set<number>();
  private dueTimer: NodeJS.Timeout | null = null;
  private readonly lanes: Map<OutboxChannel, ChannelLane>;
  private readonly recorder: OutcomeWriter;
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly leaseSeconds: number;
  private readonly transports: Transport[];

  constructor(
    private readonly db: Db,
    transports: Transport[],
    options: OutboxWorkerOptions | number,
    private readonly log: FastifyBaseLogger,
    attachments: AttachmentResolver | null = null,
  ) {
    const env = { log, attachments, isStopped: () => this.stopped, pauses: this.pauses };
    this.lanes = new Map(transports.map((t) => [t.channel, new ChannelLane(t, env)]));
    this.transports = transports;
    const o = typeof options === "number" ? { pollMs: options } : options;
    this.pollMs = o.pollMs;
    this.batch = o.batch ?? BATCH;
    this.leaseSeconds = o.leaseSeconds ?? LEASE_SECONDS;
    this.recorder = new OutcomeWriter(db, (err) => this.failed(err, "outbox results not written"));
  }

  /** Whether e-mail goes out (the Super Admin panel warns when it does not). */
  get isConfigured() {
    return this.lanes.has("email");
  }

  /** The channels that have a transport here. */
  get channels(): OutboxChannel[] {
    return [...this.lanes.keys()];
  }

  start() {
    if (this.lanes.size === 0 || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.pollMs);
    this.timer.unref();
  }

  /**
   * Something was just queued (the notifications subscriber committed): send it now instead of
   * at the next poll. A claim already running claims again when it ends; before `start()`
   * (tests that drive `tick()` themselves) and after `stop()` it does nothing.
   */
  wake(): void {
    if (!this.timer || this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    void this.tick();
  }

  /**
   * Claims what is due now and sends it; resolves when those messages are sent and their
   * outcomes written, with how many were sent. Also used by tests to drain.
   */
  async tick(): Promise<number> {
    if (this.lanes.size === 0 || this.stopped || Date.now() < this.pausedUntil) return 0;
    if (this.claiming) {
      this.again = true;
      await this.claiming;
      await this.settled();
      return 0;
    }
    const room = this.batch - this.inFlight;
    if (room <= 0) {
      this.again = true;
      return 0;
    }
    const startBy = Date.now() + this.leaseSeconds * 1000 - LEASE_MARGIN_MS;
    const claim = ++this.claims;
    let due: ClaimedMessage[];
    const claiming = claimDue(this.db, this.channels, room, this.leaseSeconds);
    this.claiming = claiming.catch(() => {});
    try {
      due = await claiming;
      this.failures = 0;
    } catch (err) {
      this.failed(err, "outbox claim failed; polling again later");
      return 0;
    } finally {
      this.claiming = null;
    }
    // A full claim: more may be due, so the worker goes on without waiting for the poll.
    if (due.length === room) this.again = true;
    this.inFlight += due.length;
    const finished = this.deliver(due, claim, startBy);
    this.goOn();
    const outcomes = await finished;
    // What other claims (a wake's) have in flight is done too: a caller that ticks to drain the
    // outbox finds every message it could send sent and written.
    await this.settled();
    return outcomes.filter((o) => o.kind === "sent").length;
  }

  /** Resolves when no claimed message is unfinished and every outcome is written. */
  private async settled(): Promise<void> {
    if (this.inFlight > 0) await new Promise<void>((r) => this.idleWaiters.push(r));
    await this.recorder.written();
  }

  /** Hands a claim's messages to their lanes; resolves with every outcome once all have one. */
  private async deliver(
    due: ClaimedMessage[],
    claim: number,
    startBy: number,
  ): Promise<DeliveryOutcome[]> {
    const finish = (o: DeliveryOutcome) => {
      this.inFlight--;
      const written = this.recorder.add(o);
      // Claimed again when due, once its due time is written (a claim cannot see it before).
      if (o.kind === "released") void written.then(() => this.wakeWhenDue(o.dueAt.getTime()));
      if (this.inFlight === 0) for (const r of this.idleWaiters.splice(0)) r();
      this.goOn();
      return o;
    };
    // An SMS standing in for Telegram/push: only when none of those got through in time.
    const standIns = [...new Set(due.flatMap((m) => (m.fallback_of ? [m.fallback_of] : [])))];
    let needed: Set<string>;
    try {
      needed = await fallbacksNeeded(this.db, standIns);
    } catch (err) {
      this.log.warn({ err }, "outbox stand-in check failed; the claim goes back");
      const now = new Date();
      return due.map((m) => finish({ id: m.id, kind: "released", dueAt: now }));
    }
    return Promise.all(
      due.map(
        (m) =>
          new Promise<DeliveryOutcome>((resolve) => {
            if (m.fallback_of && !needed.has(m.fallback_of)) {
              const reason = "Delivered by Telegram or push: this SMS was not needed.";
              return resolve(finish({ id: m.id, kind: "skipped", reason }));
            }
            this.lanes.get(m.channel)!.push({
              m,
              claim,
              startBy,
              done: (o) => resolve(finish(o)),
            });
          }),
      ),
    );
  }

  /**
   * A message handed back for a moment (its chat's pacing, a provider's wait) is claimed again
   * when it falls due, not up to a poll later: "go to counter 3" waiting out its chat's
   * allowance would otherwise wait a second more. One due already (a claim that ran short, a
   * failed check) is left to the poll, so a failing database is not asked again at once.
   */
  private wakeWhenDue(at: number): void {
    if (this.stopped || !this.timer || at <= Date.now()) return;
    this.dues.add(at);
    this.armDueTimer();
  }

  private armDueTimer(): void {
    if (this.dueTimer) clearTimeout(this.dueTimer);
    this.dueTimer = null;
    if (this.dues.size === 0 || this.stopped) return;
    const first = Math.min(...this.dues);
    // A few ms late: the claim compares with the database's clock.
    this.dueTimer = setTimeout(
      () => {
        const now = Date.now();
        for (const d of this.dues) if (d <= now) this.dues.delete(d);
        this.armDueTimer();
        this.wake();
      },
      Math.max(0, first - Date.now()) + 5,
    );
    this.dueTimer.unref();
  }

  /** Claims again if something asked for it and the lanes have room for a good share more. */
  private goOn(): void {
    if (!this.again || !this.timer || this.stopped || this.claiming || this.failures > 0) return;
    if (this.batch - this.inFlight < Math.ceil(this.batch / 4)) return;
    this.again = false;
    setImmediate(() => void this.tick());
  }

  private failed(err: unknown, message: string): void {
    this.failures++;
    const pauseMs = Math.min(30_000, this.pollMs * 2 ** this.failures);
    this.pausedUntil = Date.now() + pauseMs;
    this.log.error({ err, pauseMs }, message);
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.dueTimer) clearTimeout(this.dueTimer);
    await this.claiming;
    // Messages not started yet go back to the outbox (the lanes release them once stopped).
    await this.settled();
    for (const t of this.transports) t.close();
  }
}

/**
 * Writes outcomes as they come: one statement at a time, holding whatever came while the
 * previous one ran, so a busy outbox writes in batches and an idle one at once.
 */
class OutcomeWriter {
  private readonly pending: { o: DeliveryOutcome; written: () => void }[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** Resolves once the statement that writes `o` has ended (or failed). */
  add(o: DeliveryOutcome): Promise<void> {
    const done = new Promise<void>((written) => this.pending.push({ o, written }));
    this.writing ??= this.drain();
    return done;
  }

  /** Resolves once everything added so far is written (or its write failed). */
  async written(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(): Promise<void> {
    // Let the outcomes of sends ending together join one statement.
    await new Promise((r) => setImmediate(r));
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        await recordOutcomes(
          this.db,
          batch.map((b) => b.o),
        );
      } catch (err) {
        // The messages stay claimed until their lease ends; then they are claimed again, and an
        // SMS whose outcome is unknown is checked with the gateway before it is sent again.
        this.onError(err);
      }
      for (const b of batch) b.written();
    }
    this.writing = null;
  }
}
