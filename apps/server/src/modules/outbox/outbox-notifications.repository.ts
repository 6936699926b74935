import {
  sql,
  type InsertQueryBuilder,
  type InsertResult,
  type Kysely,
  type QueryCreator,
} from "kysely";
import type { Database, OutboxChannel } from "../../db/tables";

// Notifications: messages with a cause key (company:ticket:trigger:channel), queued once per key,
// dropped when the cause makes them needless, and SMS stand-ins that go only when the
// customer's chosen channel did not get through.

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
