import type { FastifyBaseLogger } from "fastify";
import { sql } from "kysely";
import type { Db } from "../../db/database";
import type { WebhookEndpointStatus } from "../../db/tables";
import type { PauseNotice } from "./webhook-paused-notice";
import { postWebhook } from "./webhook-sender";
import { SIGNATURE_HEADER, signWebhook } from "./webhook-signature";
import { safeAddress } from "./ssrf-guard";

export type WebhookWorkerOptions = {
  pollMs: number;
  /** First retry delay; doubled on each failure, up to MAX_DELAY_MS. */
  retryBaseMs: number;
  allowPrivate: boolean;
  /** Failed attempts in a row after which an endpoint is paused. */
  pauseAfterFailures?: number;
  /** Tells the company's admins when an endpoint is paused (once per pause). */
  notice?: PauseNotice;
};

/** Attempts of one delivery before it is given up (FAILED; an admin may re-send it). */
export const MAX_ATTEMPTS = 8;
const MAX_DELAY_MS = 3_600_000;
/** A claimed delivery is someone's for this long (longer than a send may take). */
const LEASE_MS = 120_000;
const BATCH = 50;

type Claimed = {
  id: string;
  endpoint_id: string;
  company_id: string;
  event_id: string;
  event_type: string;
  payload: unknown;
  attempts: number;
  url: string;
  secret: string;
};

/**
 * A delivery's name for its receiver: the endpoint and the event's number in the company's own
 * log (the admin's delivery log shows that number). Unique across companies and endpoints, and
 * no platform-wide counter whose gaps would tell one company of the others' deliveries.
 */
const deliveryName = (d: { endpoint_id: string; event_id: string }) =>
  `${d.endpoint_id}.${d.event_id}`;

/**
 * Sends the webhook deliveries the subscriber queued: due ones (PENDING, their time come, their
 * endpoint active), never a ticket's later event before its earlier one to the same endpoint
 * (per-ticket order), each claimed with SKIP LOCKED and a lease so that two nodes never send the
 * same delivery at once. A 2xx answer delivers it; anything else retries with back-off, up to
 * MAX_ATTEMPTS; an endpoint failing `pauseAfterFailures` times in a row is paused, and its
 * company's admins are told once.
 */
export class WebhookWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly opts: WebhookWorkerOptions,
    private readonly log: FastifyBaseLogger,
  ) {}

  start(): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.wake(), this.opts.pollMs);
    this.timer.unref();
  }

  /** Looks for due deliveries now (after a commit queued some). */
  wake(): void {
    if (!this.timer || this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.tick()
      .then((sent) => {
        // An answered delivery may free its ticket's next event (per-ticket order), and a full
        // batch leaves more due: look again now, not at the next commit or poll.
        if (sent > 0) this.again = true;
      })
      .catch((err: unknown) => this.log.error({ err }, "webhook delivery pass failed"))
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass: claims due deliveries and sends them; returns how many it sent. */
  async tick(now = new Date()): Promise<number> {
    const claimed = await this.claim(now);
    await Promise.all(claimed.map((d) => this.send(d)));
    return claimed.length;
  }

  private async claim(now: Date): Promise<Claimed[]> {
    const lease = new Date(now.getTime() + LEASE_MS);
    const { rows } = await sql<Claimed>`
      with due as (
        select d.id from platform.webhook_deliveries d
        join platform.webhook_endpoints e on e.id = d.endpoint_id
        where d.status = 'PENDING' and d.next_attempt_at <= ${now} and e.status = 'ACTIVE'
          and not exists (
            select 1 from platform.webhook_deliveries p
            where p.endpoint_id = d.endpoint_id and p.ticket_id = d.ticket_id
              and p.status = 'PENDING' and p.id < d.id)
        order by d.id
        limit ${BATCH}
        for update of d skip locked
      ), taken as (
        update platform.webhook_deliveries w
        set next_attempt_at = ${lease}, attempts = w.attempts + 1
        from due where w.id = due.id
        returning w.id, w.endpoint_id, w.company_id, w.event_id, w.event_type, w.payload,
          w.attempts)
      select taken.*, e.url, e.secret
      from taken join platform.webhook_endpoints e on e.id = taken.endpoint_id
      order by taken.id`.execute(this.db);
    return rows;
  }

  private async send(d: Claimed): Promise<void> {
    const body = JSON.stringify(d.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const url = new URL(d.url);
      const address = await safeAddress(url, this.opts.allowPrivate);
      status = await postWebhook(url, address, body, {
        [SIGNATURE_HEADER]: signWebhook(d.secret, body, timestamp),
        "x-equeue-event": d.event_type,
        "x-equeue-delivery": deliveryName(d),
      });
      if (status < 200 || status >= 300) error = `The endpoint answered ${status}.`;
    } catch (err) {
      error = err instanceof Error ? err.message.slice(0, 500) : "The delivery failed.";
    }
    await this.record(d, status, error);
  }

  private async record(d: Claimed, status: number | null, error: string | null): Promise<void> {
    const now = new Date();
    const told = await this.db.transaction().execute(async (trx) => {
      if (!error) {
        await trx
          .updateTable("platform.webhook_deliveries")
          .set({
            status: "DELIVERED",
            delivered_at: now,
            last_status_code: status,
            last_error: null,
          })
          .where("id", "=", d.id)
          .execute();
        // Only after failures: every delivery writing its endpoint's row would queue each
        // endpoint's answers one behind the other on that row's lock, holding connections.
        await trx
          .updateTable("platform.webhook_endpoints")
          .set({ consecutive_failures: 0 })
          .where("id", "=", d.endpoint_id)
          .where("consecutive_failures", "<>", 0)
          .execute();
        return 0;
      }
      const giveUp = d.attempts >= MAX_ATTEMPTS;
      const delay = Math.min(MAX_DELAY_MS, this.opts.retryBaseMs * 2 ** (d.attempts - 1));
      await trx
        .updateTable("platform.webhook_deliveries")
        .set({
          status: giveUp ? "FAILED" : "PENDING",
          next_attempt_at: new Date(now.getTime() + delay),
          last_status_code: status,
          last_error: error,
        })
        .where("id", "=", d.id)
        .execute();
      const pauseAfter = this.opts.pauseAfterFailures ?? 20;
      const endpoint = await trx
        .updateTable("platform.webhook_endpoints")
        .set((eb) => ({
          consecutive_failures: eb("consecutive_failures", "+", 1),
          status: sql<WebhookEndpointStatus>`case when consecutive_failures + 1 >= ${pauseAfter} then 'PAUSED' else status end`,
          // The reason is the error that paused it; the admin's page words the rest in its
          // language from the count of failures.
          paused_reason: sql<string | null>`case when consecutive_failures + 1 >= ${pauseAfter}
            then ${error} else paused_reason end`,
          updated_at: now,
        }))
        .where("id", "=", d.endpoint_id)
        .returning(["status", "consecutive_failures"])
        .executeTakeFirst();
      // Exactly the failure that paused it (later ones already in flight count past it): once.
      const pausedNow =
        endpoint?.status === "PAUSED" && endpoint.consecutive_failures === pauseAfter;
      if (!pausedNow || !this.opts.notice) return 0;
      return this.opts.notice.queue(trx, {
        companyId: d.company_id,
        url: d.url,
        failures: pauseAfter,
        lastError: error,
      });
    });
    if (told > 0) this.opts.notice?.queued?.();
    if (error) this.log.warn({ delivery: deliveryName(d), error }, "webhook failed");
  }
}
