import webpush from "web-push";
import type { Db } from "../../../db/database";
import { PermanentError, RetryAfterError, type Transport } from "../../outbox";
import type { VapidKeys } from "./vapid-keys";

/** What a push message carries to the service worker (JSON, encrypted on the wire). */
export type PushPayload = { title: string; body: string; url: string; tag: string };

/** How long a push service keeps a message for a phone that is offline: a queue moves on. */
const TTL_SECONDS = 30 * 60;
/** A VAPID signature is valid this long (RFC 8292 allows up to 24 h) and reused until an hour before. */
const VAPID_VALID_SECONDS = 12 * 3600;
const VAPID_RENEW_BEFORE_MS = 3600_000;

/**
 * The VAPID `Authorization` header for a push service (by origin), signed once and reused until
 * it nears its expiry: signing it (ECDSA) for every message cost more of the server than any
 * other part of a push send.
 */
function vapidAuthorization(vapid: VapidKeys): (endpoint: string) => string {
  const signed = new Map<string, { header: string; renewAt: number }>();
  return (endpoint) => {
    const audience = new URL(endpoint).origin;
    const now = Date.now();
    const hit = signed.get(audience);
    if (hit && hit.renewAt > now) return hit.header;
    const expires = Math.floor(now / 1000) + VAPID_VALID_SECONDS;
    const { Authorization } = webpush.getVapidHeaders(
      audience,
      vapid.subject,
      vapid.publicKey,
      vapid.privateKey,
      "aes128gcm",
      expires,
    );
    // Few push services exist (FCM, Mozilla, Apple, …); a flood of odd origins is not kept.
    if (signed.size >= 100) signed.clear();
    signed.set(audience, {
      header: Authorization,
      renewAt: expires * 1000 - VAPID_RENEW_BEFORE_MS,
    });
    return Authorization;
  };
}

/**
 * Web push (RFC 8030, 8291, 8292) as an outbox transport: the message's recipient is a row of
 * `platform.push_subscriptions`; its text (the JSON payload) is encrypted for that browser
 * (aes128gcm) and POSTed to its push service with a VAPID signature. 404 or 410 means the
 * browser dropped the subscription: it is deleted (every ticket it followed) and the message
 * fails for good. 429 waits for Retry-After; 5xx and network errors are retried; other 4xx fail.
 */
export function pushTransport(
  db: Db,
  vapid: VapidKeys,
  opts: { timeoutMs?: number } = {},
): Transport {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const subscription = subscriptionLoader(db);
  const authorization = vapidAuthorization(vapid);
  return {
    channel: "push",
    // "Your turn" is news for minutes, not hours: a few quick tries.
    retry: { maxAttempts: 5, baseSeconds: 5, maxSeconds: 300 },
    // Push services (FCM, Mozilla, Apple) take many requests at once.
    concurrency: 16,
    send: async (m) => {
      const sub = await subscription(m.to);
      if (!sub) throw new PermanentError("The push subscription no longer exists.");
      const details = webpush.generateRequestDetails(
        { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
        m.text,
        {
          // Signed once per push service (above), not per message: no vapidDetails here (the
          // library's global ones are never set, so it adds no signature of its own).
          headers: { Authorization: authorization(sub.endpoint) },
          TTL: TTL_SECONDS,
          contentEncoding: "aes128gcm",
          urgency: "high",
        },
      );
      // fetch sets Content-Length itself.
      const headers = Object.fromEntries(
        Object.entries(details.headers).filter(([k]) => k.toLowerCase() !== "content-length"),
      ) as Record<string, string>;
      const res = await fetch(details.endpoint, {
        method: "POST",
        headers,
        body: details.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = (await res.text()).slice(0, 200);
      if (res.status === 404 || res.status === 410) {
        await db
          .deleteFrom("platform.push_subscriptions")
          .where("endpoint", "=", sub.endpoint)
          .execute();
        throw new PermanentError(
          `Push service ${res.status}: the browser dropped this subscription; it was deleted.`,
        );
      }
      if (res.status === 429) {
        const wait = Number(res.headers.get("retry-after"));
        throw new RetryAfterError(
          `Push service 429 ${text}`,
          Number.isFinite(wait) && wait > 0 ? wait : 30,
        );
      }
      if (res.status >= 500) throw new Error(`Push service ${res.status} ${text}`);
      if (!res.ok) throw new PermanentError(`Push service refused: ${res.status} ${text}`);
      const location = res.headers.get("location");
      return location ? { providerId: location.slice(0, 500) } : {};
    },
    close: () => {},
  };
}

type Subscription = { endpoint: string; p256dh: string; auth: string };

/**
 * Finds push subscriptions by id, those asked for in the same turn of the event loop in one
 * statement: a batch's sends start together, and one lookup each would take as many of the
 * background pool's connections.
 */
function subscriptionLoader(db: Db): (id: string) => Promise<Subscription | undefined> {
  let asked: Map<string, ((s: Subscription | undefined) => void)[]> | null = null;
  let failed: ((err: unknown) => void)[] = [];
  const load = async () => {
    const batch = asked!;
    const fail = failed;
    asked = null;
    failed = [];
    try {
      const rows = await db
        .selectFrom("platform.push_subscriptions")
        .select(["id", "endpoint", "p256dh", "auth"])
        .where("id", "in", [...batch.keys()])
        .execute();
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const [id, waiting] of batch) for (const w of waiting) w(byId.get(id));
    } catch (err) {
      for (const f of fail) f(err);
    }
  };
  return (id) =>
    new Promise((resolve, reject) => {
      if (!asked) {
        asked = new Map();
        setImmediate(() => void load());
      }
      asked.set(id, [...(asked.get(id) ?? []), resolve]);
      failed.push(reject);
    });
}
