/**
 * A company's webhook receiver on loopback, written from docs/api.md ("Webhooks", Verifying)
 * and not from the server's code, so that a drift between the two fails the bench: parse
 * `X-EQueue-Signature: t=<unix seconds>,v1=<hex>`, refuse a timestamp outside the 300 s replay
 * window, recompute HMAC-SHA256(secret, "<t>.<raw body>") over the bytes as received and compare
 * in constant time. A verified delivery is answered 200 and its arrival time recorded (Date.now,
 * the same clock as the bench's HTTP answers); a bad signature is answered 401 and counted.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

const REPLAY_WINDOW_SECONDS = 300;

export type WebhookArrival = {
  /** The receiver's name for the endpoint (its path `/hooks/<endpoint>`). */
  endpoint: string;
  /** The body's `id`, `<company>.<event>`: the same on a re-send. */
  id: string;
  /** The event's number in its company's stream (the part after the dot): per-ticket order. */
  seq: number;
  type: string;
  ticketId: string;
  delivery: string;
  at: number;
};

/** Whether `header` signs `raw` with `secret` within the replay window (docs/api.md). */
export function verifySignature(
  secret: string,
  raw: Buffer,
  header: string,
  nowSeconds: number,
): boolean {
  const parts = new Map<string, string>();
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const t = parts.get("t");
  const v1 = parts.get("v1");
  if (!t || !v1 || !/^\d+$/.test(t) || !/^[0-9a-f]+$/i.test(v1)) return false;
  if (Math.abs(nowSeconds - Number(t)) > REPLAY_WINDOW_SECONDS) return false;
  const expected = createHmac("sha256", secret).update(`${t}.`).update(raw).digest();
  const given = Buffer.from(v1, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type WebhookReceiver = {
  /** The address of one endpoint: `http://127.0.0.1:<port>/hooks/<endpoint>`. */
  urlOf: (endpoint: string) => string;
  /** Tells the receiver an endpoint's signing secret (answered once, when it was created). */
  setSecret: (endpoint: string, secret: string) => void;
  arrivals: WebhookArrival[];
  badSignatures: { count: number; samples: string[] };
  /** Deliveries to a path with no secret, or a body that is not an event. */
  malformed: { count: number; samples: string[] };
  close: () => Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const secrets = new Map<string, string>();
  const arrivals: WebhookArrival[] = [];
  const badSignatures = { count: 0, samples: [] as string[] };
  const malformed = { count: 0, samples: [] as string[] };
  const note = (into: { count: number; samples: string[] }, what: string) => {
    into.count++;
    if (into.samples.length < 5) into.samples.push(what);
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const at = Date.now();
      const endpoint = /^\/hooks\/([\w-]+)$/.exec(req.url ?? "")?.[1] ?? "";
      const secret = secrets.get(endpoint);
      const raw = Buffer.concat(chunks);
      if (req.method !== "POST" || !secret) {
        note(malformed, `${req.method} ${req.url}`);
        res.statusCode = 404;
        return res.end();
      }
      const header = String(req.headers["x-equeue-signature"] ?? "");
      if (!verifySignature(secret, raw, header, Math.floor(at / 1000))) {
        note(badSignatures, `${endpoint}: ${header.slice(0, 80)}`);
        res.statusCode = 401;
        return res.end();
      }
      let event: { id?: unknown; type?: unknown; data?: { ticketId?: unknown } };
      try {
        event = JSON.parse(raw.toString("utf8")) as typeof event;
      } catch {
        event = {};
      }
      const id = typeof event.id === "string" ? event.id : "";
      const seq = Number(id.split(".")[1]);
      if (!id || !Number.isInteger(seq) || typeof event.data?.ticketId !== "string") {
        note(malformed, `${endpoint}: ${raw.toString("utf8").slice(0, 120)}`);
      } else {
        arrivals.push({
          endpoint,
          id,
          seq,
          type: String(event.type),
          ticketId: event.data.ticketId,
          delivery: String(req.headers["x-equeue-delivery"] ?? ""),
          at,
        });
      }
      // Duplicates are answered 2xx too, as the docs ask receivers to (deliveries are at least
      // once); the bench counts them.
      res.statusCode = 200;
      res.end();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    urlOf: (endpoint) => `http://127.0.0.1:${port}/hooks/${endpoint}`,
    setSecret: (endpoint, secret) => void secrets.set(endpoint, secret),
    arrivals,
    badSignatures,
    malformed,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
