import { toGsmFriendly } from "@equeue/core";
import { gatewayPhone } from "./sms-transport";
import { PermanentError, RetryAfterError, type Transport } from "./transport";

export type PlayMobileConfig = {
  /** Base URL of the broker, e.g. https://send.smsxabar.uz */
  url: string;
  login: string;
  password: string;
  /** The sender name or short number ("originator") Play Mobile assigned. */
  originator: string;
  timeoutMs?: number;
  /** Sends in flight at once; 8 by default. */
  concurrency?: number;
};

/** Play Mobile's error code for its own failure: the one 400 worth trying again. */
const internalError = 100;

/** Failures before the request reached the broker: nothing was taken, sending again is safe. */
const NOT_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);
const neverConnected = (err: unknown) => {
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === "string" && NOT_CONNECTED.has(cause.code);
};

/**
 * SMS through Play Mobile's broker API (Uzbekistan; also sold as smsxabar.uz): one POST to
 * `/broker-api/send` with HTTP Basic auth and a JSON body
 * `{messages: [{recipient, "message-id", sms: {originator, content: {text}}}]}`, where the
 * message-id is our outbox id. Any 2xx is taken; a 400 names the error (`error-code`,
 * `error-description`): a request wrong as sent fails for good, the broker's own internal error
 * (100) is tried again, as is a 5xx. Unlike the Eskiz-shaped gateway, the broker cannot be asked
 * whether it took a message, so a timeout is never sent again blind: the message FAILS with that
 * reason, and the super admin retries it by hand from the outbox if the customer did not get it.
 */
export function playMobileTransport(cfg: PlayMobileConfig): Transport {
  const endpoint = `${cfg.url.replace(/\/$/, "")}/broker-api/send`;
  const timeoutMs = cfg.timeoutMs ?? 10_000;
  const auth = `Basic ${Buffer.from(`${cfg.login}:${cfg.password}`).toString("base64")}`;

  return {
    channel: "sms",
    retry: { maxAttempts: 4, baseSeconds: 10, maxSeconds: 300 },
    concurrency: cfg.concurrency ?? 8,
    send: async (m) => {
      let res: Response;
      try {
        res = await fetch(endpoint, {
          method: "POST",
          headers: { authorization: auth, "content-type": "application/json" },
          body: JSON.stringify({
            messages: [
              {
                recipient: gatewayPhone(m.to),
                "message-id": m.id,
                sms: { originator: cfg.originator, content: { text: toGsmFriendly(m.text) } },
              },
            ],
          }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        if (neverConnected(err)) throw err;
        // No answer in time, or the connection broke mid-request: the broker may have taken it.
        throw new PermanentError(
          "Play Mobile did not answer in time and cannot be asked whether it took the message, " +
            "so it is not sent again (that could be a second SMS). Retry it from the outbox if " +
            "the customer did not get it.",
        );
      }
      // Taken: the answer's body is not needed, and a failure reading it must not send again.
      if (res.ok) {
        await res.body?.cancel().catch(() => {});
        return {};
      }
      const text = await res.text().catch(() => "");
      if (res.status === 429) {
        const wait = Number(res.headers.get("retry-after"));
        throw new RetryAfterError(
          `Play Mobile: 429 ${text.slice(0, 200)}`,
          Number.isFinite(wait) && wait > 0 ? wait : 60,
        );
      }
      if (res.status === 401) {
        throw new Error("Play Mobile refused the login: check SMS_GATEWAY_LOGIN and its password.");
      }
      if (res.status === 400) {
        const body = parseError(text);
        const message = `Play Mobile refused the message: ${body.code ?? "?"} ${body.description ?? text.slice(0, 200)}`;
        if (body.code === internalError) throw new Error(message);
        throw new PermanentError(message);
      }
      throw new Error(`Play Mobile: ${res.status} ${text.slice(0, 200)}`);
    },
    close: () => {},
  };
}

function parseError(text: string): { code?: number; description?: string } {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    const code = Number(body["error-code"]);
    const description = body["error-description"];
    return {
      ...(Number.isFinite(code) && { code }),
      ...(typeof description === "string" && { description }),
    };
  } catch {
    return {};
  }
}
