import { monitorEventLoopDelay } from "node:perf_hooks";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";
import { startFakeSmsGateway } from "../../testing/fake-sms-gateway";
import { startFakeTelegramApi } from "../../testing/fake-telegram-api";
import { claimDue, enqueueMessage } from "./outbox.repository";
import { OutboxWorker } from "./outbox.worker";
import { smsTransport } from "./sms-transport";

const CREDS = { email: "bot@e-queue.test", password: "gateway-secret" };
const BOT_TOKEN = "123456:TEST-outbox-pacing";
/** The fake gateway takes this long to answer every send. */
const GATEWAY_MS = 200;
const SMS_LANES = 8;

describe("the outbox sends a batch concurrently, and each message once", () => {
  let gateway: Awaited<ReturnType<typeof startFakeSmsGateway>>;
  let tg: Awaited<ReturnType<typeof startFakeTelegramApi>>;
  let p: TestPlatform;
  beforeAll(async () => {
    gateway = await startFakeSmsGateway(CREDS, { delayMs: GATEWAY_MS });
    tg = await startFakeTelegramApi({ token: BOT_TOKEN });
    p = await createTestPlatform(
      {
        SMS_GATEWAY_URL: gateway.url,
        SMS_GATEWAY_EMAIL: CREDS.email,
        SMS_GATEWAY_PASSWORD: CREDS.password,
        SMS_GATEWAY_CONCURRENCY: String(SMS_LANES),
        TELEGRAM_BOT_TOKEN: BOT_TOKEN,
        TELEGRAM_API_URL: tg.url,
      },
      { dayEndWorker: false },
    );
  });
  afterAll(async () => {
    await p.close();
    await gateway.close();
    await tg.close();
  });

  const queueSms = async (n: number, tag: string) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      ids.push(
        await enqueueMessage(p.ctx.db, {
          channel: "sms",
          to: `+99890${tag}${String(i).padStart(5, "0")}`,
          text: `${tag} ${i}`,
        }),
      );
    }
    return ids;
  };
  const rows = (ids: string[]) =>
    p.ctx.db.selectFrom("platform.outbox").selectAll().where("id", "in", ids).execute();
  const sentTimes = (ids: string[]) => {
    const mine = new Set(ids);
    return gateway.sent.filter((s) => s.user_sms_id && mine.has(s.user_sms_id));
  };

  it("sends 50 SMS through a 200 ms gateway in well under 50 × 200 ms, ≤ 8 at a time", async () => {
    const ids = await queueSms(50, "11");
    gateway.resetInFlight();
    const started = performance.now();
    expect(await p.ctx.outbox.tick()).toBe(50);
    const ms = performance.now() - started;
    console.info(
      `outbox: 50 SMS at ${GATEWAY_MS} ms each in ${Math.round(ms)} ms ` +
        `(one after another: ${50 * GATEWAY_MS} ms); at most ${gateway.maxInFlight} in flight`,
    );
    // Eight lanes: ≈ 7 rounds of 200 ms (1.4 s); one after another would be 10 s. Half of that
    // leaves room for a loaded test machine.
    expect(ms).toBeLessThan((50 * GATEWAY_MS) / 2);
    expect(gateway.maxInFlight).toBeLessThanOrEqual(SMS_LANES);
    expect(gateway.maxInFlight).toBeGreaterThan(1);
    expect(sentTimes(ids)).toHaveLength(50);
    for (const r of await rows(ids)) {
      expect(r).toMatchObject({ status: "SENT", attempts: 1, claims: 1, last_error: null });
      expect(r.provider_id).toMatch(/^sms-\d+$/);
    }
  });

  it("two workers on one outbox send every message exactly once", async () => {
    const ids = await queueSms(60, "22");
    const log = pino({ level: "silent" });
    const worker = () =>
      new OutboxWorker(
        p.ctx.backgroundDb,
        [
          {
            ...smsTransport({
              url: gateway.url,
              email: CREDS.email,
              password: CREDS.password,
              from: "4546",
            }),
            concurrency: 4,
          },
        ],
        { pollMs: 60_000, batch: 10 },
        log,
      );
    const drain = async (w: OutboxWorker) => {
      let total = 0;
      for (;;) {
        const n = await w.tick();
        if (n === 0) return total;
        total += n;
      }
    };
    const [a, b] = await Promise.all([drain(worker()), drain(worker())]);
    expect(a + b).toBe(60);
    // Both took part (while one sends its claim, the other claims the next ten).
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    const got = sentTimes(ids).map((s) => s.user_sms_id);
    expect(got).toHaveLength(60);
    expect(new Set(got).size).toBe(60);
    expect((await rows(ids)).every((r) => r.status === "SENT" && r.attempts === 1)).toBe(true);
  });

  it("a 429 stops the channel's batch: the untried messages wait as long as the gateway asks", async () => {
    const ids = await queueSms(30, "33");
    const before = gateway.sent.length;
    gateway.failNext(429);
    await p.ctx.outbox.tick();
    const after = await rows(ids);
    const failed = after.filter((r) => r.attempts === 1 && r.status === "PENDING");
    const sent = after.filter((r) => r.status === "SENT");
    const untried = after.filter((r) => r.attempts === 0);
    expect(failed).toHaveLength(1);
    // Only the sends already in flight when the 429 came went out.
    expect(sent.length).toBeLessThan(SMS_LANES);
    expect(gateway.sent.length - before).toBe(sent.length);
    expect(untried.length).toBe(30 - 1 - sent.length);
    for (const r of [...failed, ...untried]) {
      expect(r.next_attempt_at.getTime() - Date.now()).toBeGreaterThan(100_000);
      expect(r.status).toBe("PENDING");
    }
    // Untried ones were not counted as attempts, and the claim was given back.
    expect(untried.every((r) => r.claims === 0)).toBe(true);
    await p.ctx.db.updateTable("platform.outbox").set({ next_attempt_at: new Date() }).execute();
    expect(await p.ctx.outbox.tick()).toBe(30 - sent.length);
    expect(sentTimes(ids)).toHaveLength(30);
  });

  it("a claim that died mid-send is settled by a status check, never a second SMS", async () => {
    const [id] = await queueSms(1, "44");
    // A worker claims it (a lease of 0 s: due again at once), sends it, and dies before it
    // records the outcome.
    const [claimed] = await claimDue(p.ctx.db, ["sms"], 1, 0);
    expect(claimed!.id).toBe(id);
    const other = smsTransport({
      url: gateway.url,
      email: CREDS.email,
      password: CREDS.password,
      from: "4546",
    });
    await other.send({
      id: id!,
      priority: "normal",
      to: claimed!.recipient,
      subject: "",
      text: "44 0",
      attempts: 0,
    });
    expect(await p.ctx.outbox.tick()).toBe(1);
    expect(sentTimes([id!])).toHaveLength(1);
    expect(gateway.statusChecks).toContain(id);
    expect((await rows([id!]))[0]).toMatchObject({
      status: "SENT",
      provider_id: expect.any(String),
    });
  });

  it("keeps Telegram's pace while sending side by side: ≤ 2 a second per chat, ≤ 30/s in all", async () => {
    const before = tg.sentAt.length;
    const chats = Array.from({ length: 45 }, (_, i) => `99${String(i).padStart(4, "0")}`);
    for (const chat of chats)
      await enqueueMessage(p.ctx.db, { channel: "telegram", to: chat, text: "x" });
    for (const text of ["a", "b", "c"]) {
      await enqueueMessage(p.ctx.db, { channel: "telegram", to: chats[0]!, text });
    }
    // Sends whose timers fire late (the event loop stalled: a busy machine, a long statement) go
    // together when it resumes, closer than their slots are apart: the bounds below allow for the
    // worst stall meanwhile, and still fail a pacing that is off.
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const started = Date.now();
    // A chat's third message within its second goes back to the outbox, due when it may go:
    // tick as the poll would.
    while (tg.sentAt.length - before < 48 && Date.now() - started < 20_000) {
      await p.ctx.outbox.tick();
      await new Promise((r) => setTimeout(r, 100));
    }
    lag.disable();
    const stallMs = lag.max / 1e6;
    const mine = tg.sentAt.slice(before).sort((x, y) => x.at - y.at);
    expect(mine).toHaveLength(48);
    // The first chat's four: never three within a second (two go together, as Telegram allows).
    const first = mine.filter((s) => s.chat_id === chats[0]).map((s) => s.at);
    expect(first).toHaveLength(4);
    for (let i = 2; i < first.length; i++) {
      expect(first[i]! - first[i - 2]!, `stall ${stallMs} ms`).toBeGreaterThanOrEqual(
        900 - stallMs,
      );
    }
    // In any second, at most 30 (a little slack for HTTP arrival jitter), and one more for each
    // 35-ms slot a stall held back and then sent with the others.
    for (const s of mine) {
      const inSecond = mine.filter((x) => x.at >= s.at && x.at < s.at + 1000).length;
      expect(inSecond, `stall ${stallMs} ms`).toBeLessThanOrEqual(31 + Math.ceil(stallMs / 35));
    }
    // 48 messages at ≈ 35 ms apart: about 1.7 s, not one after another with a round trip each.
    console.info(
      `telegram: 48 messages to 45 chats in ${mine.at(-1)!.at - mine[0]!.at} ms ` +
        `(longest event-loop stall ${Math.round(stallMs)} ms)`,
    );
  });

  it("claims a message handed back for its chat's pacing when it falls due, not at the next poll", async () => {
    // Three messages to one chat: two go together, the third waits for the chat's allowance
    // (about a second), longer than a lane holds an ordinary message, so it goes back to the
    // outbox. With polls a minute apart, only a wake at its due time sends it in seconds.
    const worker = new OutboxWorker(
      p.ctx.backgroundDb,
      [p.ctx.telegram!.transport()],
      { pollMs: 60_000 },
      pino({ level: "silent" }),
      // As in the platform, a resolver of files: only e-mail asks it, so a Telegram send is
      // counted by its pacing before the lane looks at the next message.
      async () => [],
    );
    const chat = "995001";
    const before = tg.sentAt.length;
    const started = Date.now();
    for (const text of ["nearly up", "go to counter 3", "rate us"])
      await enqueueMessage(p.ctx.db, { channel: "telegram", to: chat, text });
    worker.start();
    try {
      worker.wake();
      const mine = () => tg.sentAt.slice(before).filter((s) => s.chat_id === chat);
      await vi.waitFor(() => expect(mine()).toHaveLength(3), { timeout: 10_000, interval: 50 });
      const [first, , third] = mine();
      expect(third!.at - first!.at).toBeGreaterThanOrEqual(900);
      // Due about a second after the first; a poll would have taken a minute.
      expect(third!.at - started).toBeLessThan(5_000);
    } finally {
      await worker.stop();
    }
  });
});
