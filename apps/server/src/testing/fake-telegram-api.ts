import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type SentTelegram = { chat_id: string; text: string };
export type SentAt = { chat_id: string; at: number };

const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  let raw = "";
  for await (const chunk of req) raw += String(chunk);
  if (!raw) return {};
  if ((req.headers["content-type"] ?? "").includes("application/json")) return JSON.parse(raw);
  return Object.fromEntries(new URLSearchParams(raw));
};

/**
 * The Telegram Bot API on loopback (real HTTP, the real JSON shapes): /bot<token>/<method> for
 * getMe, getUpdates (long polling, held briefly), deleteWebhook and sendMessage. It records
 * what was sent; `failNext(n)` makes the next sendMessage calls answer 429 with retry_after;
 * `start(chatId, payload)` queues the update a user's tap on a t.me deep link produces;
 * `contact(chatId, contact)` the one a user sharing a contact card produces. `markups` keeps the
 * reply_markup of each sent message (a keyboard), index for index with `sent`.
 */
export async function startFakeTelegramApi(opts: { token: string; username?: string }) {
  const username = opts.username ?? "equeue_test_bot";
  const sent: SentTelegram[] = [];
  const sentAt: SentAt[] = [];
  const markups: unknown[] = [];
  const calls: string[] = [];
  const updates: Record<string, unknown>[] = [];
  let updateId = 100;
  let messageId = 1;
  let tooMany = 0;
  let retryAfter = 3;
  const server = createServer((req, res) => {
    void (async () => {
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
      if (!m) return json(404, { ok: false, error_code: 404, description: "Not Found" });
      if (m[1] !== opts.token)
        return json(401, { ok: false, error_code: 401, description: "Unauthorized" });
      const method = m[2]!;
      const body = await readJson(req);
      calls.push(method);
      switch (method) {
        case "getMe":
          return json(200, {
            ok: true,
            result: { id: 424242, is_bot: true, first_name: "E-Queue", username },
          });
        case "deleteWebhook":
        case "setWebhook":
          return json(200, { ok: true, result: true });
        case "getUpdates": {
          const offset = Number(body.offset ?? 0);
          const waitMs = Math.min(Number(body.timeout ?? 0) * 1000, 200);
          const pick = () => updates.filter((u) => (u.update_id as number) >= offset).slice(0, 100);
          let found = pick();
          if (found.length === 0 && waitMs > 0) {
            await new Promise((r) => setTimeout(r, waitMs));
            found = pick();
          }
          return json(200, { ok: true, result: found });
        }
        case "sendMessage": {
          if (tooMany > 0) {
            tooMany--;
            return json(429, {
              ok: false,
              error_code: 429,
              description: `Too Many Requests: retry after ${retryAfter}`,
              parameters: { retry_after: retryAfter },
            });
          }
          const chatId = String(body.chat_id);
          sent.push({ chat_id: chatId, text: String(body.text) });
          const markup = body.reply_markup;
          markups.push(typeof markup === "string" ? JSON.parse(markup) : (markup ?? null));
          sentAt.push({ chat_id: chatId, at: Date.now() });
          return json(200, {
            ok: true,
            result: {
              message_id: messageId++,
              date: Math.floor(Date.now() / 1000),
              chat: { id: Number(chatId), type: "private" },
              text: body.text,
            },
          });
        }
        default:
          return json(404, { ok: false, error_code: 404, description: "Not Found: method" });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    username,
    sent,
    /** When each message arrived, for the rate limits. */
    sentAt,
    markups,
    calls,
    failNext: (count: number, seconds = 3) => {
      tooMany = count;
      retryAfter = seconds;
    },
    /** A user opens https://t.me/<bot>?start=<payload> and presses Start. */
    start: (chatId: number, payload: string) => {
      const text = `/start ${payload}`;
      updates.push({
        update_id: ++updateId,
        message: {
          message_id: messageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: "private", first_name: "Mijoz" },
          from: { id: chatId, is_bot: false, first_name: "Mijoz", language_code: "uz" },
          text,
          entities: [{ type: "bot_command", offset: 0, length: 6 }],
        },
      });
    },
    /**
     * A user in `chatId` sends a contact card: their own (shared with the bot's button:
     * `user_id` is theirs) or someone else's (another `user_id`, or none).
     */
    contact: (chatId: number, contact: { phone_number: string; user_id?: number }) => {
      updates.push({
        update_id: ++updateId,
        message: {
          message_id: messageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: "private", first_name: "Mijoz" },
          from: { id: chatId, is_bot: false, first_name: "Mijoz", language_code: "uz" },
          contact: { first_name: "Mijoz", ...contact },
        },
      });
    },
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
