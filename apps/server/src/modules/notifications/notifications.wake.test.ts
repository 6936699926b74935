import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { startFakeSmsGateway } from "../../testing/fake-sms-gateway";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  issuerFor,
} from "../../testing/queue-factories";
import { enqueueMessage } from "../outbox";
import { issueTicket } from "../queue";
import type { CompanyRecord } from "../tenancy/company-directory";

const CREDS = { email: "bot@e-queue.test", password: "gateway-secret" };

/** Polls until `check` holds or `ms` pass; the outbox's own poll here is a minute away. */
async function within(ms: number, check: () => boolean): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe("the outbox worker is woken by the notifications it is given", () => {
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
        // The poll alone would take a minute: only a wake can send within the test's seconds.
        OUTBOX_POLL_MS: "60000",
      },
      { dayEndWorker: false },
    );
    ({ company, slug } = await createQueueCompany(p));
    p.ctx.outbox.start();
  });
  afterAll(async () => {
    await p.close();
    await gateway.close();
  });

  it("sends a ticket's SMS right after the subscriber commits, not at the next poll", async () => {
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
    await issueTicket(p.ctx, company, issuer, {
      branchId: setup.branch.id,
      serviceId: setup.services[0]!.id,
      customerPhone: "+998907770011",
    });
    const mine = () => gateway.sent.filter((s) => s.mobile_phone === "998907770011");
    expect(await within(10_000, () => mine().length === 1)).toBe(true);
    const called = await call(p.app, "POST", `/api/c/${slug}/queue/call-next`, {
      token: op.token,
      body: {},
    });
    expect(called.statusCode).toBe(200);
    expect(await within(10_000, () => mine().length === 2)).toBe(true);
    expect(mine()[1]!.message).toMatch(/1-oynaga/);
  });

  it("goes on while batches come back full, instead of sending 20 per poll", async () => {
    const before = gateway.sent.length;
    for (let i = 0; i < 45; i++) {
      await enqueueMessage(p.ctx.db, {
        channel: "sms",
        to: `+9989077${String(i).padStart(5, "0")}`,
        text: `Message ${i}`,
      });
    }
    p.ctx.outbox.wake();
    expect(await within(10_000, () => gateway.sent.length - before === 45)).toBe(true);
  });
});
