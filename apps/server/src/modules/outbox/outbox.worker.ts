import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/database";
import type { OutboxChannel } from "../../db/tables";
import { claimDue, fallbackNeeded, markFailed, markSent, markSkipped } from "./outbox.repository";
import { nextRetrySeconds, PermanentError, RetryAfterError, type Transport } from "./transport";
import type { MailAttachment } from "./mail-transport";

/** Builds the files a message carries when it is sent (the outbox stores only its text). */
export type AttachmentResolver = (m: {
  channel: string;
  dedupe_key: string | null;
  company_id: string | null;
}) => Promise<MailAttachment[]>;

/** Messages claimed per tick. */
const BATCH = 20;

/**
 * Delivers queued messages in the background so a slow or failing gateway never fails the
 * request that caused the message. Each channel goes to its own transport with its own retry
 * policy; a channel without a transport keeps its messages waiting in the outbox.
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

  constructor(
    private readonly db: Db,
    transports: Transport[],
    private readonly pollMs: number,
    private readonly log: FastifyBaseLogger,
    private readonly attachments: AttachmentResolver | null = null,
  ) {
    this.transports = new Map(transports.map((t) => [t.channel, t]));
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
      const due = await claimDue(this.db, this.channels, BATCH);
      // A full batch: more may be due, so the worker goes on without waiting for the poll.
      if (due.length === BATCH) this.again = true;
      for (const m of due) {
        const transport = this.transports.get(m.channel)!;
        // An SMS standing in for Telegram/push: only when none of those got through in time.
        if (m.fallback_of && !(await fallbackNeeded(this.db, m.fallback_of))) {
          await markSkipped(
            this.db,
            m.id,
            "Delivered by Telegram or push: this SMS was not needed.",
          );
          continue;
        }
        try {
          const files = this.attachments ? await this.attachments(m) : [];
          const result = await transport.send({
            id: m.id,
            to: m.recipient,
            subject: m.subject,
            text: m.body_text,
            attempts: m.attempts,
            ...(m.body_html ? { html: m.body_html } : {}),
            ...(files.length ? { attachments: files } : {}),
          });
          await markSent(this.db, m.id, result?.providerId ?? null);
          sent++;
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          this.log.warn(
            { outboxId: m.id, channel: m.channel, err: message },
            "outbox delivery failed; will retry",
          );
          let retryIn =
            err instanceof PermanentError
              ? null
              : nextRetrySeconds(transport.retry, m.attempts + 1);
          // The provider said when to come back (429): not sooner.
          if (retryIn !== null && err instanceof RetryAfterError)
            retryIn = Math.max(retryIn, err.retryAfterSeconds);
          await markFailed(this.db, m.id, m.attempts, message, retryIn);
        }
      }
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

  async stop() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    for (const t of this.transports.values()) t.close();
  }
}
