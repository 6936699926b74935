import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createCompany,
  createTestPlatform,
  loginSuperAdmin,
  type TestPlatform,
} from "../../testing";
import { startSmtp } from "../../testing/fake-smtp";
import { smtpTransport } from "./mail-transport";

describe("outbox delivery over SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let p: TestPlatform;
  beforeAll(async () => {
    smtp = await startSmtp({ failFirst: 1 });
    p = await createTestPlatform({}, { mail: smtpTransport(smtp.url) });
  });
  afterAll(async () => {
    await p.close();
    await smtp.close();
  });

  it("sends the invite through SMTP, retrying after a temporary failure", async () => {
    const token = await loginSuperAdmin(p.app);
    await createCompany(p.app, token, {
      slug: "kapitalbank",
      name: "Kapital Bank",
      adminEmail: "admin@kapitalbank.uz",
    });

    expect(await p.ctx.outbox.tick()).toBe(0);
    const failed = await p.ctx.db
      .selectFrom("platform.outbox")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(failed).toMatchObject({
      status: "PENDING",
      attempts: 1,
      last_error: expect.stringContaining("451"),
    });
    expect(smtp.received).toHaveLength(0);

    // The retry is due after a back-off; make it due now instead of waiting.
    await p.ctx.db.updateTable("platform.outbox").set({ next_attempt_at: new Date() }).execute();
    expect(await p.ctx.outbox.tick()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(["admin@kapitalbank.uz"]);
    expect(smtp.received[0]!.raw).toContain("Subject: Kapital Bank: E-Queue tizimingiz tayyor");

    // The invitation holds the admin's one-time password: once mail really goes out, the
    // super admin sees that it went, not the password.
    const list = await call(p.app, "GET", "/api/platform/outbox", { token });
    expect(list.json()).toMatchObject({
      delivery: { configured: true },
      items: [{ status: "SENT", attempts: 2, hidden: true, text: "" }],
    });
    expect(list.body).not.toContain("Bir martalik parol");
    expect(await p.ctx.outbox.tick()).toBe(0);
  });
});

describe("outbox without SMTP", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform();
  });
  afterAll(() => p.close());

  it("keeps messages in the outbox where the super admin can read them", async () => {
    const token = await loginSuperAdmin(p.app);
    await createCompany(p.app, token, { slug: "aloqabank", adminEmail: "admin@aloqabank.uz" });
    expect(await p.ctx.outbox.tick()).toBe(0);
    const list = await call(p.app, "GET", "/api/platform/outbox?status=PENDING", { token });
    expect(list.json()).toMatchObject({ total: 1, delivery: { configured: false } });
    // Nothing sends it: this list is how the password reaches the admin on a first set-up.
    expect(list.json().items[0]).toMatchObject({ hidden: false });
    expect(list.json().items[0].text).toMatch(/Bir martalik parol: \S{12}/);
  });
});
