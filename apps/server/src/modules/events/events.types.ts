import type { Db } from "../../db/database";
import type { CompanyRecord } from "../tenancy";
import type { CompanyQueryDb, QueueFact } from "../queue";

/** One committed queue event as the durable subscribers receive it (a ticket_events row). */
export type DomainEvent = {
  id: number;
  /** The writing transaction (xid8 as text): with `id`, the dispatch order. */
  tx: string;
  ticketId: string;
  at: Date;
  type: string;
  fromStatus: string | null;
  toStatus: string;
  operatorId: string | null;
  counterId: string | null;
  data: Record<string, unknown>;
};

export type EventCompany = Pick<CompanyRecord, "id" | "schema_name">;

/**
 * What a durable subscriber may hand back from `handle`: run once its batch (and cursor) has
 * committed — best-effort and in process, e.g. a push to sockets that must not announce a
 * change before it can be read. A crash in between loses it; the clients' fallback covers that.
 */
export type AfterCommit = () => void;

/**
 * A side effect that must not be lost: it gets every committed event of a company, in order, at
 * least once, in batches. `handle` runs inside the transaction that advances the subscriber's
 * cursor, so what it writes to the database commits exactly with the cursor; anything it does
 * outside the database (a message sent) must be idempotent, because a crash before that commit
 * hands it the same batch again. It must never write queue events (`ticket_events`, i.e. run a
 * queue command) in that transaction: the dispatcher leaves its own runs out of the settled
 * horizon (ADR 0004), which is safe only because they write none. A follow-up command goes in a
 * transaction of its own (after commit).
 */
export type DurableSubscriber = {
  /** Stable: it names the subscriber's cursor row in every company schema. */
  name: string;
  /**
   * Customer-facing and latency-sensitive (a message, a webhook): runs in the dispatcher's
   * prompt lane, on connections of its own, never behind the bulk subscribers' runs.
   */
  prompt?: boolean;
  /**
   * A cheap hint, read when a run is scheduled: true when the subscriber has, as far as it last
   * saw, nothing to do in this company (no webhook endpoint, say), so that a run would only move
   * its cursor on. Such runs gather longer and go in the bulk lane, out of the prompt lane's way.
   * Only a hint: the run still hands the events over, and `handle` decides.
   */
  idle?: (company: EventCompany) => boolean;
  /**
   * Keeps figures, not messages (the report roll-ups): a company's runs start at most once per
   * idle gathering (a second), so a busy company costs a run a second instead of one per command;
   * the first events after a quiet while go at once. What it keeps lags by up to that second.
   */
  unhurried?: boolean;
  handle: (
    tx: { db: Db; company: CompanyQueryDb },
    company: EventCompany,
    events: DomainEvent[],
  ) => Promise<void | AfterCommit>;
};

/**
 * An in-process consumer of the facts of a transaction this node has just committed (the
 * realtime gateway): fast and best-effort; a push lost to a crash is repaired by the clients'
 * snapshot on reconnect.
 */
export type LiveSubscriber = {
  name: string;
  deliver: (company: EventCompany, facts: QueueFact[]) => void;
};
