import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type GatewaySms = {
  mobile_phone: string;
  message: string;
  from: string;
  callback_url?: string;
  user_sms_id?: string;
};

/** What the next send answers instead of accepting: an HTTP error, or no answer at all. */
export type GatewayFault = 401 | 429 | 500 | "timeout";

const readForm = async (req: IncomingMessage) => {
  let raw = "";
  for await (const chunk of req) raw += String(chunk);
  return Object.fromEntries(new URLSearchParams(raw));
};

/**
 * An SMS gateway shaped like Eskiz on loopback (real HTTP): login with e-mail and password
 * hands out a bearer token; `expireToken()` makes the current one answer 401, as an expired
 * token does; send records the message and answers with an id; a status check finds a message
 * by the sender's user_sms_id. `failNext()` makes the next sends answer 401, 429 (Retry-After),
 * 500, or "timeout": the message IS recorded (the gateway took it) but the answer never comes,
 * which is what makes a blind re-send a double SMS. `report()` posts a delivery report to the
 * message's callback URL. `onSend` hears of each message as it is taken (the bench times it).
 */
export async function startFakeSmsGateway(
  creds: { email: string; password: string },
  opts: { onSend?: (sms: GatewaySms & { id: string }) => void; delayMs?: number } = {},
) {
  const sent: (GatewaySms & { id: string })[] = [];
  const logins: string[] = [];
  const statusChecks: string[] = [];
  const faults: GatewayFault[] = [];
  const hanging = new Set<() => void>();
  let valid: string | null = null;
  let issued = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const form = await readForm(req);
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      };
      if (req.method === "POST" && req.url === "/api/auth/login") {
        if (form.email !== creds.email || form.password !== creds.password)
          return json(401, { message: "Invalid credentials" });
        valid = `token-${++issued}`;
        logins.push(valid);
        return json(200, { message: "token_generated", data: { token: valid } });
      }
      const authorized = req.headers.authorization === `Bearer ${valid}`;
      if (req.method === "POST" && req.url === "/api/message/sms/send") {
        if (!authorized) return json(401, { message: "Expired" });
        const fault = faults.shift();
        if (opts.delayMs) {
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          await new Promise((r) => setTimeout(r, opts.delayMs));
          inFlight--;
        }
        if (fault === 401) return json(401, { message: "Expired" });
        if (fault === 429)
          return json(429, { message: "Too many requests" }, { "retry-after": "120" });
        if (fault === 500) return json(500, { message: "Provider error" });
        const id = `sms-${sent.length + 1}`;
        const sms = { ...(form as GatewaySms), id };
        sent.push(sms);
        opts.onSend?.(sms);
        if (fault === "timeout") {
          // Taken, but the answer never comes (until the gateway closes).
          hanging.add(() => res.destroy());
          return;
        }
        return json(200, { id, status: "waiting", message: "Waiting for SMS provider" });
      }
      const status = /^\/api\/message\/sms\/status-by-user-sms-id\/([^/]+)$/.exec(req.url ?? "");
      if (req.method === "GET" && status) {
        if (!authorized) return json(401, { message: "Expired" });
        const ref = decodeURIComponent(status[1]!);
        statusChecks.push(ref);
        const found = sent.find((s) => s.user_sms_id === ref);
        if (!found) return json(404, { message: "Not found" });
        return json(200, { status: "success", data: { id: found.id, status: "TRANSMTD" } });
      }
      json(404, { message: "not found" });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    logins,
    statusChecks,
    /** The most sends handled at once (with `delayMs`). */
    get maxInFlight() {
      return maxInFlight;
    },
    resetInFlight: () => {
      maxInFlight = inFlight;
    },
    expireToken: () => {
      valid = "expired-everywhere";
    },
    failNext: (...next: GatewayFault[]) => void faults.push(...next),
    /** Posts the gateway's delivery report for a sent message to its callback URL. */
    report: async (sms: GatewaySms & { id: string }, status = "DELIVRD") => {
      const res = await fetch(sms.callback_url!, {
        method: "POST",
        body: new URLSearchParams({
          message_id: sms.id,
          user_sms_id: sms.user_sms_id ?? "",
          phone_number: sms.mobile_phone,
          status,
        }),
      });
      return res.status;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const end of hanging) end();
        hanging.clear();
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
