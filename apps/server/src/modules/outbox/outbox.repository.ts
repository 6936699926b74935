import { sql, type Kysely, type Selectable } from "kysely";
import type { Database, OutboxChannel, OutboxStatus, OutboxTable } from "../../db/tables";

export type OutgoingEmail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  companyId?: string | null;
  /** It holds a one-time password or a sign-in link: see OutboxTable.secret. */
  secret?: boolean;
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
      secret: mail.secret ?? false,
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
  /** Sent before the channel's other waiting messages (a code the customer is waiting for). */
  urgent?: boolean;
  /** May wait behind all the channel's other messages (a rating request, a reminder). */
  bulk?: boolean;
  /** It holds a code: see OutboxTable.secret. */
  secret?: boolean;
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
      urgent: m.urgent ?? false,
      bulk: m.bulk ?? false,
      secret: m.secret ?? false,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A message a worker claimed: its row, `claims` as it was before this claim. */
export type ClaimedMessage = Selectable<OutboxTable>;

/**
 * Claims up to `limit` due messages of the given channels (those with a transport) so that two
 * workers never send one message twice: SKIP LOCKED, and a lease (`next_attempt_at` pushed
 * ahead) so a worker that dies mid-send releases its claim after `leaseSeconds`. Each claim is
 * counted (`claims`): one that never recorded an outcome shows as more claims than attempts.
 * Urgent messages first (when more are due than the claim takes), then the longest due. One
 * statement: a wake's claim is one round trip, not a transaction of four.
 */
export async function claimDue(
  db: Kysely<Database>,
  channels: OutboxChannel[],
  limit: number,
  leaseSeconds = 60,
): Promise<ClaimedMessage[]> {
  if (channels.length === 0) return [];
  const due = db
    .selectFrom("platform.outbox")
    .select("id")
    .where("status", "=", "PENDING")
    .where("channel", "in", channels)
    // The database's clock, to the microsecond: a JS Date (milliseconds, another clock) can fall
    // just before a row queued a moment ago and leave it for the next poll.
    .where("next_attempt_at", "<=", sql<Date>`clock_timestamp()`)
    .orderBy("urgent", "desc")
    .orderBy("next_attempt_at")
    // A recipient's messages handed back together are due at one time: a claim with room for
    // only some takes the first queued.
    .orderBy("created_at")
    .limit(limit)
    .forUpdate()
    .skipLocked();
  const rows = await db
    .updateTable("platform.outbox")
    .set({
      next_attempt_at: sql`now() + make_interval(secs => ${leaseSeconds})`,
      claims: sql`claims + 1`,
    })
    .where("id", "in", due)
    .returningAll()
    // Queued when, to the microsecond: a Date has milliseconds, and two messages queued within
    // one of them came back in either order.
    .returning(
      sql<string>`(extract(epoch from created_at) * 1000000)::bigint::text`.as("queued_us"),
    )
    .execute();
  // As the row was before this claim, oldest first: one recipient's messages keep their order
  // (the channel's lane puts an urgent one ahead of other recipients' messages).
  return rows
    .sort((x, y) =>
      BigInt(x.queued_us) < BigInt(y.queued_us) ? -1 : x.queued_us === y.queued_us ? 0 : 1,
    )
    .map(({ queued_us: _, ...r }) => ({ ...r, claims: r.claims - 1 }));
}

/** What became of one claimed message. */
export type DeliveryOutcome =
  | { id: string; kind: "sent"; providerId: string | null }
  /** Retried after `retryInSeconds`, or FAILED for good when null. */
  | { id: string; kind: "failed"; error: string; retryInSeconds: number | null }
  /** Not needed after all (an SMS whose Telegram or push got through). */
  | { id: string; kind: "skipped"; reason: string }
  /** Never tried (its channel was asked to wait, or the claim ran short): due again at `dueAt`. */
  | { id: string; kind: "released"; dueAt: Date };

/**
 * Records the outcomes of a claimed batch in ONE statement. Only rows still PENDING change (a
 * message is never moved back from a final state).
 */
export async function recordOutcomes(db: Kysely<Database>, outcomes: DeliveryOutcome[]) {
  if (outcomes.length === 0) return;
  const now = Date.now();
  const rows = outcomes.map((o) => {
    switch (o.kind) {
      case "sent":
        return {
          id: o.id,
          status: "SENT",
          tried: 1,
          unclaim: 0,
          error: null,
          provider_id: o.providerId,
          due: null,
        };
      case "failed":
        return {
          id: o.id,
          status: o.retryInSeconds === null ? "FAILED" : "PENDING",
          tried: 1,
          unclaim: 0,
          error: o.error.slice(0, 1000),
          provider_id: null,
          due: new Date(now + (o.retryInSeconds ?? 0) * 1000).toISOString(),
        };
      case "skipped":
        return {
          id: o.id,
          status: "SKIPPED",
          tried: 0,
          unclaim: 0,
          error: o.reason,
          provider_id: null,
          due: null,
        };
      case "released":
        return {
          id: o.id,
          status: "PENDING",
          tried: 0,
          unclaim: 1,
          error: null,
          provider_id: null,
          due: o.dueAt.toISOString(),
        };
    }
  });
  await sql`update platform.outbox as o set
      status = v.status,
      attempts = o.attempts + v.tried,
      claims = o.claims - v.unclaim,
      sent_at = case when v.status = 'SENT' then now() else o.sent_at end,
      last_error = case when v.status = 'SENT' then null else coalesce(v.error, o.last_error) end,
      provider_id = coalesce(v.provider_id, o.provider_id),
      next_attempt_at = coalesce(v.due, o.next_attempt_at)
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v(id uuid, status text, tried integer, unclaim integer, error text, provider_id text, due timestamptz)
    where o.id = v.id and o.status = 'PENDING'`.execute(db);
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
