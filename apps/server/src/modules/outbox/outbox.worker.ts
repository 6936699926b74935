import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../../db/database";
import type { MailTransport } from "./mail-transport";
import { claimDue, markFailed, markSent } from "./outbox.repository";

/**
 * Delivers queued messages in the background so a slow or failing mail server never fails the
 * request that caused the message. Without a transport, messages wait in the outbox.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** After a failed tick (say, the database is away) polls pause, longer each time, ≤ 30 s. */
  private failures = 0;
  private pausedUntil = 0;

  constructor(
    private readonly db: Db,
    private readonly transport: MailTransport | null,
    private readonly from: string,
    private readonly pollMs: number,
    private readonly log: FastifyBaseLogger,
  ) {}

  get isConfigured() {
    return this.transport !== null;
  }

  start() {
    if (!this.transport || this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.pollMs);
    this.timer.unref();
  }

  /** Sends what is due now; returns how many were sent. Also used by tests to drain. */
  async tick(): Promise<number> {
    if (!this.transport || this.stopped || Date.now() < this.pausedUntil) return 0;
    if (this.running) {
      await this.running;
      return 0;
    }
    let sent = 0;
    const run = async () => {
      const due = await claimDue(this.db, 20);
      for (const m of due) {
        try {
          await this.transport!.send({
            from: this.from,
            to: m.recipient,
            subject: m.subject,
            text: m.body_text,
            ...(m.body_html ? { html: m.body_html } : {}),
          });
          await markSent(this.db, m.id);
          sent++;
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          this.log.warn({ outboxId: m.id, err: message }, "outbox delivery failed; will retry");
          await markFailed(this.db, m.id, m.attempts, message);
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
      .finally(() => (this.running = null));
    await this.running;
    return sent;
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    this.transport?.close();
  }
}
