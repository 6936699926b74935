import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { startFakeTelegramApi } from "../../testing/fake-telegram-api";
import { freePort } from "../../testing/throwaway-postgres";
import { createQueueCompany } from "../../testing/queue-factories";
import type { CompanyRecord } from "../tenancy/company-directory";
import { until, walkInTicket } from "./notifications.test-helpers";
import { TelegramService } from "./telegram/telegram-service";

const BOT_TOKEN = "123456:TEST-telegram-webhook";
const SECRET = "webhook_secret-0123456789";
const WEBHOOK = "/api/public/telegram/webhook";

describe("Telegram updates by webhook (several server processes), and polling that stands by", () => {
  let tg: Awaited<ReturnType<typeof startFakeTelegramApi>>;
  let p: TestPlatform;
  let company: CompanyRecord;
  let url: string;
  beforeAll(async () => {
    tg = await startFakeTelegramApi({ token: BOT_TOKEN });
    const port = await freePort();
    url = `http://127.0.0.1:${port}${WEBHOOK}`;
    p = await createTestPlatform(
      {
        TELEGRAM_BOT_TOKEN: BOT_TOKEN,
        TELEGRAM_API_URL: tg.url,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_WEBHOOK_URL: url,
      },
      { dayEndWorker: false },
    );
    await p.app.listen({ host: "127.0.0.1", port });
    ({ company } = await createQueueCompany(p));
  });
  afterAll(async () => {
    await p.close();
    await tg.close();
  });

  /** A ticket with nothing but Telegram to reach it, and a fresh deep-link token for it. */
  const ticketWithLink = async () => {
    const { ticket } = await walkInTicket(p, company);
    const res = await call(p.app, "POST", `/api/public/tickets/${ticket.token}/telegram`, {
      body: { language: "en" },
    });
    expect(res.statusCode).toBe(200);
    return { ticket, start: new URL(res.json().url).searchParams.get("start")! };
  };
  const chatsOf = (ticketId: string) =>
    p.ctx.db
      .selectFrom("platform.ticket_chats")
      .select("chat_id")
      .where("ticket_id", "=", ticketId)
      .execute();

  it("registers the webhook with its secret at start, and never polls", async () => {
    await until(() => tg.webhook());
    expect(tg.webhook()).toEqual({ url, secret: SECRET });
    expect(tg.calls).not.toContain("getUpdates");
  });

  it("links the chat that presses Start, from the update Telegram posts", async () => {
    const { ticket, start } = await ticketWithLink();
    const sentBefore = tg.sent.length;
    const postsBefore = tg.posts.length;
    tg.start(555001, start);
    await until(async () => (await chatsOf(ticket.id)).length > 0);
    expect(await chatsOf(ticket.id)).toEqual([{ chat_id: "555001" }]);
    await until(() => tg.sent.length > sentBefore);
    expect(tg.sent[sentBefore]).toMatchObject({
      chat_id: "555001",
      text: expect.stringContaining("Following your ticket"),
    });
    // Answered 200 the first time: Telegram does not post it again. (The bot's reply can come
    // before the webhook's answer reaches Telegram: wait for that answer.)
    await until(() => tg.posts.length > postsBefore);
    expect(tg.posts.slice(postsBefore)).toEqual([{ update_id: expect.any(Number), status: 200 }]);
  });

  it("refuses updates without Telegram's secret, and malformed ones, changing nothing", async () => {
    const { ticket, start } = await ticketWithLink();
    const body = {
      update_id: 999_001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 555002, type: "private", first_name: "X" },
        from: { id: 555002, is_bot: false, first_name: "X" },
        text: `/start ${start}`,
        entities: [{ type: "bot_command", offset: 0, length: 6 }],
      },
    };
    const refused: Record<string, string>[] = [
      {},
      { "x-telegram-bot-api-secret-token": "wrong-secret-0123456789" },
      { "x-telegram-bot-api-secret-token": `${SECRET}x` },
    ];
    for (const headers of refused) {
      const res = await call(p.app, "POST", WEBHOOK, { body, headers });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({
        code: "UNAUTHENTICATED",
        message: "This address takes updates from Telegram only.",
      });
    }
    const secret = { "x-telegram-bot-api-secret-token": SECRET };
    for (const bad of [{}, { update_id: "x" }, { update_id: -1 }, [1, 2]]) {
      const res = await call(p.app, "POST", WEBHOOK, { body: bad, headers: secret });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
    }
    expect(await chatsOf(ticket.id)).toEqual([]);
    // The same update with the secret links the chat: the token was not spent by the refusals.
    const ok = await call(p.app, "POST", WEBHOOK, { body, headers: secret });
    expect(ok.statusCode).toBe(200);
    expect(await chatsOf(ticket.id)).toEqual([{ chat_id: "555002" }]);
  });

  it("asks Telegram to post an update again when the bot cannot reach Telegram first", async () => {
    const away = new TelegramService(
      { token: "111111:TEST-telegram-away", apiUrl: `http://127.0.0.1:${await freePort()}` },
      p.ctx.db,
      p.app.log,
    );
    await expect(away.handleWebhookUpdate({ update_id: 1 })).rejects.toMatchObject({
      code: "NOT_READY",
    });
  });

  it("polls again after a conflict with another poller, so a standby takes over", async () => {
    const polling = await startFakeTelegramApi({ token: "654321:TEST-telegram-standby" });
    // Another process polls this bot: the first getUpdates answers 409.
    polling.conflictNext(1);
    const standby = new TelegramService(
      { token: "654321:TEST-telegram-standby", apiUrl: polling.url, retryMs: 200 },
      p.ctx.db,
      p.app.log,
    );
    try {
      standby.start();
      await until(() => polling.calls.filter((c) => c === "getUpdates").length >= 2);
      const { ticket, start } = await ticketWithLink();
      polling.start(555003, start);
      await until(async () => (await chatsOf(ticket.id)).length > 0);
      expect(await chatsOf(ticket.id)).toEqual([{ chat_id: "555003" }]);
    } finally {
      await standby.stop();
      await polling.close();
    }
  });
});
