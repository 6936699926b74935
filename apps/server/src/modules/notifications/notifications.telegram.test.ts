import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { startFakeTelegramApi } from "../../testing/fake-telegram-api";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  issuerFor,
} from "../../testing/queue-factories";
import { enqueueMessage } from "../outbox";
import { issueTicket } from "../queue";
import type { CompanyRecord } from "../tenancy/company-directory";
import { until, walkInTicket } from "./notifications.test-helpers";

const BOT_TOKEN = "123456:TEST-telegram-token";

describe("notifications in Telegram (grammY against a fake Bot API over HTTP)", () => {
  let tg: Awaited<ReturnType<typeof startFakeTelegramApi>>;
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  let adminToken: string;
  beforeAll(async () => {
    tg = await startFakeTelegramApi({ token: BOT_TOKEN });
    p = await createTestPlatform(
      { TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_API_URL: tg.url },
      { dayEndWorker: false },
    );
    ({ company, slug, adminToken } = await createQueueCompany(p));
  });
  afterAll(async () => {
    await p.close();
    await tg.close();
  });

  const linkFor = (token: string, body: object = { language: "ru" }) =>
    call(p.app, "POST", `/api/public/tickets/${token}/telegram`, { body });

  it("links a chat by a one-time deep link and sends that ticket's messages there", async () => {
    expect((await call(p.app, "GET", "/api/public/telegram")).json()).toEqual({ available: true });
    // No phone: Telegram is this customer's only channel.
    const { setup, ticket } = await walkInTicket(p, company);
    // No body at all is fine too (the bot then speaks Uzbek).
    const bare = await call(p.app, "POST", `/api/public/tickets/${ticket.token}/telegram`);
    expect(bare.statusCode, bare.body).toBe(200);
    const res = await linkFor(ticket.token);
    expect(res.statusCode).toBe(200);
    const url = new URL(res.json().url);
    expect(`${url.origin}${url.pathname}`).toBe(`https://t.me/${tg.username}`);
    const start = url.searchParams.get("start")!;
    expect(start).toMatch(/^[A-Za-z0-9_-]{32}$/);

    tg.start(777001, start);
    await until(() => p.ctx.db.selectFrom("platform.ticket_chats").selectAll().executeTakeFirst());
    // The chat is stored before the bot answers: wait for the answer too.
    await until(() => tg.sent.length >= 1);
    expect(tg.sent).toEqual([{ chat_id: "777001", text: expect.stringContaining("Следим") }]);
    // The token is spent: a second tap (or someone else's) links nothing.
    tg.start(777002, start);
    await until(() => tg.sent.length === 2);
    expect(tg.sent[1]).toMatchObject({
      chat_id: "777002",
      text: expect.stringContaining("eskirgan"),
    });

    const op = await createQueueOperator(p.ctx, company, {
      branchId: setup.branch.id,
      serviceIds: [setup.services[0]!.id],
    });
    await call(p.app, "POST", `/api/c/${slug}/queue/session`, {
      token: op.token,
      body: { counterId: setup.counters[0]!.id },
    });
    await call(p.app, "POST", `/api/c/${slug}/queue/call-next`, { token: op.token, body: {} });
    await p.ctx.events.idle();
    // Telegram asks for a pause (429 retry_after): the outbox waits that long, then sends once.
    tg.failNext(1, 40);
    expect(await p.ctx.outbox.tick()).toBe(0);
    const [msg] = await p.ctx.db
      .selectFrom("platform.outbox")
      .selectAll()
      .where("channel", "=", "telegram")
      .execute();
    expect(msg).toMatchObject({ status: "PENDING", attempts: 1, recipient: "777001" });
    expect(msg!.next_attempt_at.getTime() - Date.now()).toBeGreaterThan(35_000);
    await p.ctx.db.updateTable("platform.outbox").set({ next_attempt_at: new Date() }).execute();
    expect(await p.ctx.outbox.tick()).toBe(1);
    expect(tg.sent.filter((s) => s.chat_id === "777001").map((s) => s.text)).toEqual([
      expect.stringContaining("Следим"),
      `${ticket.label}: ваша очередь, пройдите к окну ${setup.counters[0]!.number}.`,
    ]);
    // Replays queue nothing more.
    await p.ctx.events.sweep();
    await p.ctx.events.idle();
    expect(await p.ctx.outbox.tick()).toBe(0);
  });

  /**
   * Ticks the outbox until `count` messages to chats starting with `prefix` went out after the
   * first `before` sends, and returns them in the order sent. A send that fails once (a slow fake
   * under load) is retried by a later tick; every send goes through the one paced transport.
   */
  const tickUntilSent = async (before: number, prefix: string, count: number) => {
    const sent = () => tg.sentAt.slice(before).filter((s) => s.chat_id.startsWith(prefix));
    await vi.waitFor(
      async () => {
        await p.ctx.outbox.tick();
        expect(sent()).toHaveLength(count);
      },
      { timeout: 20_000, interval: 500 },
    );
    return sent();
  };

  it("keeps to Telegram's pace: one message a second per chat, two together at most", async () => {
    const before = tg.sentAt.length;
    // A send whose timer fires late goes late, and the next one then arrives closer to it than
    // their slots are apart: the bounds below allow for the worst stall of this process's event
    // loop meanwhile (tens of ms on a loaded machine), and still fail a pacing that is off.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    for (const [chat, text] of [
      ["888001", "nearly up"],
      ["888001", "go to counter 3"],
      ["888002", "c"],
      ["888001", "rate us"],
      ["888001", "thanks"],
    ] as const) {
      await enqueueMessage(p.ctx.db, { channel: "telegram", to: chat, text });
      // Queued in separate milliseconds: the embedded database's clock has no finer grain, and
      // messages queued within one millisecond have no order to keep.
      await new Promise((r) => setTimeout(r, 2));
    }
    const mine = await tickUntilSent(before, "8880", 5);
    lag.disable();
    const stallMs = lag.max / 1e6;
    const toFirst = mine.filter((s) => s.chat_id === "888001").map((s) => s.at);
    expect(toFirst).toHaveLength(4);
    // The call right after "nearly up" does not wait out the chat's second (a short burst, as
    // Telegram allows)…
    expect(toFirst[1]! - toFirst[0]!, `stall ${stallMs} ms`).toBeLessThan(600 + stallMs);
    // …but no three go within a second, and the chat keeps to one a second after the burst.
    for (let i = 2; i < toFirst.length; i++) {
      expect(toFirst[i]! - toFirst[i - 2]!, `stall ${stallMs} ms`).toBeGreaterThanOrEqual(
        900 - stallMs,
      );
    }
    expect(toFirst[3]! - toFirst[0]!, `stall ${stallMs} ms`).toBeGreaterThanOrEqual(1900 - stallMs);
    // A chat's messages arrive in the order they were queued.
    expect(
      tg.sent
        .slice(before)
        .filter((s) => s.chat_id === "888001")
        .map((s) => s.text),
    ).toEqual(["nearly up", "go to counter 3", "rate us", "thanks"]);
    for (let i = 1; i < mine.length; i++) {
      expect(mine[i]!.at - mine[i - 1]!.at, `stall ${stallMs} ms`).toBeGreaterThanOrEqual(
        20 - stallMs,
      );
    }
  });

  it("counts the bot's own replies in a chat's pace", async () => {
    const before = tg.sentAt.length;
    for (const text of ["nearly up", "go to counter 3"]) {
      await enqueueMessage(p.ctx.db, { channel: "telegram", to: "887001", text });
      await new Promise((r) => setTimeout(r, 2));
    }
    const [first] = await tickUntilSent(before, "887001", 2);
    // The chat's burst is spent: the bot's answer to a stale /start waits out the second.
    tg.start(887001, "a-link-that-was-never-given-out-xx");
    await until(() => tg.sentAt.slice(before).filter((s) => s.chat_id === "887001").length === 3);
    const reply = tg.sentAt.slice(before).filter((s) => s.chat_id === "887001")[2]!;
    expect(tg.sent.slice(before).filter((s) => s.chat_id === "887001")[2]!.text).toContain(
      "eskirgan",
    );
    expect(reply.at - first!.at).toBeGreaterThanOrEqual(900);
  });

  it("sends an urgent message (a call) before the backlog queued ahead of it", async () => {
    const before = tg.sentAt.length;
    // Three times what the lane sends at once (8): the rest wait in the lane, and the call goes
    // ahead of them. Without that it would be the 25th to arrive.
    for (let i = 0; i < 24; i++) {
      const to = `8891${String(i).padStart(2, "0")}`;
      await enqueueMessage(p.ctx.db, { channel: "telegram", to, text: "rate us" });
    }
    await enqueueMessage(p.ctx.db, {
      channel: "telegram",
      to: "889200",
      text: "go to counter 3",
      urgent: true,
    });
    const order = await tickUntilSent(before, "889", 25);
    // The 8 already in flight go first, then the call. The fake counts arrivals, and on a loaded
    // machine a request started a moment later can arrive a moment sooner (seen: 10th), so the
    // bound allows a few places of that and still fails a call left behind the backlog.
    expect(order.findIndex((s) => s.chat_id === "889200")).toBeLessThanOrEqual(12);
  });

  it("refuses unknown tickets, finished ones and bad input", async () => {
    expect((await linkFor("nope-not-a-ticket")).statusCode).toBe(404);
    const bad = await linkFor("x", { language: "de" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toBeTruthy();
    expect((await linkFor("x", { language: "uz", extra: 1 })).statusCode).toBe(400);
    // Longer than any ticket token: refused before the route (the platform's URL limits).
    expect((await linkFor("a".repeat(130))).statusCode).toBe(414);
    // A cancelled ticket has nothing left to follow.
    const setup = await createBranchWithService(p.ctx, company);
    const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
    const ticket = await issueTicket(p.ctx, company, issuer, {
      branchId: setup.branch.id,
      serviceId: setup.services[0]!.id,
    });
    const cancel = await call(p.app, "POST", `/api/c/${slug}/queue/tickets/${ticket.id}/cancel`, {
      token: adminToken,
      body: {},
    });
    expect(cancel.statusCode).toBe(200);
    await p.ctx.events.idle();
    expect((await linkFor(ticket.token)).json().error.code).toBe("INVALID_STATE");
  });
});

describe("without a Telegram bot", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
  });
  afterAll(() => p.close());

  it("offers no link, and telegram messages wait in the outbox", async () => {
    const res = await call(p.app, "POST", "/api/public/tickets/whatever/telegram", { body: {} });
    expect(res.statusCode).toBe(404);
    expect(p.ctx.outbox.channels).not.toContain("telegram");
    expect((await call(p.app, "GET", "/api/public/telegram")).json()).toEqual({ available: false });
  });
});

describe("when the Bot API cannot be reached", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  beforeAll(async () => {
    // A port nothing listens on: the bot's name (getMe) cannot be asked.
    const gone = await startFakeTelegramApi({ token: BOT_TOKEN });
    const url = gone.url;
    await gone.close();
    p = await createTestPlatform(
      { TELEGRAM_BOT_TOKEN: BOT_TOKEN, TELEGRAM_API_URL: url },
      { dayEndWorker: false },
    );
    ({ company } = await createQueueCompany(p));
  });
  afterAll(() => p.close());

  it("answers 503 with the error shape, not 500, and says to try again", async () => {
    const { ticket } = await walkInTicket(p, company);
    const res = await call(p.app, "POST", `/api/public/tickets/${ticket.token}/telegram`, {
      body: { language: "uz" },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe("NOT_READY");
    expect(res.json().error.message).toMatch(/try again/);
  });
});
