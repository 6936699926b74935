import {
  sql,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  type QueryCreator,
  type Selectable,
} from "kysely";
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

/**
 * Dedupe keys starting with one of `prefixes`, as rows of an index range each: [prefix, the
 * prefix with its last character's successor). The keys' index is `text_pattern_ops` (byte
 * order), so every prefix is one short index probe, however large the outbox grows. (A list of
 * `LIKE 'prefix%'` ORed together was planned as a walk over the whole index: 3–4 ms a batch
 * with a few thousand messages, and growing with the outbox.) Every prefix ends in ":".
 */
function keyRanges(prefixes: readonly string[]) {
  const unique = [...new Set(prefixes)];
  for (const p of unique) {
    if (!p.endsWith(":")) throw new Error(`A dedupe key prefix ends with ":" (got ${p}).`);
  }
  const lo = unique;
  const hi = unique.map((p) => p.slice(0, -1) + ";");
  return sql`unnest(${lo}::text[], ${hi}::text[]) as p(lo, hi)`;
}

/**
 * Per range, a probe of the keys' index, in a LATERAL subquery kept apart from the outer query
 * (LIMIT), so the planner cannot turn it into a walk over the whole index joined with the ranges.
 * (While the outbox's statistics are still those of an empty table, the planner may walk the
 * other key index instead; `skipUnsent`, which runs with every call, takes exact keys for that.)
 */
const inRange = sql`o.dedupe_key is not null and o.dedupe_key ~>=~ p.lo and o.dedupe_key ~<~ p.hi`;

/**
 * Which stand-in SMS must go: those (named by the `of` prefix) none of whose Telegram or push
 * messages (their dedupe keys start with `of:`) was sent. One statement for a batch.
 */
export async function fallbacksNeeded(db: Kysely<Database>, ofs: string[]): Promise<Set<string>> {
  if (ofs.length === 0) return new Set();
  const { rows } = await sql<{ of: string }>`select left(p.lo, -1) as of
    from ${keyRanges(ofs.map((of) => `${of}:`))}
    cross join lateral (select 1 from platform.outbox o
      where ${inRange} and o.channel in ('telegram', 'push') and o.status = 'SENT' limit 1) sent`.execute(
    db,
  );
  const done = new Set(rows.map((r) => r.of));
  return new Set(ofs.filter((of) => !done.has(of)));
}

/**
 * Marks SKIPPED the messages (by dedupe key) that are still waiting and not in a worker's hands
 * (every claim recorded its outcome — a released or failed message, a stand-in SMS not yet due —
 * or the claim's lease ran out: its worker died), with the reason; a message being sent is left
 * to finish. One statement, by the unique key index; how many it skipped.
 */
export async function skipUnsent(
  db: Kysely<Database>,
  keys: string[],
  reason: string,
): Promise<number> {
  if (keys.length === 0) return 0;
  const result = await skipQuery(db, { keys, reason }).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

type Outboxing = InsertQueryBuilder<Database, "platform.outbox", InsertResult>;

/** Messages to drop while a batch is queued (`skipUnsent`'s rule). */
export type Skip = { keys: string[]; reason: string };

function skipQuery(db: QueryCreator<Database>, { keys, reason }: Skip) {
  return db
    .updateTable("platform.outbox")
    .set({ status: "SKIPPED", last_error: reason })
    .where("dedupe_key", "=", sql<string>`any(${[...new Set(keys)]}::text[])`)
    .where("status", "=", "PENDING")
    .where((eb) =>
      eb.or([eb("claims", "=", eb.ref("attempts")), eb("next_attempt_at", "<=", sql<Date>`now()`)]),
    );
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
  /** The customer must act on it now ("go to counter 3"): sent before the channel's backlog. */
  urgent?: boolean;
  /** It may wait behind every other message of its channel (a rating request, a reminder). */
  bulk?: boolean;
};

/**
 * Queues a notification unless one with its key is already queued (a redelivered queue event);
 * true when it queued a new message.
 */
export async function enqueueNotification(
  db: Kysely<Database>,
  n: OutgoingNotification,
): Promise<boolean> {
  return (await enqueueNotifications(db, [n])) === 1;
}

/**
 * Queues a batch of notifications in ONE statement, skipping those whose key is already queued
 * (or repeated in the batch); how many it queued. `skip` names waiting messages the batch makes
 * needless ("nearly up" for a ticket now called): they are dropped in the same statement
 * (`skipUnsent`), one round trip fewer for a delivery run.
 */
export async function enqueueNotifications(
  db: Kysely<Database>,
  list: readonly OutgoingNotification[],
  skip?: Skip,
): Promise<number> {
  const byKey = new Map<string, OutgoingNotification>();
  for (const n of list) if (!byKey.has(n.key)) byKey.set(n.key, n);
  const skipping = skip !== undefined && skip.keys.length > 0;
  if (byKey.size === 0) {
    if (skipping) await skipUnsent(db, skip.keys, skip.reason);
    return 0;
  }
  // Both parts see the statement's one snapshot, so the outcome is the skip's before the insert:
  // a key both skipped and queued (a ticket called and put back within one batch) has its
  // waiting row skipped and the new one dropped as a repeat.
  const into = skipping
    ? // The CTE is not read; its table name in the builder's type is of no use below.
      (db
        .with("skipped", (w) => skipQuery(w, skip))
        .insertInto("platform.outbox") as unknown as Outboxing)
    : db.insertInto("platform.outbox");
  const rows = await into
    .values(
      // A batch keeps its order: each row is a millisecond after the one before, ending at now
      // (so every row is due at once; JS dates keep milliseconds), because sends go in (next_attempt_at, created_at) order
      // and one recipient's messages one after another ("it is your turn" must not arrive
      // after "you were transferred").
      [...byKey.values()].map((n, i, all) => {
        const at = sql<Date>`now() - make_interval(secs => ${(all.length - 1 - i) / 1000})`;
        return {
          channel: n.channel,
          recipient: n.to,
          subject: n.subject ?? "",
          body_text: n.text,
          body_html: null,
          company_id: n.companyId,
          dedupe_key: n.key,
          segments: n.segments ?? null,
          fallback_of: n.fallbackOf ?? null,
          urgent: n.urgent ?? false,
          bulk: n.bulk ?? false,
          // Now, unless a stand-in waits.
          next_attempt_at: n.notBefore ?? at,
          created_at: at,
        };
      }),
    )
    .onConflict((oc) => oc.column("dedupe_key").where("dedupe_key", "is not", null).doNothing())
    .returning("id")
    .execute();
  return rows.length;
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
