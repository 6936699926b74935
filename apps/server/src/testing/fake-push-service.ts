import {
  createECDH,
  createDecipheriv,
  createPublicKey,
  hkdfSync,
  randomBytes,
  verify,
} from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/** A message the fake push service received and decrypted. */
export type ReceivedPush = {
  /** Which subscription (the last path segment of its endpoint). */
  id: string;
  /** The decrypted payload, as the browser's service worker would get it. */
  text: string;
  ttl: number;
  urgency: string | null;
  /** The VAPID `sub` claim (who to contact) and the public key that signed. */
  subject: string;
  vapidKey: string;
};

/** A browser's side of a subscription: what PushSubscription.toJSON() gives, and its secrets. */
export type FakeBrowserSubscription = {
  endpoint: string;
  keys: { p256dh: string; auth: string };
};

const b64u = (b: Buffer) => b.toString("base64url");

/** RFC 8291 (aes128gcm): the plaintext of one push message, decrypted as a browser does. */
export function decryptPushMessage(
  body: Buffer,
  browser: { privateKey: Buffer; publicKey: Buffer; auth: Buffer },
): string {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idLength = body[20]!;
  const senderKey = body.subarray(21, 21 + idLength);
  const records = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`keyid is ${idLength} bytes, not a P-256 public key`);
  if (records.length > rs) throw new Error("more than one record: not what a push sender sends");
  const ecdh = createECDH("prime256v1");
  ecdh.setPrivateKey(browser.privateKey);
  const shared = ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), browser.publicKey, senderKey]);
  const ikm = Buffer.from(hkdfSync("sha256", shared, browser.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, "Content-Encoding: aes128gcm\0", 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, "Content-Encoding: nonce\0", 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([
    decipher.update(records.subarray(0, records.length - 16)),
    decipher.final(),
  ]);
  // The last record ends with 0x02 and optional zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("no last-record delimiter");
  return padded.subarray(0, end).toString("utf8");
}

/** Checks `Authorization: vapid t=<JWT>, k=<key>` (RFC 8292) for this audience; its claims. */
function verifyVapid(header: string | undefined, audience: string) {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? "");
  if (!m) throw new Error(`no VAPID authorization: ${header}`);
  const [jwt, k] = [m[1]!, m[2]!];
  const [h, p, sig] = jwt.split(".");
  const head = JSON.parse(Buffer.from(h!, "base64url").toString()) as { alg?: string };
  if (head.alg !== "ES256") throw new Error(`JWT alg ${head.alg}`);
  const raw = Buffer.from(k, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: b64u(raw.subarray(1, 33)),
      y: b64u(raw.subarray(33, 65)),
    },
    format: "jwk",
  });
  const ok = verify(
    "sha256",
    Buffer.from(`${h}.${p}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(sig!, "base64url"),
  );
  if (!ok) throw new Error("VAPID signature does not verify");
  const claims = JSON.parse(Buffer.from(p!, "base64url").toString()) as {
    aud?: string;
    exp?: number;
    sub?: string;
  };
  if (claims.aud !== audience) throw new Error(`VAPID aud ${claims.aud}, expected ${audience}`);
  const now = Date.now() / 1000;
  if (!claims.exp || claims.exp < now || claims.exp > now + 24 * 3600)
    throw new Error("VAPID exp is not within 24 hours");
  return { subject: claims.sub ?? "", vapidKey: k };
}

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

/**
 * A push service (RFC 8030) on loopback that speaks the real protocol: it takes the encrypted
 * aes128gcm POST a sender makes to a subscription's endpoint, checks its VAPID signature and
 * audience, decrypts it with the browser keys `subscribe()` made, and records the plaintext.
 * `failNext(status, n)` answers the next sends with 410 (gone), 429 (with Retry-After), 500…
 * A message that does not decrypt or verify is answered 400 and recorded in `rejected`.
 */
export async function startFakePushService(opts: { onPush?: (p: ReceivedPush) => void } = {}) {
  const browsers = new Map<string, { privateKey: Buffer; publicKey: Buffer; auth: Buffer }>();
  const received: ReceivedPush[] = [];
  const rejected: string[] = [];
  const failures: { status: number; retryAfter?: number; only?: string }[] = [];
  const dropped = new Set<string>();
  let seq = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const m = /^\/push\/([\w-]+)$/.exec(req.url ?? "");
      const browser = m ? browsers.get(m[1]!) : undefined;
      if (m && dropped.has(m[1]!)) {
        res.writeHead(410).end("push subscription has unsubscribed or expired");
        return;
      }
      if (req.method !== "POST" || !m || !browser) {
        res.writeHead(404).end();
        return;
      }
      const at = failures.findIndex((f) => f.only === undefined || f.only === m[1]);
      const fail = at >= 0 ? failures.splice(at, 1)[0] : undefined;
      if (fail) {
        res.writeHead(
          fail.status,
          fail.retryAfter ? { "retry-after": String(fail.retryAfter) } : {},
        );
        res.end(`failing on demand: ${fail.status}`);
        return;
      }
      try {
        if (req.headers["content-encoding"] !== "aes128gcm")
          throw new Error(`content-encoding ${req.headers["content-encoding"]}`);
        const ttl = Number(req.headers.ttl);
        if (!Number.isInteger(ttl) || ttl < 0) throw new Error("no TTL header");
        const vapid = verifyVapid(req.headers.authorization, url);
        const text = decryptPushMessage(body, browser);
        const push: ReceivedPush = {
          id: m[1]!,
          text,
          ttl,
          urgency: (req.headers.urgency as string | undefined) ?? null,
          ...vapid,
        };
        received.push(push);
        opts.onPush?.(push);
        res.writeHead(201, { location: `${url}/message/${++seq}` }).end();
      } catch (err) {
        rejected.push(err instanceof Error ? err.message : String(err));
        res.writeHead(400).end(String(err));
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    rejected,
    /** A new browser subscription at this service (keys made here, as a browser would). */
    subscribe(id = `sub-${randomBytes(6).toString("hex")}`) {
      const ecdh = createECDH("prime256v1");
      const publicKey = ecdh.generateKeys();
      const auth = randomBytes(16);
      browsers.set(id, { privateKey: ecdh.getPrivateKey(), publicKey, auth });
      const subscription: FakeBrowserSubscription = {
        endpoint: `${url}/push/${id}`,
        keys: { p256dh: b64u(publicKey), auth: b64u(auth) },
      };
      return { id, subscription };
    },
    /** The browser dropped it: its endpoint answers 410 from now on (as real services do). */
    drop(id: string) {
      browsers.delete(id);
      dropped.add(id);
    },
    /** The next `n` sends (to subscription `only`, or any) answer `status`. */
    failNext(status: number, n = 1, retryAfter?: number, only?: string) {
      for (let i = 0; i < n; i++)
        failures.push({
          status,
          ...(retryAfter !== undefined && { retryAfter }),
          ...(only !== undefined && { only }),
        });
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
