import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/database";
import type { OutboxChannel } from "../../db/tables";
import {
  claimDue,
  fallbacksNeeded,
  recordOutcomes,
  type ClaimedMessage,
  type DeliveryOutcome,
} from "./outbox.repository";
import {
  DEFAULT_CONCURRENCY,
  nextRetrySeconds,
  PermanentError,
  RetryAfterError,
  type Transport,
} from "./transport";
import type { MailAttachment } from "./mail-transport";

/** Builds the files a message carries when it is sent (the outbox stores only its text). */
export type AttachmentResolver = (m: {
  channel: string;
  dedupe_key: string | null;
  company_id: string | null;
}) => Promise<MailAttachment[]>;

export type OutboxWorkerOptions = {
  /** Milliseconds between polls (retries, stand-in SMS that came due; fresh messages wake it). */
  pollMs: number;
  /** Messages claimed per tick (all channels together). */
  batch?: number;
  /** How long a claim keeps other workers off its messages. */
  leaseSeconds?: number;
};

/** Messages claimed per tick. */
const BATCH = 200;
const LEASE_SECONDS = 60;
/**
 * A send starts only while this much of its claim's lease is left, so it has ended (every
 * transport times out well within it) before another worker may claim the message again.
 */
const LEASE_MARGIN_MS = 20_000;
/**
 * A message its transport's pacing would hold longer than this (a chat's second message within
 * its second) goes back to the outbox, due when it may go, instead of holding up the batch.
 */
const MAX_PACE_WAIT_MS = 400;

/**
 * Delivers queued messages in the background so a slow or failing gateway never fails the
 * request that caused the message. Each tick claims a batch (SKIP LOCKED and a lease, so
 * several workers and processes never take one message twice), sends it concurrently — each
 * channel through its own transport, at most `transport.concurrency` at a time, the transport
 * keeping its provider's pacing — and records every outcome in one statement. A provider that
 * asks us to wait (429) pauses its channel: the batch's remaining messages of that channel go
 * back to the outbox untried. A channel without a transport keeps its messages waiting.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** A wake (or a full batch) came while a tick ran: tick again as soon as it ends. */
  private again = false;
  /** After a failed tick (say, the database is away) polls pause, longer each time, ≤ 30 s. */
  private failures = 0;
  private pausedUntil = 0;
  private readonly transports: Map<OutboxChannel, Transport>;
  private readonly pollMs: number;
  private readonly batch: number;
  private readonly leaseSeconds: number;

  constructor(
    private readonly db: Db,
    transports: Transport[],
    options: OutboxWorkerOptions | number,
    private readonly log: FastifyBaseLogger,
    private readonly attachments: AttachmentResolver | null = null,
  ) {
    this.transports = new Map(transports.map((t) => [t.channel, t]));
    const o = typeof options === "number" ? { pollMs: options } : options;
    this.pollMs = o.pollMs;
    this.batch = o.batch ?? BATCH;
    this.leaseSeconds = o.leaseSeconds ?? LEASE_SECONDS;
  }

  /** Whether e-mail goes out (the Super Admin panel warns when it does not). */
  get isConfigured() {
    return this.transports.has("email");
  }

  /** The channels that have a transport here. */
  get channels(): OutboxChannel[] {
    return [...this.transports.keys()];
  }

  start() {
    if (this.transports.size === 0 || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.pollMs);
    this.timer.unref();
  }

  /**
   * Something was just queued (the notifications subscriber committed): send it now instead of
   * at the next poll. A tick already running ticks again when it ends; before `start()` (tests
   * that drive `tick()` themselves) and after `stop()` it does nothing.
   */
  wake(): void {
    if (!this.timer || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    void this.tick();
  }

  /** Sends what is due now; returns how many were sent. Also used by tests to drain. */
  async tick(): Promise<number> {
    if (this.transports.size === 0 || this.stopped || Date.now() < this.pausedUntil) return 0;
    if (this.running) {
      await this.running;
      return 0;
    }
    let sent = 0;
    const run = async () => {
      const now = Date.now();
      const due = await claimDue(this.db, this.channels, this.batch, this.leaseSeconds);
      // A full batch: more may be due, so the worker goes on without waiting for the poll.
      if (due.length === this.batch) this.again = true;
      const startBy = now + this.leaseSeconds * 1000 - LEASE_MARGIN_MS;
      const outcomes = await this.deliver(due, startBy);
      await recordOutcomes(this.db, outcomes);
      sent = outcomes.filter((o) => o.kind === "sent").length;
    };
    this.running = run()
      .then(() => {
        this.failures = 0;
      })
      .catch((err) => {
        this.failures++;
        const pauseMs = Math.min(30_000, this.pollMs * 2 ** this.failures);
        this.pausedUntil = Date.now() + pauseMs;
        this.log.error({ err, pauseMs }, "outbox tick failed; polling again later");
      })
      .finally(() => {
        this.running = null;
        if (this.again && this.timer && !this.stopped && this.failures === 0) {
          this.again = false;
          setImmediate(() => void this.tick());
        } else this.again = false;
      });
    await this.running;
    return sent;
  }

  /** Sends a claimed batch, channels side by side; the outcome of every message. */
  private async deliver(due: ClaimedMessage[], startBy: number): Promise<DeliveryOutcome[]> {
    const outcomes: DeliveryOutcome[] = [];
    // Channels whose provider asked us to wait (429) during this batch, until when. (The
    // messages it did not try carry the wait into the outbox, for every worker.)
    const paused = new Map<OutboxChannel, number>();
    // An SMS standing in for Telegram/push: only when none of those got through in time.
    const standIns = [...new Set(due.flatMap((m) => (m.fallback_of ? [m.fallback_of] : [])))];
    const needed = await fallbacksNeeded(this.db, standIns);
    const byChannel = new Map<OutboxChannel, ClaimedMessage[]>();
    for (const m of due) {
      if (m.fallback_of && !needed.has(m.fallback_of)) {
        outcomes.push({
          id: m.id,
          kind: "skipped",
          reason: "Delivered by Telegram or push: this SMS was not needed.",
        });
        continue;
      }
      const list = byChannel.get(m.channel) ?? [];
      list.push(m);
      byChannel.set(m.channel, list);
    }
    await Promise.all(
      [...byChannel].map(([channel, list]) =>
        this.deliverChannel(this.transports.get(channel)!, list, startBy, paused, outcomes),
      ),
    );
    return outcomes;
  }

  /** One channel's messages, at most `concurrency` in flight. */
  private async deliverChannel(
    transport: Transport,
    list: ClaimedMessage[],
    startBy: number,
    paused: Map<OutboxChannel, number>,
    outcomes: DeliveryOutcome[],
  ): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < list.length) {
        const m = list[next++]!;
        const until = paused.get(transport.channel) ?? 0;
        const now = Date.now();
        // The provider asked us to wait, or the claim is running out: back to the outbox, untried.
        if (until > now || now > startBy || this.stopped) {
          outcomes.push({ id: m.id, kind: "released", dueAt: new Date(Math.max(until, now)) });
          continue;
        }
        const wait = transport.readyIn?.(m.recipient) ?? 0;
        if (wait > MAX_PACE_WAIT_MS) {
          outcomes.push({ id: m.id, kind: "released", dueAt: new Date(now + wait) });
          continue;
        }
        const outcome = await this.sendOne(transport, m);
        if (outcome.kind === "failed" && outcome.retryAfterSeconds !== undefined) {
          const wait = Date.now() + outcome.retryAfterSeconds * 1000;
          paused.set(transport.channel, Math.max(paused.get(transport.channel) ?? 0, wait));
        }
        outcomes.push(outcome);
      }
    };
    const lanes = Math.min(list.length, transport.concurrency ?? DEFAULT_CONCURRENCY);
    await Promise.all(Array.from({ length: lanes }, lane));
  }

  private async sendOne(
    transport: Transport,
    m: ClaimedMessage,
  ): Promise<DeliveryOutcome & { retryAfterSeconds?: number }> {
    try {
      const files = this.attachments ? await this.attachments(m) : [];
      const result = await transport.send({
        id: m.id,
        to: m.recipient,
        subject: m.subject,
        text: m.body_text,
        // A claim that never recorded its outcome (a worker died mid-send) counts as an attempt
        // whose outcome is unknown: the SMS transport checks with the gateway before it sends.
        attempts: Math.max(m.attempts, m.claims),
        ...(m.body_html ? { html: m.body_html } : {}),
        ...(files.length ? { attachments: files } : {}),
      });
      return { id: m.id, kind: "sent", providerId: result?.providerId ?? null };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.log.warn(
        { outboxId: m.id, channel: m.channel, err: message },
        "outbox delivery failed; will retry",
      );
      let retryIn =
        err instanceof PermanentError ? null : nextRetrySeconds(transport.retry, m.attempts + 1);
      if (!(err instanceof RetryAfterError))
        return { id: m.id, kind: "failed", error: message, retryInSeconds: retryIn };
      // The provider said when to come back (429): not sooner, and the channel waits too.
      if (retryIn !== null) retryIn = Math.max(retryIn, err.retryAfterSeconds);
      return {
        id: m.id,
        kind: "failed",
        error: message,
        retryInSeconds: retryIn,
        retryAfterSeconds: err.retryAfterSeconds,
      };
    }
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    for (const t of this.transports.values()) t.close();
  }
}
