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
import { notificationText } from "./notification-texts";

const CREDS = { email: "bot@e-queue.test", password: "gateway-secret" };

describe("messages to a customer who chose Uzbek Cyrillic", () => {
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
      },
      { dayEndWorker: false },
    );
    ({ company, slug } = await createQueueCompany(p));
  });
  afterAll(async () => {
    await p.close();
    await gateway.close();
  });

  it("sends the SMS in Cyrillic as UCS-2 and records its segments; Latin stays GSM-7", async () => {
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
    const take = (phone: string, language: "uz" | "uz-Cyrl") =>
      issueTicket(p.ctx, company, issuer, {
        branchId: setup.branch.id,
        serviceId: setup.services[0]!.id,
        customerPhone: phone,
        language,
      });
    const cyrl = await take("+998901110001", "uz-Cyrl");
    await take("+998901110002", "uz");
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

  it("writes the company's own Uzbek template in Cyrillic, names and links as entered", () => {
    const parts = {
      label: "K-012",
      service: "Kredit",
      branch: "Chilonzor",
      link: "https://navbat.example.uz/t/abc",
      counter: 3,
      position: null,
      time: null,
    };
    expect(notificationText("CALLED", "uz-Cyrl", parts)).toBe(
      "K-012: навбатингиз келди, 3-ойнага ўтинг.",
    );
    const own = { CALLED: { uz: "{number} raqami, {counter}-oynaga marhamat ({branch})" } };
    expect(notificationText("CALLED", "uz-Cyrl", parts, own)).toBe(
      "K-012 рақами, 3-ойнага марҳамат (Chilonzor)",
    );
    expect(notificationText("CALLED", "uz", parts)).toBe(
      "K-012: navbatingiz keldi, 3-oynaga oʻting.",
    );
  });
});
