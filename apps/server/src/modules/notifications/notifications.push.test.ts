import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createTestPlatform,
  signInCustomer,
  type TestPlatform,
  outboxRow,
} from "../../testing";
import { startFakePushService } from "../../testing/fake-push-service";
import { startFakeSmsGateway } from "../../testing/fake-sms-gateway";
import { createQueueCompany } from "../../testing/queue-factories";
import type { CompanyRecord } from "../tenancy/company-directory";
import type { PushPayload } from "./push/push-transport";
import { lineWithOperator, outboxOfChannel } from "./notifications.test-helpers";

const CREDS = { email: "push@e-queue.test", password: "gateway-secret" };

describe("web push and channel choice (a fake push service over HTTP)", () => {
  let push: Awaited<ReturnType<typeof startFakePushService>>;
  let gateway: Awaited<ReturnType<typeof startFakeSmsGateway>>;
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  beforeAll(async () => {
    push = await startFakePushService();
    gateway = await startFakeSmsGateway(CREDS);
    p = await createTestPlatform(
      {
        PUBLIC_URL: "https://navbat.example.uz",
        PUSH_ENDPOINT_ORIGINS: "http://127.0.0.1",
        VAPID_SUBJECT: "mailto:ops@navbat.example.uz",
        SMS_GATEWAY_URL: gateway.url,
        SMS_GATEWAY_EMAIL: CREDS.email,
        SMS_GATEWAY_PASSWORD: CREDS.password,
      },
      { dayEndWorker: false },
    );
    ({ company, slug } = await createQueueCompany(p));
  });
  afterAll(async () => {
    await p.close();
    await push.close();
    await gateway.close();
  });

  const subscribe = (token: string, subscription: object, auth?: string) =>
    call(p.app, "POST", `/api/public/tickets/${token}/push`, {
      body: { subscription, language: "en" },
      ...(auth && { token: auth }),
    });
  const pushRows = () => outboxOfChannel(p, "push");
  const payloadsOf = (id: string) =>
    push.received.filter((r) => r.id === id).map((r) => JSON.parse(r.text) as PushPayload);
  /** Sends what is due until nothing more goes out. */
  const drain = async () => {
    while ((await p.ctx.outbox.tick()) > 0);
  };

  const line = (n: number, phones: (string | undefined)[] = []) =>
    lineWithOperator(p, company, slug, n, phones);

  it("gives the VAPID public key, generated once and kept", async () => {
    const res = await call(p.app, "GET", "/api/public/push/key");
    expect(res.statusCode).toBe(200);
    expect(res.json().publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    const stored = await p.ctx.db
      .selectFrom("platform.settings")
      .select("value")
      .where("key", "=", "vapid_keys")
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.value).publicKey).toBe(res.json().publicKey);
  });

  it("sends every trigger once to each browser that follows the ticket, encrypted and signed", async () => {
    const { setup, post, tickets } = await line(4);
    const [first, second] = tickets;
    const a = push.subscribe();
    const b = push.subscribe();
    const c = push.subscribe();
    expect((await subscribe(first!.token, a.subscription)).statusCode).toBe(200);
    expect((await subscribe(first!.token, b.subscription)).statusCode).toBe(200);
    // Subscribing twice is one subscription.
    expect((await subscribe(first!.token, b.subscription)).statusCode).toBe(200);
    expect((await subscribe(second!.token, c.subscription)).statusCode).toBe(200);

    // The first is called: both its browsers hear "go to counter N"; the second is nearly up.
    expect((await post("/call-next")).statusCode).toBe(200);
    await p.ctx.events.idle();
    await drain();
    const counter = setup.counters[0]!.number;
    for (const browser of [a, b]) {
      expect(payloadsOf(browser.id)).toEqual([
        {
          title: `${first!.label} · Branch ${setup.branch.code}`,
          body: `${first!.label}: it is your turn, go to counter ${counter}.`,
          url: `https://navbat.example.uz/t/${first!.token}`,
          tag: `ticket-${first!.id}`,
        },
      ]);
    }
    expect(payloadsOf(c.id).map((x) => x.body)).toEqual([
      expect.stringContaining("you are nearly up (number 1 in line)"),
    ]);
    const sample = push.received.find((r) => r.id === a.id)!;
    expect(sample).toMatchObject({
      subject: "mailto:ops@navbat.example.uz",
      vapidKey: p.ctx.vapid.publicKey,
      urgency: "high",
    });
    expect(sample.ttl).toBeGreaterThan(0);

    // No-show of the first; the second is called, then transferred: each told once a trigger.
    expect((await post(`/tickets/${first!.id}/no-show`)).statusCode).toBe(200);
    expect((await post("/call-next")).statusCode).toBe(200);
    const moved = await post(`/tickets/${second!.id}/transfer`, {
      serviceId: setup.services[1]!.id,
    });
    expect(moved.statusCode).toBe(200);
    await p.ctx.events.idle();
    await drain();
    expect(payloadsOf(a.id).map((x) => x.body)).toEqual([
      expect.stringContaining("it is your turn"),
      expect.stringContaining("you were called but did not come"),
    ]);
    expect(payloadsOf(b.id)).toHaveLength(2);
    expect(payloadsOf(c.id).map((x) => x.body)).toEqual([
      expect.stringContaining("nearly up"),
      expect.stringContaining("it is your turn"),
      expect.stringContaining('You were transferred to "Kredit"'),
    ]);
    expect(push.rejected).toEqual([]);

    // A replay of the events queues nothing more.
    const before = (await pushRows()).length;
    await p.ctx.events.sweep();
    await p.ctx.events.idle();
    await drain();
    expect((await pushRows()).length).toBe(before);
    expect(payloadsOf(a.id)).toHaveLength(2);
  });

  it("deletes a subscription the push service says is gone (410), and retries 429 and 5xx", async () => {
    const { post, tickets } = await line(2);
    const gone = push.subscribe();
    const flaky = push.subscribe();
    expect((await subscribe(tickets[0]!.token, gone.subscription)).statusCode).toBe(200);
    expect((await subscribe(tickets[1]!.token, flaky.subscription)).statusCode).toBe(200);
    push.drop(gone.id);
    expect((await post("/call-next")).statusCode).toBe(200);
    await p.ctx.events.idle();
    const rows = await pushRows();
    const goneRow = rows.find((r) => r.dedupe_key?.includes(tickets[0]!.id))!;
    const flakyRow = rows.find((r) => r.dedupe_key?.includes(tickets[1]!.id))!;
    // The flaky browser's service is busy first (429 Retry-After 40), then fails (500).
    push.failNext(429, 1, 40, flaky.id);
    await p.ctx.outbox.tick();
    const row = (id: string) => outboxRow(p.ctx.db, id);
    expect(await row(goneRow.id)).toMatchObject({ status: "FAILED", attempts: 1 });
    expect((await row(goneRow.id)).last_error).toContain("410");
    const left = await p.ctx.db
      .selectFrom("platform.push_subscriptions")
      .select("id")
      .where("endpoint", "=", gone.subscription.endpoint)
      .execute();
    expect(left).toEqual([]);
    const busy = await row(flakyRow.id);
    expect(busy).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(busy.next_attempt_at.getTime() - Date.now()).toBeGreaterThan(35_000);
    push.failNext(500, 1, undefined, flaky.id);
    await p.ctx.db
      .updateTable("platform.outbox")
      .set({ next_attempt_at: new Date() })
      .where("id", "=", flakyRow.id)
      .execute();
    await p.ctx.outbox.tick();
    expect(await row(flakyRow.id)).toMatchObject({ status: "PENDING", attempts: 2 });
    await p.ctx.db
      .updateTable("platform.outbox")
      .set({ next_attempt_at: new Date() })
      .where("id", "=", flakyRow.id)
      .execute();
    await p.ctx.outbox.tick();
    expect(await row(flakyRow.id)).toMatchObject({ status: "SENT", attempts: 3 });
    expect(payloadsOf(flaky.id)).toHaveLength(1);
    // The deleted browser is told nothing more.
    expect((await post(`/tickets/${tickets[0]!.id}/no-show`)).statusCode).toBe(200);
    await p.ctx.events.idle();
    expect((await pushRows()).filter((r) => r.dedupe_key?.includes(tickets[0]!.id))).toHaveLength(
      1,
    );
  });

  it("sends the SMS instead when push is not delivered within 60 s, and not when it is", async () => {
    const phones = ["+998901110001", "+998901110002"];
    const { post, tickets } = await line(2, phones);
    const ok = push.subscribe();
    const down = push.subscribe();
    await subscribe(tickets[0]!.token, down.subscription);
    await subscribe(tickets[1]!.token, ok.subscription);
    const smsBefore = gateway.sent.length;
    await drain(); // the "taken" SMS (sent before any browser followed)
    const takenSms = gateway.sent.length - smsBefore;
    expect(takenSms).toBe(2);

    expect((await post("/call-next")).statusCode).toBe(200);
    await p.ctx.events.idle();
    const sms = await p.ctx.db
      .selectFrom("platform.outbox")
      .selectAll()
      .where("channel", "=", "sms")
      .where("fallback_of", "is not", null)
      .orderBy("created_at")
      .execute();
    // The called one (CALLED) and the second (NEARLY_UP): each SMS waits behind its push.
    expect(sms.map((s) => s.recipient).sort()).toEqual([...phones].sort());
    for (const s of sms) {
      const wait = s.next_attempt_at.getTime() - Date.now();
      expect(wait).toBeGreaterThan(50_000);
      expect(wait).toBeLessThanOrEqual(60_000);
    }
    // The called one's push service is down: its message is still being retried at 60 s.
    push.failNext(500, 1, undefined, down.id);
    await drain();
    expect((await pushRows()).find((r) => r.dedupe_key?.includes(tickets[0]!.id))!.status).toBe(
      "PENDING",
    );
    expect(payloadsOf(ok.id)).toHaveLength(1);
    expect(gateway.sent.length - smsBefore).toBe(takenSms);
    // 60 s later: the delivered one's SMS is skipped, the other goes.
    await p.ctx.db
      .updateTable("platform.outbox")
      .set({ next_attempt_at: new Date() })
      .where(
        "id",
        "in",
        sms.map((s) => s.id),
      )
      .execute();
    await drain();
    const after = await p.ctx.db
      .selectFrom("platform.outbox")
      .select(["recipient", "status"])
      .where(
        "id",
        "in",
        sms.map((s) => s.id),
      )
      .execute();
    expect(after.find((s) => s.recipient === phones[0])!.status).toBe("SENT");
    expect(after.find((s) => s.recipient === phones[1])!.status).toBe("SKIPPED");
    const newSms = gateway.sent.slice(smsBefore + takenSms);
    expect(newSms.map((s) => s.mobile_phone)).toEqual([phones[0]!.slice(1)]);
  });

  it("reaches the signed-in customer's later tickets in the browser bound to the account", async () => {
    const phone = "+998901110055";
    const customer = await signInCustomer(p, phone);
    const { tickets } = await line(1, [phone]);
    const browser = push.subscribe();
    expect(
      (await subscribe(tickets[0]!.token, browser.subscription, customer.token)).statusCode,
    ).toBe(200);
    const stored = await p.ctx.db
      .selectFrom("platform.push_subscriptions")
      .select("customer_id")
      .where("endpoint", "=", browser.subscription.endpoint)
      .executeTakeFirstOrThrow();
    expect(stored.customer_id).toBe(customer.id);
    // A new ticket with the account's phone, never subscribed itself: taken → pushed there.
    const { tickets: later } = await line(1, [phone]);
    await drain();
    expect(payloadsOf(browser.id).map((x) => x.url)).toEqual([
      `https://navbat.example.uz/t/${later[0]!.token}`,
    ]);
    // Its SMS waits as the stand-in for that push.
    const sms = await p.ctx.db
      .selectFrom("platform.outbox")
      .select(["fallback_of"])
      .where("dedupe_key", "=", `${company.id}:${later[0]!.id}:TAKEN:sms`)
      .executeTakeFirstOrThrow();
    expect(sms.fallback_of).toBe(`${company.id}:${later[0]!.id}:TAKEN`);
  });

  it("lets a ticket and an account turn channels off", async () => {
    const phone = "+998901110077";
    const { post, tickets } = await line(3, [phone, "+998901110078", "+998901110079"]);
    // The ticket's holder turns SMS off: the call goes by push only.
    const browser = push.subscribe();
    await subscribe(tickets[0]!.token, browser.subscription);
    const res = await call(p.app, "PUT", `/api/public/tickets/${tickets[0]!.token}/channels`, {
      body: { sms: false },
    });
    expect(res.json().on).toEqual({ sms: false, telegram: true, push: true });
    const got = await call(p.app, "GET", `/api/public/tickets/${tickets[0]!.token}/channels`);
    expect(got.json()).toEqual({
      on: { sms: false, telegram: true, push: true },
      hasPhone: true,
      telegramChats: 0,
      pushBrowsers: 1,
    });
    // The second's account turns push off and SMS stays: its SMS goes at once.
    const customer = await signInCustomer(p, "+998901110078");
    const accountBrowser = push.subscribe();
    expect(
      (await subscribe(tickets[1]!.token, accountBrowser.subscription, customer.token)).statusCode,
    ).toBe(200);
    const account = await call(p.app, "PUT", "/api/customer/channels", {
      token: customer.token,
      body: { push: false },
    });
    expect(account.json().on).toEqual({ sms: true, telegram: true, push: false });
    expect(
      (await call(p.app, "GET", "/api/customer/channels", { token: customer.token })).json(),
    ).toEqual({ on: { sms: true, telegram: true, push: false } });
    expect(
      (await call(p.app, "PUT", "/api/customer/channels", { token: customer.token, body: {} }))
        .statusCode,
    ).toBe(400);

    expect((await post("/call-next")).statusCode).toBe(200);
    await p.ctx.events.idle();
    const rows = await p.ctx.db
      .selectFrom("platform.outbox")
      .select(["channel", "recipient", "fallback_of", "dedupe_key"])
      .where("dedupe_key", "like", `${company.id}:${tickets[0]!.id}:CALLED%`)
      .execute();
    expect(rows.map((r) => r.channel)).toEqual(["push"]);
    const second = await p.ctx.db
      .selectFrom("platform.outbox")
      .select(["channel", "fallback_of"])
      .where("dedupe_key", "like", `${company.id}:${tickets[1]!.id}:NEARLY_UP%`)
      .execute();
    expect(second).toEqual([{ channel: "sms", fallback_of: null }]);
  });
});
