import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createTestPlatform,
  loginSuperAdmin,
  type TestPlatform,
  outboxRow,
} from "../../testing";
import { startFakeSmsGateway } from "../../testing/fake-sms-gateway";
import { startSmtp } from "../../testing/fake-smtp";
import { smtpTransport } from "./mail-transport";
import { enqueueEmail, enqueueMessage } from "./outbox.repository";

const CREDS = { email: "bot@e-queue.test", password: "gateway-secret" };

describe("outbox channels", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let gateway: Awaited<ReturnType<typeof startFakeSmsGateway>>;
  let p: TestPlatform;
  beforeAll(async () => {
    smtp = await startSmtp();
    gateway = await startFakeSmsGateway(CREDS);
    p = await createTestPlatform(
      {
        SMS_GATEWAY_URL: gateway.url,
        SMS_GATEWAY_EMAIL: CREDS.email,
        SMS_GATEWAY_PASSWORD: CREDS.password,
        SMS_FROM: "4546",
        SMS_CALLBACK_URL: "http://localhost:3000/api/sms/delivery",
      },
      { mail: smtpTransport(smtp.url), dayEndWorker: false },
    );
  });
  afterAll(async () => {
    await p.close();
    await gateway.close();
    await smtp.close();
  });

  const row = (id: string) => outboxRow(p.ctx.db, id);

  it("sends an SMS row to the SMS gateway, not to SMTP, and an e-mail row to SMTP", async () => {
    const sms = await enqueueMessage(p.ctx.db, {
      channel: "sms",
      to: "+998 90 123-45-67",
      text: "Navbatingiz keldi: K-001, 3-oyna. Oʻtinamiz, kelingiz.",
    });
    const mail = await enqueueEmail(p.ctx.db, {
      to: "admin@bank.uz",
      subject: "Hi",
      text: "Hello",
    });
    expect(await p.ctx.outbox.tick()).toBe(2);
    expect(gateway.sent).toEqual([
      {
        id: "sms-1",
        mobile_phone: "998901234567",
        message: "Navbatingiz keldi: K-001, 3-oyna. O'tinamiz, kelingiz.",
        from: "4546",
        callback_url: "http://localhost:3000/api/sms/delivery",
        user_sms_id: sms,
      },
    ]);
    expect(smtp.received.map((m) => m.to)).toEqual([["admin@bank.uz"]]);
    expect(await row(sms)).toMatchObject({ status: "SENT", attempts: 1, provider_id: "sms-1" });
    expect(await row(mail)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(gateway.logins).toHaveLength(1);
  });

  it("logs in again when the gateway's token has expired, and sends once", async () => {
    gateway.expireToken();
    const id = await enqueueMessage(p.ctx.db, {
      channel: "sms",
      to: "+998911112233",
      text: "Kod: 4821",
    });
    expect(await p.ctx.outbox.tick()).toBe(1);
    expect(gateway.logins).toHaveLength(2);
    expect(gateway.sent.at(-1)).toMatchObject({
      mobile_phone: "998911112233",
      message: "Kod: 4821",
    });
    expect(gateway.sent).toHaveLength(2);
    expect(await row(id)).toMatchObject({ status: "SENT" });
  });

  it("keeps a channel without a transport waiting in the outbox, visible to the super admin", async () => {
    const id = await enqueueMessage(p.ctx.db, { channel: "telegram", to: "12345", text: "Salom" });
    await p.ctx.outbox.tick();
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 0 });
    const token = await loginSuperAdmin(p.app);
    const list = await call(p.app, "GET", "/api/platform/outbox?status=PENDING", { token });
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ channel: "telegram", to: "12345" }],
      delivery: { configured: true, channels: ["push", "email", "sms"] },
    });
  });

  it("retries a failing SMS on the SMS policy and gives up after its attempts", async () => {
    const id = await enqueueMessage(p.ctx.db, { channel: "sms", to: "+998900000000", text: "x" });
    await gateway.close();
    for (let i = 0; i < 4; i++) {
      await p.ctx.db.updateTable("platform.outbox").set({ next_attempt_at: new Date() }).execute();
      expect(await p.ctx.outbox.tick()).toBe(0);
    }
    const r = await row(id);
    expect(r).toMatchObject({ status: "FAILED", attempts: 4 });
    expect(r.last_error).toBeTruthy();
  });
});
