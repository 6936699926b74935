import { smsSegments } from "@equeue/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { startFakeSmsGateway } from "../../testing/fake-sms-gateway";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  issuerFor,
} from "../../testing/queue-factories";
import { issueTicket } from "../queue";
import type { CompanyRecord } from "../tenancy/company-directory";

const CREDS = { email: "bot@e-queue.test", password: "gateway-secret" };

describe("notifications over a real SMS gateway (HTTP fake)", () => {
  let gateway: Awaited<ReturnType<typeof startFakeSmsGateway>>;
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  beforeAll(async () => {
    gateway = await startFakeSmsGateway(CREDS);
    p = await createTestPlatform(
      {
        PUBLIC_URL: "https://navbat.example.uz",
        SMS_GATEWAY_URL: gateway.url,
        SMS_GATEWAY_EMAIL: CREDS.email,
        SMS_GATEWAY_PASSWORD: CREDS.password,
        SMS_GATEWAY_TIMEOUT_MS: "500",
      },
      { dayEndWorker: false },
    );
    ({ company, slug } = await createQueueCompany(p));
  });
  afterAll(async () => {
    await p.close();
    await gateway.close();
  });

  const row = (id: string) =>
    p.ctx.db
      .selectFrom("platform.outbox")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const due = () =>
    p.ctx.db.updateTable("platform.outbox").set({ next_attempt_at: new Date() }).execute();
  const sentTo = (phone: string) =>
    gateway.sent.filter((s) => s.mobile_phone === phone.replace(/\D/g, ""));

  async function queueWithTicket(phone: string, language?: "uz" | "uz-Cyrl") {
    const setup = await createBranchWithService(p.ctx, company);
    const op = await createQueueOperator(p.ctx, company, {
      branchId: setup.branch.id,
      serviceIds: [setup.services[0]!.id],
    });
    await call(p.app, "POST", `/api/c/${slug}/queue/session`, {
      token: op.token,
      body: { counterId: setup.counters[0]!.id },
    });
    const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
    const ticket = await issueTicket(p.ctx, company, issuer, {
      branchId: setup.branch.id,
      serviceId: setup.services[0]!.id,
      customerPhone: phone,
      language,
    });
    const callNext = () =>
      call(p.app, "POST", `/api/c/${slug}/queue/call-next`, { token: op.token, body: {} });
    return { ticket, callNext };
  }

  it("sends one SMS per trigger, with a callback, and takes the delivery report once", async () => {
    const { ticket, callNext } = await queueWithTicket("+998901112233");
    await p.ctx.events.idle();
    await p.ctx.outbox.tick();
    expect(await callNext()).toMatchObject({ statusCode: 200 });
    await p.ctx.events.idle();
    await p.ctx.outbox.tick();
    await p.ctx.outbox.tick();
    const mine = sentTo("+998901112233");
    expect(mine.map((s) => s.message)).toEqual([
      expect.stringContaining(`https://navbat.example.uz/t/${ticket.token}`),
      expect.stringContaining("navbatingiz keldi, 1-oynaga o'ting"),
    ]);
    expect(mine[0]!.callback_url).toBe("https://navbat.example.uz/api/public/sms/delivery");

    // The gateway reports delivery to our public endpoint (posted here into the app).
    const report = (status: string, over: Record<string, string> = {}) =>
      p.app.inject({
        method: "POST",
        url: "/api/public/sms/delivery",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: new URLSearchParams({
          message_id: mine[1]!.id,
          user_sms_id: mine[1]!.user_sms_id!,
          status,
          ...over,
        }).toString(),
      });
    expect((await report("DELIVRD")).json()).toEqual({ deliveryStatus: "DELIVERED" });
    // Again, and a late "transmitted": the final state stays.
    expect((await report("DELIVRD")).json()).toEqual({ deliveryStatus: "DELIVERED" });
    expect((await report("TRANSMTD")).json()).toEqual({ deliveryStatus: "DELIVERED" });
    expect(await row(mine[1]!.user_sms_id!)).toMatchObject({
      provider_id: mine[1]!.id,
      delivery_status: "DELIVERED",
      delivered_at: expect.any(Date),
    });
    // Someone else's id, a wrong gateway id, or garbage: 404 / 400, nothing changes.
    const other = await report("UNDELIV", { user_sms_id: "6f1c1a52-0000-4000-8000-000000000000" });
    expect(other.statusCode).toBe(404);
    expect((await report("UNDELIV", { message_id: "sms-999" })).statusCode).toBe(404);
    const bad = await report("DELIVRD", { user_sms_id: "not-a-uuid" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toBeTruthy();
    expect((await report("<script>")).statusCode).toBe(400);
    const json = await call(p.app, "POST", "/api/public/sms/delivery", { body: { status: 1 } });
    expect(json.statusCode).toBe(400);
  });

  it("settles a gateway timeout by a status check, never a second SMS", async () => {
    gateway.failNext("timeout");
    const { ticket } = await queueWithTicket("+998902223344");
    await p.ctx.events.idle();
    const [msg] = await p.ctx.db
      .selectFrom("platform.outbox")
      .select("id")
      .where("recipient", "=", "+998902223344")
      .execute();
    // The attempt times out (the fake took the SMS but never answers); its status check finds it.
    expect(await p.ctx.outbox.tick()).toBe(1);
    expect(gateway.statusChecks).toContain(msg!.id);
    expect(sentTo("+998902223344")).toHaveLength(1);
    expect(await row(msg!.id)).toMatchObject({ status: "SENT", provider_id: expect.any(String) });
    expect(ticket.customer_phone).toBe("+998902223344");
  });

  it("renews the token on 401, waits on 429 and retries a 500, sending each SMS once", async () => {
    const logins = gateway.logins.length;
    gateway.expireToken();
    gateway.failNext(429, 500);
    await queueWithTicket("+998903334455");
    await p.ctx.events.idle();
    const [msg] = await p.ctx.db
      .selectFrom("platform.outbox")
      .select("id")
      .where("recipient", "=", "+998903334455")
      .execute();
    // 401 → one login → 429: wait the gateway's Retry-After (120 s), not the 20 s back-off.
    expect(await p.ctx.outbox.tick()).toBe(0);
    expect(gateway.logins.length).toBe(logins + 1);
    const waited = await row(msg!.id);
    expect(waited).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(waited.next_attempt_at.getTime() - Date.now()).toBeGreaterThan(100_000);
    await due();
    expect(await p.ctx.outbox.tick()).toBe(0);
    expect(await row(msg!.id)).toMatchObject({
      attempts: 2,
      last_error: expect.stringContaining("500"),
    });
    await due();
    expect(await p.ctx.outbox.tick()).toBe(1);
    expect(sentTo("+998903334455")).toHaveLength(1);
    expect(await row(msg!.id)).toMatchObject({ status: "SENT", attempts: 3 });
  });

  it("sends the SMS in Cyrillic as UCS-2 and records its segments; Latin stays GSM-7", async () => {
    const { ticket: cyrl } = await queueWithTicket("+998901110001", "uz-Cyrl");
    await queueWithTicket("+998901110002", "uz");
    await p.ctx.events.idle();
    await p.ctx.outbox.tick();
    await p.ctx.outbox.tick();

    const to = (phone: string) => gateway.sent.filter((s) => s.mobile_phone === phone.slice(1));
    const [taken] = to("+998901110001");
    expect(taken!.message).toContain("Навбатингиз");
    expect(taken!.message).toContain(`https://navbat.example.uz/t/${cyrl.token}`);
    expect(taken!.message).not.toMatch(/Navbatingiz|Kuzatish/);
    expect(to("+998901110002")[0]!.message).toMatch(/^Navbatingiz/);

    const rows = await p.ctx.db
      .selectFrom("platform.outbox")
      .select(["recipient", "body_text", "segments"])
      .where("channel", "=", "sms")
      .where("recipient", "in", ["+998901110001", "+998901110002"])
      .execute();
    const cyrlRow = rows.find((r) => r.recipient === "+998901110001")!;
    const latinRow = rows.find((r) => r.recipient === "+998901110002")!;
    expect(smsSegments(cyrlRow.body_text)).toMatchObject({ encoding: "UCS-2" });
    expect(cyrlRow.segments).toBe(smsSegments(cyrlRow.body_text).segments);
    expect(cyrlRow.segments).toBe(Math.ceil(cyrlRow.body_text.length / 67));
    expect(smsSegments(latinRow.body_text)).toMatchObject({ encoding: "GSM-7", segments: 1 });
    expect(latinRow.segments).toBe(1);
  });
});
