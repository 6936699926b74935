import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

const TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 4096;

/**
 * POSTs one signed body to `url`, connecting to `address` (the one the SSRF guard checked, so a
 * second DNS answer cannot point elsewhere). Resolves with the status; rejects on a network
 * error or a timeout. Redirects are not followed (a 3xx is a failure like any non-2xx).
 */
export function postWebhook(
  url: URL,
  address: { address: string; family: number },
  body: string,
  headers: Record<string, string>,
  timeoutMs = TIMEOUT_MS,
): Promise<number> {
  const pinned: LookupFunction = (_host, opts, done) => {
    if (opts.all) done(null, [address]);
    else done(null, address.address, address.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: "POST",
        lookup: pinned,
        timeout: timeoutMs,
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "E-Queue-Webhooks/1",
          ...headers,
        },
      },
      (res) => {
        let read = 0;
        res.on("data", (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) res.destroy();
        });
        res.on("close", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}
