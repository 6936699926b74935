import { sql, type Kysely } from "kysely";
import type { Database, OutboxChannel, OutboxStatus } from "../../db/tables";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  companyId?: string | null;
};

/** Queues an e-mail; call inside the transaction of the change that causes it. */
export async function enqueueEmail(db: Kysely<Database>, mail: OutgoingEmail): Promise<string> {
  const row = await db
    .insertInto("platform.outbox")
    .values({
      channel: "email",
      recipient: mail.to,
      subject: mail.subject,
      body_text: mail.text,
      body_html: mail.html ?? null,
      company_id: mail.companyId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export type OutgoingText = {
  channel: OutboxChannel;
  to: string;
  subject?: string;
  text: string;
  companyId?: string | null;
};

/** Queues a message on any channel (an SMS to a phone, …); call inside the causing transaction. */
export async function enqueueMessage(db: Kysely<Database>, m: OutgoingText): Promise<string> {
  const row = await db
    .insertInto("platform.outbox")
    .values({
      channel: m.channel,
      recipient: m.to,
      subject: m.subject ?? "",
      body_text: m.text,
      body_html: null,
      company_id: m.companyId ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Claims up to `limit` due messages of the given channels (those with a transport) so that two
 * workers never send one message twice: SKIP LOCKED, and a lease (`next_attempt_at` pushed
 * ahead) so a worker that dies mid-send releases its claim after `leaseSeconds`.
 */
export async function claimDue(
  db: Kysely<Database>,
  channels: OutboxChannel[],
  limit: number,
  leaseSeconds = 60,
) {
  if (channels.length === 0) return [];
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom("platform.outbox")
      .selectAll()
      .where("status", "=", "PENDING")
      .where("channel", "in", channels)
      .where("next_attempt_at", "<=", new Date())
      .orderBy("next_attempt_at")
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length) {
      await trx
        .updateTable("platform.outbox")
        .set({ next_attempt_at: sql`now() + make_interval(secs => ${leaseSeconds})` })
        .where(
          "id",
          "in",
          due.map((m) => m.id),
        )
        .execute();
    }
    return due;
  });
}

export async function markSent(db: Kysely<Database>, id: string, providerId: string | null = null) {
  await db
    .updateTable("platform.outbox")
    .set({
      status: "SENT",
      sent_at: new Date(),
      last_error: null,
      attempts: sql`attempts + 1`,
      ...(providerId && { provider_id: providerId }),
    })
    .where("id", "=", id)
    .execute();
}

/** Records a failed attempt: retried after `retryInSeconds`, or FAILED for good when null. */
export async function markFailed(
  db: Kysely<Database>,
  id: string,
  attempts: number,
  error: string,
  retryInSeconds: number | null,
) {
  const next = attempts + 1;
  const giveUp = retryInSeconds === null;
  const delaySeconds = retryInSeconds ?? 0;
  await db
    .updateTable("platform.outbox")
    .set({
      status: giveUp ? "FAILED" : "PENDING",
      attempts: next,
      last_error: error.slice(0, 1000),
      next_attempt_at: new Date(Date.now() + delaySeconds * 1000),
    })
    .where("id", "=", id)
    .execute();
}

/** A message that was not needed after all (an SMS whose Telegram or push got through). */
export async function markSkipped(db: Kysely<Database>, id: string, reason: string) {
  await db
    .updateTable("platform.outbox")
    .set({ status: "SKIPPED", last_error: reason })
    .where("id", "=", id)
    .execute();
}

/**
 * Whether a stand-in SMS must go: none of the Telegram or push messages it stands in for (their
 * dedupe keys start with `of`) was sent.
 */
export async function fallbackNeeded(db: Kysely<Database>, of: string): Promise<boolean> {
  // Keys hold "_" (NEARLY_UP): escaped, so LIKE matches the prefix literally (and by index).
  const pattern = `${of}:`.replace(/[\\%_]/g, "\\$&") + "%";
  const sent = await db
    .selectFrom("platform.outbox")
    .select("id")
    .where("dedupe_key", "is not", null)
    .where("dedupe_key", "like", pattern)
    .where("channel", "in", ["telegram", "push"])
    .where("status", "=", "SENT")
    .limit(1)
    .executeTakeFirst();
  return sent === undefined;
}

export async function listOutbox(
  db: Kysely<Database>,
  q: {
    status?: OutboxStatus | undefined;
    companyId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  let base = db.selectFrom("platform.outbox");
  if (q.status) base = base.where("status", "=", q.status);
  if (q.companyId) base = base.where("company_id", "=", q.companyId);
  const counted = await base
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .executeTakeFirstOrThrow();
  const items = await base
    .selectAll()
    .orderBy("created_at", "desc")
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { items, total: Number(counted.total) };
}

export type OutgoingNotification = {
  channel: OutboxChannel;
  to: string;
  /** An e-mail's subject. */
  subject?: string;
  text: string;
  companyId: string;
  /** Names the cause, e.g. company:ticket:CALLED:sms; a second message with it is dropped. */
  key: string;
  segments?: number | null;
  /**
   * An SMS that stands in for the Telegram/push messages whose keys start with this: it waits
   * until `notBefore` and goes only if none of them was sent by then.
   */
  fallbackOf?: string;
  notBefore?: Date;
};

/**
 * Queues a notification unless one with its key is already queued (a redelivered queue event);
 * true when it queued a new message.
 */
export async function enqueueNotification(
  db: Kysely<Database>,
  n: OutgoingNotification,
): Promise<boolean> {
  const row = await db
    .insertInto("platform.outbox")
    .values({
      channel: n.channel,
      recipient: n.to,
      subject: n.subject ?? "",
      body_text: n.text,
      body_html: null,
      company_id: n.companyId,
      dedupe_key: n.key,
      segments: n.segments ?? null,
      fallback_of: n.fallbackOf ?? null,
      ...(n.notBefore && { next_attempt_at: n.notBefore }),
    })
    .onConflict((oc) => oc.column("dedupe_key").where("dedupe_key", "is not", null).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** Final delivery states a gateway reports; a later report never overrides them. */
const FINAL = ["DELIVERED", "UNDELIVERED", "EXPIRED", "REJECTED"];

/**
 * Records a delivery report for an SMS: found by our id (and the gateway's, when it gave one).
 * Idempotent: the same report twice changes nothing; a final state is kept. Null when no
 * such message exists.
 */
export async function recordDelivery(
  db: Kysely<Database>,
  report: { outboxId: string; providerId?: string | undefined; status: string },
): Promise<{ deliveryStatus: string | null } | null> {
  const row = await db
    .selectFrom("platform.outbox")
    .select(["id", "provider_id", "delivery_status"])
    .where("id", "=", report.outboxId)
    .where("channel", "=", "sms")
    .executeTakeFirst();
  if (!row) return null;
  if (report.providerId && row.provider_id && row.provider_id !== report.providerId) return null;
  if (row.delivery_status && FINAL.includes(row.delivery_status)) {
    return { deliveryStatus: row.delivery_status };
  }
  const delivered = report.status === "DELIVERED";
  await db
    .updateTable("platform.outbox")
    .set({
      delivery_status: report.status,
      ...(delivered && { delivered_at: new Date() }),
      ...(report.providerId && !row.provider_id && { provider_id: report.providerId }),
    })
    .where("id", "=", row.id)
    .execute();
  return { deliveryStatus: report.status };
}
