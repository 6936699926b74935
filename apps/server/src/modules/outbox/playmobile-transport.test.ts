import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../config";
import { createTestPlatform, type TestPlatform, outboxRow } from "../../testing";
import { startFakePlayMobile } from "../../testing/fake-playmobile";
import { enqueueMessage } from "./outbox.repository";

const CREDS = { login: "equeue", password: "broker-secret" };

describe("SMS through Play Mobile's broker API", () => {
  let broker: Awaited<ReturnType<typeof startFakePlayMobile>>;
  let p: TestPlatform;
  beforeAll(async () => {
    broker = await startFakePlayMobile(CREDS);
    p = await createTestPlatform(
      {
        SMS_GATEWAY_PROVIDER: "playmobile",
        SMS_GATEWAY_URL: broker.url,
        SMS_GATEWAY_LOGIN: CREDS.login,
        SMS_GATEWAY_PASSWORD: CREDS.password,
        SMS_FROM: "3700",
        SMS_GATEWAY_TIMEOUT_MS: "300",
      },
      { dayEndWorker: false },
    );
  });
  afterAll(async () => {
    await p.close();
    await broker.close();
  });
  beforeEach(() => {
    broker.taken.length = 0;
  });

  const row = (id: string) => outboxRow(p.ctx.db, id);
  const sms = (to: string, text: string) => enqueueMessage(p.ctx.db, { channel: "sms", to, text });
  /** Makes every waiting message due now, then runs the worker once. */
  const due = async () => {
    await p.ctx.db.updateTable("platform.outbox").set({ next_attempt_at: new Date() }).execute();
    return p.ctx.outbox.tick();
  };

  it("sends with Basic auth, our id as message-id, the originator, and GSM-friendly Latin", async () => {
    const id = await sms("+998 90 123-45-67", "Navbatingiz keldi: K-001, 3-oyna. Oʻtinamiz.");
    expect(await p.ctx.outbox.tick()).toBe(1);
    expect(broker.taken).toEqual([
      {
        recipient: "998901234567",
        messageId: id,
        originator: "3700",
        text: "Navbatingiz keldi: K-001, 3-oyna. O'tinamiz.",
      },
    ]);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("tries a 5xx and the broker's internal error again, and sends once", async () => {
    broker.failNext(500, "internal");
    const id = await sms("+998911112233", "Kod: 4821");
    await p.ctx.outbox.tick();
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 1 });
    expect((await row(id)).last_error).toContain("500");
    await due();
    expect((await row(id)).last_error).toContain("100 Internal server error");
    await due();
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 3 });
    expect(broker.taken.map((m) => m.messageId)).toEqual([id]);
  });

  it("fails a message the broker refuses as malformed at once, saying why", async () => {
    const id = await sms("+7 912 000-00-00", "Salom");
    await p.ctx.outbox.tick();
    const r = await row(id);
    expect(r).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(r.last_error).toContain("202 Empty recipient");
    expect(broker.taken).toEqual([]);
  });

  it("never sends again after a timeout (the broker took it; it cannot be asked)", async () => {
    broker.failNext("timeout");
    const id = await sms("+998935554433", "Navbatingiz keldi");
    await p.ctx.outbox.tick();
    const r = await row(id);
    expect(r).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(r.last_error).toContain("not sent again");
    await due();
    expect(broker.taken).toHaveLength(1);
  });

  it("tries again when the broker could not be reached at all (nothing was taken)", async () => {
    await broker.close();
    const id = await sms("+998977778899", "Navbatingiz keldi");
    await p.ctx.outbox.tick();
    const r = await row(id);
    expect(r).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(r.last_error).toBeTruthy();
  });

  it("refuses to start with Play Mobile named but no login", () => {
    expect(() =>
      loadConfig({
        SMS_GATEWAY_PROVIDER: "playmobile",
        SMS_GATEWAY_URL: "https://send.smsxabar.uz",
        SMS_GATEWAY_PASSWORD: "x",
      }),
    ).toThrow(/SMS_GATEWAY_LOGIN/);
  });
});
