import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type GatewaySms = {
  mobile_phone: string;
  message: string;
  from: string;
  callback_url?: string;
};

const readForm = async (req: IncomingMessage) => {
  let raw = "";
  for await (const chunk of req) raw += String(chunk);
  return Object.fromEntries(new URLSearchParams(raw));
};

/**
 * An SMS gateway shaped like Eskiz on loopback (real HTTP): login with e-mail and password
 * hands out a bearer token; `expireToken()` makes the current one answer 401, as an expired
 * token does; send records the message and answers with an id.
 */
export async function startFakeSmsGateway(creds: { email: string; password: string }) {
  const sent: GatewaySms[] = [];
  const logins: string[] = [];
  let valid: string | null = null;
  let issued = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const form = await readForm(req);
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method === "POST" && req.url === "/api/auth/login") {
        if (form.email !== creds.email || form.password !== creds.password)
          return json(401, { message: "Invalid credentials" });
        valid = `token-${++issued}`;
        logins.push(valid);
        return json(200, { message: "token_generated", data: { token: valid } });
      }
      if (req.method === "POST" && req.url === "/api/message/sms/send") {
        if (req.headers.authorization !== `Bearer ${valid}`)
          return json(401, { message: "Expired" });
        sent.push(form as GatewaySms);
        return json(200, {
          id: `sms-${sent.length}`,
          status: "waiting",
          message: "Waiting for SMS provider",
        });
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
    expireToken: () => {
      valid = "expired-everywhere";
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
