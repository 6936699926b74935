import type { OutboxChannel } from "../../db/tables";
import type { MailAttachment, MailTransport } from "./mail-transport";

/**
 * Which of a channel's waiting messages go first where its provider's rate is the limit:
 * "urgent" ones the customer must act on now (called, a sign-in code), then "normal" ones, then
 * "bulk" ones that may wait (a rating request, a reminder).
 */
export type SendPriority = "urgent" | "normal" | "bulk";

/** The rank of a priority: lower goes first. */
export const PRIORITY_RANK: Record<SendPriority, number> = { urgent: 0, normal: 1, bulk: 2 };

/** One message as a transport sends it. */
export type OutgoingMessage = {
  id: string;
  priority: SendPriority;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Files an e-mail carries (a booking's calendar file). */
  attachments?: MailAttachment[];
  /** Attempts made before this one: a retry after an unclear outcome checks before it sends. */
  attempts: number;
  /**
   * When the request to the provider must have started by, or not at all (NotStartedError): the
   * claim on the row would run out under a send begun later, and another claim send it again.
   */
  startBy?: number;
};

/** What a transport learned from the provider: its id for the message, for delivery reports. */
export type SendResult = { providerId?: string };

/** The provider asked us to wait (HTTP 429 Retry-After, Telegram's retry_after). */
export class RetryAfterError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * The transport did not start the send: its own wait (a pacing) outlasted the message's
 * `startBy`. The message goes back to the outbox untried.
 */
export class NotStartedError extends Error {}

/**
 * The provider refused the message for good (a push subscription that is gone, a malformed
 * request): no retry, the message is FAILED at once.
 */
export class PermanentError extends Error {}

/** How often and how patiently a channel retries: back-off doubles from `baseSeconds`. */
export type RetryPolicy = { maxAttempts: number; baseSeconds: number; maxSeconds: number };

/**
 * Delivers the outbox's messages of one channel. The worker holds one per configured channel;
 * a channel without one keeps its messages PENDING, visible in the Super Admin outbox.
 */
export type Transport = {
  channel: OutboxChannel;
  retry: RetryPolicy;
  /** Sends in flight at once (the worker's lanes for this channel); DEFAULT_CONCURRENCY if unset. */
  concurrency?: number;
  /**
   * Milliseconds from `now` until a message to `to` of that priority may go, for a transport that
   * paces its provider (Telegram: a second a chat). The worker hands back a message that would
   * wait long rather than hold its batch.
   */
  readyIn?: (to: string, now: number, priority: SendPriority) => number;
  send: (m: OutgoingMessage) => Promise<SendResult | void>;
  close: () => void;
};

/** Lanes of a transport that does not say how many sends its provider takes at once. */
export const DEFAULT_CONCURRENCY = 4;

/** Seconds until the next attempt after `attempts` failed ones; null when it is time to give up. */
export function nextRetrySeconds(policy: RetryPolicy, attempts: number): number | null {
  if (attempts >= policy.maxAttempts) return null;
  return Math.min(policy.maxSeconds, policy.baseSeconds * 2 ** attempts);
}

/** E-mail over the MailTransport (SMTP): mail servers queue too, so retry long and patiently. */
export function emailTransport(mail: MailTransport, from: string): Transport {
  return {
    channel: "email",
    retry: { maxAttempts: 8, baseSeconds: 5, maxSeconds: 3600 },
    // A mail server takes a few connections from one sender, not dozens.
    concurrency: 2,
    send: async (m) =>
      mail.send({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        ...(m.html ? { html: m.html } : {}),
        ...(m.attachments?.length ? { attachments: m.attachments } : {}),
      }),
    close: () => mail.close(),
  };
}
