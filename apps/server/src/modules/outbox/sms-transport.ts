import { toGsmFriendly } from "@equeue/core";
import { RetryAfterError, type Transport } from "./transport";

export type SmsGatewayConfig = {
  /** Base URL of an Eskiz-shaped gateway, e.g. https://notify.eskiz.uz */
  url: string;
  email: string;
  password: string;
  /** Sender name or short number the gateway assigned. */
  from: string;
  /** Where the gateway posts delivery reports (optional). */
  callbackUrl?: string;
  timeoutMs?: number;
  /** Sends in flight at once (the gateway's limit for one account); 8 by default. */
  concurrency?: number;
};

export { toGsmFriendly };

/** +998 90 123-45-67 → 998901234567, the form the gateway takes. */
export const gatewayPhone = (phone: string) => phone.replace(/\D/g, "");

class GatewayError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** No answer in time, or the connection broke mid-request: the gateway may have sent it. */
const isAmbiguous = (err: unknown) =>
  err instanceof Error &&
  !(err instanceof GatewayError) &&
  (err.name === "TimeoutError" || err.name === "AbortError" || err.message === "fetch failed");

/**
 * SMS through an HTTP gateway shaped like Eskiz (Uzbekistan): log in with e-mail and password
 * for a bearer token, keep it, log in again when the gateway answers 401 (once), and send with
 * mobile_phone, message, from, callback_url and our outbox id as user_sms_id. Gateways do not
 * de-duplicate, so an unclear outcome (a timeout) is settled by asking the gateway for the
 * message by our id — before giving up on the attempt, and again before any retry sends —
 * never by sending blind. A 429 waits as long as the gateway asks.
 */
export function smsTransport(cfg: SmsGatewayConfig): Transport {
  const base = cfg.url.replace(/\/$/, "");
  const timeoutMs = cfg.timeoutMs ?? 10_000;
  let token: string | null = null;
  /** A login under way: sends side by side share it instead of each logging in. */
  let loggingIn: Promise<string> | null = null;

  const request = async (
    method: "GET" | "POST",
    path: string,
    fields: Record<string, string> | null,
    bearer?: string,
  ) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      ...(fields && { body: new URLSearchParams(fields) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (res.status === 429) {
      const wait = Number(res.headers.get("retry-after"));
      throw new RetryAfterError(
        `SMS gateway ${path}: 429 ${text.slice(0, 200)}`,
        Number.isFinite(wait) && wait > 0 ? wait : 60,
      );
    }
    if (!res.ok)
      throw new GatewayError(
        `SMS gateway ${path}: ${res.status} ${text.slice(0, 200)}`,
        res.status,
      );
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };

  const freshLogin = async () => {
    const body = await request("POST", "/api/auth/login", {
      email: cfg.email,
      password: cfg.password,
    });
    const t = (body.data as { token?: unknown } | undefined)?.token;
    if (typeof t !== "string") throw new Error("SMS gateway login: no token in the answer");
    token = t;
    return t;
  };
  const login = () => {
    loggingIn ??= freshLogin().finally(() => {
      loggingIn = null;
    });
    return loggingIn;
  };

  /** A request with the bearer token; on 401 one fresh login (tokens last 30 days), one retry. */
  const authed = async (
    method: "GET" | "POST",
    path: string,
    fields: Record<string, string> | null,
  ) => {
    const bearer = token ?? (await login());
    try {
      return await request(method, path, fields, bearer);
    } catch (err) {
      if (!(err instanceof GatewayError) || err.status !== 401) throw err;
      // Another send may have logged in again meanwhile: use its token, else log in.
      const fresh = token !== null && token !== bearer ? token : await login();
      return request(method, path, fields, fresh);
    }
  };

  /** The gateway's id for the message we sent as `ref`, or null when it has none. */
  const lookup = async (ref: string): Promise<string | null> => {
    try {
      const body = await authed(
        "GET",
        `/api/message/sms/status-by-user-sms-id/${encodeURIComponent(ref)}`,
        null,
      );
      const id = (body.data as { id?: unknown } | undefined)?.id;
      return id === undefined || id === null ? null : String(id);
    } catch (err) {
      if (err instanceof GatewayError && err.status === 404) return null;
      throw err;
    }
  };

  return {
    channel: "sms",
    // SMS is for things that matter now (a code, "your turn"): a few quick tries, then give up.
    retry: { maxAttempts: 4, baseSeconds: 10, maxSeconds: 300 },
    concurrency: cfg.concurrency ?? 8,
    send: async (m) => {
      // An earlier attempt may have reached the gateway though we never heard back.
      if (m.attempts > 0) {
        const known = await lookup(m.id);
        if (known) return { providerId: known };
      }
      try {
        const body = await authed("POST", "/api/message/sms/send", {
          mobile_phone: gatewayPhone(m.to),
          message: toGsmFriendly(m.text),
          from: cfg.from,
          user_sms_id: m.id,
          ...(cfg.callbackUrl && { callback_url: cfg.callbackUrl }),
        });
        return body.id === undefined ? {} : { providerId: String(body.id) };
      } catch (err) {
        if (!isAmbiguous(err)) throw err;
        const known = await lookup(m.id).catch(() => null);
        if (known) return { providerId: known };
        throw new Error(
          `SMS gateway did not answer in time and has no message ${m.id} yet; ` +
            "the next attempt checks again before it sends",
        );
      }
    },
    close: () => {
      token = null;
      loggingIn = null;
    },
  };
}
