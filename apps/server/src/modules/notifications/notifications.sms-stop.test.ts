import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { startFakeSmsGateway } from "../../testing/fake-sms-gateway";
import {
  createBranchWithService,
  createQueueCompany,
  issuerFor,
} from "../../testing/queue-factories";
import { issueTicket } from "../queue";
import type { CompanyRecord } from "../tenancy/company-directory";

const CREDS = { email: "bot@e-queue.test", password: "gateway-secret" };
const SECRET = "inbound-secret-0123456789abcdef";
const URL_OK = `/api/public/sms/inbound/${SECRET}`;

describe("a customer replies STOP to the SMS number", () => {
  let gateway: Awaited<ReturnType<typeof startFakeSmsGateway>>;
  let p: TestPlatform;
  let company: CompanyRecord;
  beforeAll(async () => {
    gateway = await startFakeSmsGateway(CREDS);
    p = await createTestPlatform(
      {
        SMS_GATEWAY_URL: gateway.url,
        SMS_GATEWAY_EMAIL: CREDS.email,
        SMS_GATEWAY_PASSWORD: CREDS.password,
        SMS_INBOUND_SECRET: SECRET,
      },
      { dayEndWorker: false },
    );
    ({ company } = await createQueueCompany(p));
  });
  afterAll(async () => {
    await p.close();
    await gateway.close();
  });

  /** The gateway posts a customer's message as a form, the way it posts delivery reports. */
  const inbound = (phone: string, message: string, url = URL_OK) =>
    p.app.inject({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams({ phone_number: phone, message }).toString(),
    });
  const smsTo = async (phone: string) =>
    (
      await p.ctx.db
        .selectFrom("platform.outbox")
        .select("recipient")
        .where("channel", "=", "sms")
        .where("recipient", "=", phone)
        .execute()
    ).length;

  it("turns SMS off for the phone until START, and refuses strangers and bad input", async () => {
    const setup = await createBranchWithService(p.ctx, company);
    const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
    const take = async (phone: string) => {
      await issueTicket(p.ctx, company, issuer, {
        branchId: setup.branch.id,
        serviceId: setup.services[0]!.id,
        customerPhone: phone,
      });
      await p.ctx.events.idle();
    };
    const phone = "+998907005566";
    await take(phone);
    expect(await smsTo(phone)).toBe(1);

    // Without the secret (or with another) the callback is not there.
    expect(
      (await inbound("998907005566", "STOP", "/api/public/sms/inbound/guess")).statusCode,
    ).toBe(404);
    expect((await inbound("998907005566", "STOP", `${URL_OK}x`)).statusCode).toBe(404);
    const bad = await inbound("12", "STOP");
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toMatch(/Uzbek mobile number/);

    // Any other text is not a keyword.
    expect((await inbound("998907005566", "Rahmat!")).json()).toEqual({
      keyword: null,
      smsOff: null,
    });
    const stop = await inbound("998907005566", " stop! ");
    expect(stop.statusCode).toBe(200);
    expect(stop.json()).toEqual({ keyword: "STOP", smsOff: true });
    await take(phone);
    expect(await smsTo(phone)).toBe(1);
    // Another phone is not affected.
    await take("+998907005567");
    expect(await smsTo("+998907005567")).toBe(1);

    // Cyrillic Uzbek works too; then START turns it back on.
    expect((await inbound("+998907005566", "Тўхтат")).json()).toMatchObject({ smsOff: true });
    expect(
      (
        await call(p.app, "POST", URL_OK, { body: { phone_number: phone, message: "START" } })
      ).json(),
    ).toEqual({
      keyword: "START",
      smsOff: false,
    });
    await take(phone);
    expect(await smsTo(phone)).toBe(2);
  });
});
