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
    if (!this.transport || this.stopped) return 0;
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
      .catch((err) => this.log.error({ err }, "outbox tick failed"))
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
