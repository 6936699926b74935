import type { Transport } from "./transport";

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
};

/**
 * Latin Uzbek apostrophes (ʻ ʼ ‘ ’ `) become ASCII ', so a text stays in GSM-7 (160 characters
 * a segment) instead of UCS-2 (70): "oʻ" and "gʻ" are in most Uzbek words.
 */
export function toGsmFriendly(text: string): string {
  return text.replace(/[\u02BB\u02BC\u2018\u2019`]/g, "'");
}

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

/**
 * SMS through an HTTP gateway shaped like Eskiz (Uzbekistan): log in with e-mail and password
 * for a bearer token, keep it, log in again when the gateway answers 401, and send with
 * mobile_phone, message, from and callback_url. The gateway's message id is returned.
 */
export function smsTransport(cfg: SmsGatewayConfig): Transport {
  const base = cfg.url.replace(/\/$/, "");
  const timeoutMs = cfg.timeoutMs ?? 10_000;
  let token: string | null = null;

  const post = async (path: string, fields: Record<string, string>, bearer?: string) => {
    const res = await fetch(`${base}${path}`, {
      method: "POST",
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      body: new URLSearchParams(fields),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    if (!res.ok)
      throw new GatewayError(
        `SMS gateway ${path}: ${res.status} ${text.slice(0, 200)}`,
        res.status,
      );
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };

  const login = async () => {
    const body = await post("/api/auth/login", { email: cfg.email, password: cfg.password });
    const t = (body.data as { token?: unknown } | undefined)?.token;
    if (typeof t !== "string") throw new Error("SMS gateway login: no token in the answer");
    token = t;
    return t;
  };

  const send = async (fields: Record<string, string>) => {
    const bearer = token ?? (await login());
    try {
      return await post("/api/message/sms/send", fields, bearer);
    } catch (err) {
      if (!(err instanceof GatewayError) || err.status !== 401) throw err;
      // The token expired (they last 30 days): one fresh login, one more try.
      return post("/api/message/sms/send", fields, await login());
    }
  };

  return {
    channel: "sms",
    // SMS is for things that matter now (a code, "your turn"): a few quick tries, then give up.
    retry: { maxAttempts: 4, baseSeconds: 10, maxSeconds: 300 },
    send: async (m) => {
      await send({
        mobile_phone: gatewayPhone(m.to),
        message: toGsmFriendly(m.text),
        from: cfg.from,
        ...(cfg.callbackUrl && { callback_url: cfg.callbackUrl }),
      });
    },
    close: () => {
      token = null;
    },
  };
}
