import type { FastifyBaseLogger } from "fastify";
import type { OutboxChannel } from "../../db/tables";
import type { ClaimedMessage, DeliveryOutcome } from "./outbox.repository";
import type { MailAttachment } from "./mail-transport";
import {
  DEFAULT_CONCURRENCY,
  nextRetrySeconds,
  NotStartedError,
  PermanentError,
  PRIORITY_RANK,
  RetryAfterError,
  type SendPriority,
  type Transport,
} from "./transport";

/** Builds the files a message carries when it is sent (the outbox stores only its text). */
export type AttachmentResolver = (m: {
  channel: string;
  dedupe_key: string | null;
  company_id: string | null;
}) => Promise<MailAttachment[]>;

/** A claimed message waiting for its channel's lane. */
export type QueuedSend = {
  m: ClaimedMessage;
  /** Which claim took it: a 429 puts back the untried messages of the claims made before it. */
  claim: number;
  /** It must start by then, so it ends before its claim's lease runs out. */
  startBy: number;
  done: (o: DeliveryOutcome) => void;
};

/** A provider's "wait" (429): until when, for the messages of which claims. */
export type ChannelPause = { until: number; claim: number };

/**
 * A message its transport's pacing would hold longer than this (a chat's second message within
 * its second) goes back to the outbox, due when it may go, instead of holding up a lane.
 */
const MAX_PACE_WAIT_MS = 400;
/**
 * An urgent message ("go to counter 3") waits out a chat's second in its lane instead: back in
 * the outbox it would wait for the next claim on top.
 */
const MAX_URGENT_PACE_WAIT_MS = 1_200;

/** A hold on a recipient is forgotten this long after its due time (longer than any lease). */
const HOLD_FORGET_MS = 10 * 60_000;

/** A claimed message's priority (urgent wins over bulk, should a row say both). */
export const priorityOf = (m: Pick<ClaimedMessage, "urgent" | "bulk">): SendPriority =>
  m.urgent ? "urgent" : m.bulk ? "bulk" : "normal";

/**
 * One channel's sends, at most `transport.concurrency` in flight, shared by every claim of the
 * worker: a message starts as soon as a lane is free, whatever claim it came in (urgent ones
 * first, bulk ones last, else in the order claimed), and its outcome
 * is handed on the moment its own send ends — never after the slowest send of its claim.
 */
export class ChannelLane {
  private readonly queue: QueuedSend[] = [];
  private active = 0;
  /**
   * Recipients with a message back in the outbox (handed back untried, or failed and due for a
   * retry), when it is due, and from which claim: their later messages of that claim (or an
   * earlier one) go back too, due then or later, so that they are claimed again after it and
   * keep their order (a reminder handed back must not arrive after the cancellation queued
   * behind it). A later claim's are not held: that claim was made after the row went back, and
   * the claim's order (due time, then queued time) already puts the older message first.
   */
  private readonly heldBack = new Map<string, { until: number; claim: number }>();
  private readonly concurrency: number;

  constructor(
    private readonly transport: Transport,
    private readonly env: {
      log: FastifyBaseLogger;
      attachments: AttachmentResolver | null;
      isStopped: () => boolean;
      pauses: Map<OutboxChannel, ChannelPause>;
    },
  ) {
    this.concurrency = transport.concurrency ?? DEFAULT_CONCURRENCY;
  }

  /**
   * Queues a send: before every message of a lower priority (urgent, normal, bulk) — but never
   * before a message to the same recipient, whose messages keep their order — else last.
   */
  push(q: QueuedSend): void {
    const rank = PRIORITY_RANK[priorityOf(q.m)];
    let at = -1;
    if (rank < PRIORITY_RANK.bulk) {
      const firstLower = this.queue.findIndex((w) => PRIORITY_RANK[priorityOf(w.m)] > rank);
      const lastSame = this.queue.findLastIndex((w) => w.m.recipient === q.m.recipient);
      if (firstLower >= 0) at = Math.max(firstLower, lastSame + 1);
    }
    if (at < 0 || at >= this.queue.length) this.queue.push(q);
    else this.queue.splice(at, 0, q);
    this.pump();
  }

  private pump(): void {
    while (this.active < this.concurrency && this.queue.length > 0) {
      const q = this.queue.shift()!;
      const now = Date.now();
      const pause = this.env.pauses.get(this.transport.channel);
      const until = pause && q.claim <= pause.claim ? pause.until : 0;
      // Claimed with (or after) a message of its recipient that went back to the outbox: back
      // too, due with it or later, so they are claimed again in their order. An urgent one does
      // not wait for it (its lane puts it first anyway).
      const held = this.heldBack.get(q.m.recipient);
      const heldUntil = held && q.claim <= held.claim && !q.m.urgent ? held.until : 0;
      // The provider asked us to wait, or the claim is running out: back to the outbox, untried.
      if (until > now || now > q.startBy || this.env.isStopped() || heldUntil > 0) {
        this.handBack(q, Math.max(until, heldUntil, now));
        continue;
      }
      // Waits counted from this loop's `now`: a recipient's messages handed back together are
      // due at one time, so one claim takes them again together, in their order.
      const priority = priorityOf(q.m);
      const wait = this.transport.readyIn?.(q.m.recipient, now, priority) ?? 0;
      if (wait > (q.m.urgent ? MAX_URGENT_PACE_WAIT_MS : MAX_PACE_WAIT_MS)) {
        this.handBack(q, now + wait);
        continue;
      }
      this.active++;
      void this.sendOne(q).then((outcome) => {
        this.active--;
        // Not sent, and due again later: the recipient's next messages of this claim wait for it.
        if (outcome.kind === "released") this.hold(q, outcome.dueAt.getTime());
        if (outcome.kind === "failed" && outcome.retryInSeconds !== null)
          this.hold(q, Date.now() + outcome.retryInSeconds * 1000);
        q.done(outcome);
        this.pump();
      });
    }
  }

  /** Gives a message back to the outbox untried, due at `dueAt`, and holds its recipient's next. */
  private handBack(q: QueuedSend, dueAt: number): void {
    this.hold(q, dueAt);
    q.done({ id: q.m.id, kind: "released", dueAt: new Date(dueAt) });
  }

  /** Holds the recipient's messages of `q`'s claim and earlier ones until `until`. */
  private hold(q: QueuedSend, until: number): void {
    const recipient = q.m.recipient;
    if (this.heldBack.size > 1_000) {
      // Every message of a claim has started or gone back once its lease is near its end.
      const stale = Date.now() - HOLD_FORGET_MS;
      for (const [r, h] of this.heldBack) if (h.until < stale) this.heldBack.delete(r);
    }
    const before = this.heldBack.get(recipient);
    this.heldBack.set(recipient, {
      until: Math.max(before?.until ?? 0, until),
      claim: Math.max(before?.claim ?? 0, q.claim),
    });
  }

  private async sendOne(q: QueuedSend): Promise<DeliveryOutcome> {
    const { m, claim } = q;
    const transport = this.transport;
    try {
      // Only e-mail carries files. Another channel's send starts in this turn of the loop, so its
      // transport's pacing counts it before the lane asks about the next message (`readyIn`).
      const files =
        this.env.attachments && m.channel === "email" ? await this.env.attachments(m) : [];
      const result = await transport.send({
        id: m.id,
        priority: priorityOf(m),
        startBy: q.startBy,
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
      // The transport's own wait outlasted the claim's start-by: back to the outbox, untried.
      if (err instanceof NotStartedError) return { id: m.id, kind: "released", dueAt: new Date() };
      const message = err instanceof Error ? err.message : String(err);
      this.env.log.warn(
        { outboxId: m.id, channel: m.channel, err: message },
        "outbox delivery failed; will retry",
      );
      let retryIn =
        err instanceof PermanentError ? null : nextRetrySeconds(transport.retry, m.attempts + 1);
      if (!(err instanceof RetryAfterError))
        return { id: m.id, kind: "failed", error: message, retryInSeconds: retryIn };
      // The provider said when to come back (429): not sooner, and the channel's messages
      // claimed so far wait too (they carry the wait into the outbox, for every worker).
      const until = Date.now() + err.retryAfterSeconds * 1000;
      const before = this.env.pauses.get(transport.channel);
      this.env.pauses.set(transport.channel, {
        until: Math.max(before?.until ?? 0, until),
        claim: Math.max(before?.claim ?? 0, claim),
      });
      if (retryIn !== null) retryIn = Math.max(retryIn, err.retryAfterSeconds);
      return { id: m.id, kind: "failed", error: message, retryInSeconds: retryIn };
    }
  }
}
