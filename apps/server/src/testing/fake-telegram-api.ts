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
 * getMe, getUpdates (long polling, held briefly), setWebhook, deleteWebhook and sendMessage. It
 * records what was sent; `failNext(n)` makes the next sendMessage calls answer 429 with
 * retry_after; `conflictNext(n)` the next getUpdates calls 409, as a second poller gets. With a
 * webhook set, updates are posted to it (with its secret, one at a time, again until 2xx) and
 * getUpdates answers 409, as Telegram does;
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
  let conflicts = 0;
  let webhook: { url: string; secret: string | undefined } | null = null;
  /** What each post of an update to the webhook was answered (status), in order. */
  const posts: { update_id: number; status: number }[] = [];
  let posting = Promise.resolve();
  // As Telegram does: one update at a time, in order, each again (a little later) until 2xx.
  const post = (u: Record<string, unknown>) => {
    posting = posting.then(async () => {
      for (let attempt = 0; attempt < 5 && webhook; attempt++) {
        const status = await fetch(webhook.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(webhook.secret && { "x-telegram-bot-api-secret-token": webhook.secret }),
          },
          body: JSON.stringify(u),
        }).then(
          (r) => r.status,
          () => 0,
        );
        posts.push({ update_id: u.update_id as number, status });
        if (status >= 200 && status < 300) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    });
  };
  const queue = (u: Record<string, unknown>) => {
    if (webhook) post(u);
    else updates.push(u);
  };
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
          webhook = null;
          return json(200, { ok: true, result: true });
        case "setWebhook":
          webhook = {
            url: String(body.url),
            secret: body.secret_token === undefined ? undefined : String(body.secret_token),
          };
          return json(200, { ok: true, result: true });
        case "getUpdates": {
          if (webhook)
            return json(409, {
              ok: false,
              error_code: 409,
              description:
                "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
            });
          if (conflicts > 0) {
            conflicts--;
            return json(409, {
              ok: false,
              error_code: 409,
              description:
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
            });
          }
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
    /** The webhook set with setWebhook (its URL and secret), or null. */
    webhook: () => webhook,
    posts,
    /** The next `count` getUpdates calls answer 409, as when another process polls the bot. */
    conflictNext: (count: number) => {
      conflicts = count;
    },
    failNext: (count: number, seconds = 3) => {
      tooMany = count;
      retryAfter = seconds;
    },
    /** A user opens https://t.me/<bot>?start=<payload> and presses Start. */
    start: (chatId: number, payload: string) => {
      const text = `/start ${payload}`;
      queue({
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
      queue({
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
