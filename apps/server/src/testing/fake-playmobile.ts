import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export type BrokerSms = { recipient: string; messageId: string; originator: string; text: string };

/** What the next send answers instead of accepting it. */
export type BrokerFault = 500 | "internal" | "timeout";

/**
 * Play Mobile's broker API on loopback (real HTTP), as its documentation and clients describe
 * it: POST /broker-api/send with HTTP Basic auth and `{messages: [{recipient, "message-id",
 * sms: {originator, content: {text}}}]}`; it answers 200 "Request is received", 401 to a wrong
 * login, and 400 with `{"error-code", "error-description"}` to a malformed request (101 syntax,
 * 202 no recipient, 205 no message-id, 401 no originator, 404 no content). `failNext()` makes the
 * next sends answer 500, a 400 with code 100 (its internal error), or "timeout": the message IS
 * taken, but the answer never comes.
 */
export async function startFakePlayMobile(creds: { login: string; password: string }) {
  const taken: BrokerSms[] = [];
  const faults: BrokerFault[] = [];
  const hanging = new Set<() => void>();
  const basic = `Basic ${Buffer.from(`${creds.login}:${creds.password}`).toString("base64")}`;
  const server = createServer((req, res) => {
    void (async () => {
      let raw = "";
      for await (const chunk of req) raw += String(chunk);
      const error = (status: number, code?: number, description?: string) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(
          code === undefined
            ? ""
            : JSON.stringify({ "error-code": code, "error-description": description }),
        );
      };
      if (req.method !== "POST" || req.url !== "/broker-api/send") return error(404);
      if (req.headers.authorization !== basic) return error(401);
      let body: { messages?: unknown };
      try {
        body = JSON.parse(raw) as { messages?: unknown };
      } catch {
        return error(400, 101, "Syntax error");
      }
      if (!Array.isArray(body.messages) || body.messages.length === 0)
        return error(400, 101, "Syntax error");
      const batch: BrokerSms[] = [];
      for (const m of body.messages as Record<string, unknown>[]) {
        const sms = m.sms as { originator?: unknown; content?: { text?: unknown } } | undefined;
        if (typeof m.recipient !== "string" || !/^998\d{9}$/.test(m.recipient))
          return error(400, 202, "Empty recipient");
        if (typeof m["message-id"] !== "string" || m["message-id"] === "")
          return error(400, 205, "Empty message-id");
        if (typeof sms?.originator !== "string") return error(400, 401, "Empty originator");
        if (typeof sms.content?.text !== "string" || sms.content.text === "")
          return error(400, 404, "Empty content");
        batch.push({
          recipient: m.recipient,
          messageId: m["message-id"],
          originator: sms.originator,
          text: sms.content.text,
        });
      }
      const fault = faults.shift();
      if (fault === 500) return error(500);
      if (fault === "internal") return error(400, 100, "Internal server error");
      taken.push(...batch);
      if (fault === "timeout") {
        // Taken, but the answer never comes (until close).
        hanging.add(() => res.destroy());
        return;
      }
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("Request is received");
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    taken,
    failNext: (...f: BrokerFault[]) => faults.push(...f),
    close: async () => {
      for (const h of hanging) h();
      hanging.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
