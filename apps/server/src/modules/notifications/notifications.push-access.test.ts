import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { startFakePushService } from "../../testing/fake-push-service";
import { createQueueCompany } from "../../testing/queue-factories";
import type { CompanyRecord } from "../tenancy/company-directory";
import { lineWithOperator } from "./notifications.test-helpers";

// Who may follow a ticket by web push (the ticket's link is the capability): refusals, the
// browsers-per-ticket limit, and tickets of companies that may not be served. Delivery itself:
// notifications.push.test.ts.
describe("following a ticket by web push: who may, and how many", () => {
  let push: Awaited<ReturnType<typeof startFakePushService>>;
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  beforeAll(async () => {
    push = await startFakePushService();
    p = await createTestPlatform(
      {
        PUBLIC_URL: "https://navbat.example.uz",
        PUSH_ENDPOINT_ORIGINS: "http://127.0.0.1",
        VAPID_SUBJECT: "mailto:ops@navbat.example.uz",
      },
      { dayEndWorker: false },
    );
    ({ company, slug } = await createQueueCompany(p));
  });
  afterAll(async () => {
    await p.close();
    await push.close();
  });

  const subscribe = (token: string, subscription: object, auth?: string) =>
    call(p.app, "POST", `/api/public/tickets/${token}/push`, {
      body: { subscription, language: "en" },
      ...(auth && { token: auth }),
    });
  const line = (n: number) => lineWithOperator(p, company, slug, n, []);

  it("refuses other tickets' subscriptions, unknown tickets, foreign endpoints and bad keys", async () => {
    const { tickets } = await line(2);
    const [mine, theirs] = tickets;
    const browser = push.subscribe();
    expect((await subscribe(mine!.token, browser.subscription)).statusCode).toBe(200);
    // Another ticket's link removes nothing of this ticket's.
    const other = await call(
      p.app,
      "POST",
      `/api/public/tickets/${theirs!.token}/push/unsubscribe`,
      {
        body: { endpoint: browser.subscription.endpoint },
      },
    );
    expect(other.json()).toEqual({ removed: 0 });
    const count = () =>
      p.ctx.db
        .selectFrom("platform.push_subscriptions")
        .select("id")
        .where("endpoint", "=", browser.subscription.endpoint)
        .execute();
    expect(await count()).toHaveLength(1);
    expect((await subscribe("not-a-ticket", browser.subscription)).statusCode).toBe(404);
    // Any other address than a browser push service (the server would POST there): refused.
    const ssrf = await subscribe(mine!.token, {
      ...browser.subscription,
      endpoint: "http://10.0.0.1/admin",
    });
    expect(ssrf.statusCode).toBe(400);
    expect(ssrf.json().error.details[0].path).toContain("endpoint");
    const badKeys = await subscribe(mine!.token, {
      endpoint: browser.subscription.endpoint,
      keys: { p256dh: "short", auth: browser.subscription.keys.auth },
    });
    expect(badKeys.statusCode).toBe(400);
    // A bad customer token is refused, not ignored.
    expect((await subscribe(mine!.token, browser.subscription, "nonsense")).statusCode).toBe(401);
    // At most ten browsers follow one ticket.
    for (let i = 0; i < 9; i++) {
      expect((await subscribe(theirs!.token, push.subscribe().subscription)).statusCode).toBe(200);
    }
    expect((await subscribe(theirs!.token, push.subscribe().subscription)).statusCode).toBe(200);
    const eleventh = await subscribe(theirs!.token, push.subscribe().subscription);
    expect(eleventh.statusCode).toBe(409);
    // The holder unsubscribes: gone.
    const off = await call(p.app, "POST", `/api/public/tickets/${mine!.token}/push/unsubscribe`, {
      body: { endpoint: browser.subscription.endpoint },
    });
    expect(off.json()).toEqual({ removed: 1 });
    expect(await count()).toHaveLength(0);
    // Another ticket's link cannot switch this ticket's channels either: its own row changes.
    await call(p.app, "PUT", `/api/public/tickets/${theirs!.token}/channels`, {
      body: { sms: false },
    });
    const channels = await call(p.app, "GET", `/api/public/tickets/${mine!.token}/channels`);
    expect(channels.json().on).toEqual({ sms: true, telegram: true, push: true });
  });

  it("holds the ten-browser limit when taps come at once", async () => {
    const { tickets } = await line(1);
    const taps = await Promise.all(
      Array.from({ length: 25 }, () => subscribe(tickets[0]!.token, push.subscribe().subscription)),
    );
    expect(taps.filter((r) => r.statusCode === 200)).toHaveLength(10);
    expect(taps.filter((r) => r.statusCode === 409)).toHaveLength(15);
    const channels = await call(p.app, "GET", `/api/public/tickets/${tickets[0]!.token}/channels`);
    expect(channels.json().pushBrowsers).toBe(10);
  });

  it("follows no ticket of a suspended or deleted company", async () => {
    const other = await createQueueCompany(p);
    const { tickets } = await lineWithOperator(p, other.company, other.slug, 1, []);
    const token = tickets[0]!.token;
    const setStatus = async (status: "SUSPENDED" | "DELETED") => {
      await p.ctx.db
        .updateTable("platform.companies")
        .set({ status })
        .where("id", "=", other.company.id)
        .execute();
      p.ctx.directory.invalidate(other.slug);
    };
    const channelsUrl = `/api/public/tickets/${token}/channels`;
    await setStatus("SUSPENDED");
    for (const res of [
      await subscribe(token, push.subscribe().subscription),
      await call(p.app, "GET", channelsUrl),
      await call(p.app, "PUT", channelsUrl, { body: { sms: false } }),
    ]) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe("COMPANY_SUSPENDED");
    }
    await setStatus("DELETED");
    for (const res of [
      await subscribe(token, push.subscribe().subscription),
      await call(p.app, "GET", channelsUrl),
      await call(p.app, "PUT", channelsUrl, { body: { sms: false } }),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
    }
    const stored = await p.ctx.db
      .selectFrom("platform.push_subscriptions")
      .select("id")
      .where("company_id", "=", other.company.id)
      .execute();
    expect(stored).toEqual([]);
  });
});
