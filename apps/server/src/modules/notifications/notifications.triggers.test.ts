import type { AddressInfo } from "node:net";
import type { WaitAlertPayload } from "@equeue/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { connectClient } from "../../testing/socket-client";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  issuerFor,
} from "../../testing/queue-factories";
import { issueTicket } from "../queue";
import { companyDb, type CompanyRecord } from "../tenancy";
import { outboxOf, replay } from "./notifications.test-helpers";
import { checkWaitTargets } from "./notification-sweep";

describe("company notification texts", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  let adminToken: string;
  beforeAll(async () => {
    p = await createTestPlatform(
      { PUBLIC_URL: "https://navbat.example.uz" },
      { dayEndWorker: false },
    );
    ({ company, slug, adminToken } = await createQueueCompany(p));
  });
  afterAll(() => p.close());
  const url = () => `/api/c/${slug}/admin/notification-settings`;

  it("lists the defaults, refuses an unknown placeholder by its path, and resets to default", async () => {
    const got = await call(p.app, "GET", url(), { token: adminToken });
    expect(got.statusCode, got.body).toBe(200);
    const taken = got.json().templates.find((t: { trigger: string }) => t.trigger === "TAKEN");
    expect(taken.defaults.uz).toBe("Navbatingiz {number} ({service}, {branch}). Kuzatish: {link}");
    expect(taken.custom).toEqual({ uz: null, ru: null, en: null });
    expect(got.json().templates).toHaveLength(11);
    expect(got.json().reminders).toEqual({ dayBeforeAt: null, minutesBefore: 60 });

    const bad = await call(p.app, "PUT", url(), {
      token: adminToken,
      body: { templates: { TAKEN: { uz: "Talon {nomer}: {link}" } } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      expect.objectContaining({
        path: "templates.TAKEN.uz",
        message: expect.stringContaining("{nomer}"),
      }),
    ]);
    // A placeholder three times is refused: each is filled in and every segment is paid for.
    const repeated = await call(p.app, "PUT", url(), {
      token: adminToken,
      body: { templates: { CALLED: { ru: "{link} {link} {number} {link}" } } },
    });
    expect(repeated.json().error.details).toEqual([
      expect.objectContaining({
        path: "templates.CALLED.ru",
        message: expect.stringContaining("{link} at most 2 times"),
      }),
    ]);
    const unknownTrigger = await call(p.app, "PUT", url(), {
      token: adminToken,
      body: { templates: { WHATEVER: { uz: "x" } } },
    });
    expect(unknownTrigger.statusCode).toBe(400);

    const ok = await call(p.app, "PUT", url(), {
      token: adminToken,
      body: { templates: { TAKEN: { uz: "Talonʻingiz {number}: {link}", ru: "  " } } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().templates[0].custom).toEqual({
      uz: "Talonʻingiz {number}: {link}",
      ru: null,
      en: null,
    });

    // The customer gets the company's text (folded for GSM-7); a language without one, the default.
    const setup = await createBranchWithService(p.ctx, company);
    const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
    const mine = await issueTicket(p.ctx, company, issuer, {
      branchId: setup.branch.id,
      serviceId: setup.services[0]!.id,
      customerPhone: "+998901112201",
    });
    const russian = await issueTicket(p.ctx, company, issuer, {
      branchId: setup.branch.id,
      serviceId: setup.services[0]!.id,
      customerPhone: "+998901112202",
      language: "ru",
    });
    await p.ctx.events.idle();
    const sms = await outboxOf(p, company.id);
    expect(sms.find((m) => m.recipient === "+998901112201")!.body_text).toBe(
      `Talon'ingiz ${mine.label}: https://navbat.example.uz/t/${mine.token}`,
    );
    expect(sms.find((m) => m.recipient === "+998901112202")!.body_text).toMatch(
      new RegExp(`^Ваш талон ${russian.label} `),
    );

    // Reset: no own text any more, so the default again.
    const reset = await call(p.app, "PUT", url(), { token: adminToken, body: { templates: {} } });
    expect(reset.json().templates[0].custom.uz).toBeNull();
    await issueTicket(p.ctx, company, issuer, {
      branchId: setup.branch.id,
      serviceId: setup.services[0]!.id,
      customerPhone: "+998901112203",
    });
    await p.ctx.events.idle();
    expect(
      (await outboxOf(p, company.id)).find((m) => m.recipient === "+998901112203")!.body_text,
    ).toMatch(/^Navbatingiz /);
  });

  it("previews a text with sample values and its SMS segments", async () => {
    const preview = (body: object) =>
      call(p.app, "POST", `${url()}/preview`, { token: adminToken, body });
    const uz = await preview({ trigger: "CALLED", language: "uz" });
    expect(uz.statusCode, uz.body).toBe(200);
    expect(uz.json()).toMatchObject({
      text: "A-012: navbatingiz keldi, 3-oynaga oʻting.",
      sms: "A-012: navbatingiz keldi, 3-oynaga o'ting.",
      encoding: "GSM-7",
      segments: 1,
    });
    const ru = await preview({ trigger: "CALLED", language: "ru" });
    expect(ru.json()).toMatchObject({ encoding: "UCS-2", segments: 1 });
    const long = await preview({
      trigger: "TAKEN",
      language: "en",
      text: `${"a".repeat(150)} {link}`,
    });
    expect(long.json()).toMatchObject({ encoding: "GSM-7", segments: 2 });
    const bad = await preview({ trigger: "TAKEN", language: "en", text: "{ticket}" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("text");
  });

  it("is the company admin's: an operator and another company's admin are refused", async () => {
    const setup = await createBranchWithService(p.ctx, company);
    const op = await createQueueOperator(p.ctx, company, {
      branchId: setup.branch.id,
      serviceIds: [setup.services[0]!.id],
    });
    expect((await call(p.app, "GET", url(), { token: op.token })).statusCode).toBe(403);
    const other = await createQueueCompany(p);
    const foreign = await call(p.app, "GET", url(), { token: other.adminToken });
    expect([401, 403]).toContain(foreign.statusCode);
    expect((await call(p.app, "GET", url())).statusCode).toBe(401);
  });

  it("validates reminders and quiet hours", async () => {
    const bad = await call(p.app, "PUT", url(), {
      token: adminToken,
      body: {
        reminders: { dayBeforeAt: "25:00", minutesBefore: 1 },
        quietHours: { from: "22:00" },
      },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(["reminders.dayBeforeAt", "reminders.minutesBefore", "quietHours.to"]),
    );
    const ok = await call(p.app, "PUT", url(), {
      token: adminToken,
      body: {
        reminders: { dayBeforeAt: "18:00", minutesBefore: null },
        quietHours: { from: "22:00", to: "08:00" },
      },
    });
    expect(ok.json()).toMatchObject({
      reminders: { dayBeforeAt: "18:00", minutesBefore: null },
      quietHours: { from: "22:00", to: "08:00" },
    });
  });
});

describe("rating request and nearly up by wait", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform(
      { PUBLIC_URL: "https://navbat.example.uz" },
      { dayEndWorker: false },
    );
  });
  afterAll(() => p.close());

  it("asks for a rating once after the service, with the ticket's link", async () => {
    const { company, slug } = await createQueueCompany(p);
    const setup = await createBranchWithService(p.ctx, company);
    const op = await createQueueOperator(p.ctx, company, {
      branchId: setup.branch.id,
      serviceIds: [setup.services[0]!.id],
    });
    const post = (path: string) =>
      call(p.app, "POST", `/api/c/${slug}/queue${path}`, {
        token: op.token,
        body: path === "/session" ? { counterId: setup.counters[0]!.id } : {},
      });
    expect((await post("/session")).statusCode).toBe(200);
    const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
    const t = await issueTicket(p.ctx, company, issuer, {
      branchId: setup.branch.id,
      serviceId: setup.services[0]!.id,
      customerPhone: "+998902223301",
      language: "en",
    });
    expect((await post("/call-next")).statusCode).toBe(200);
    expect((await post(`/tickets/${t.id}/start`)).statusCode).toBe(200);
    expect((await post(`/tickets/${t.id}/finish`)).statusCode).toBe(200);
    await p.ctx.events.idle();
    await replay(p, company);
    const ratings = (await outboxOf(p, company.id)).filter((m) => m.body_text.includes("rate"));
    expect(ratings).toHaveLength(1);
    // It may wait behind the channel's other messages; the call before it may not.
    expect(ratings[0]).toMatchObject({ bulk: true, urgent: false });
    const calledRows = (await outboxOf(p, company.id)).filter((m) =>
      m.dedupe_key?.includes(":CALLED@"),
    );
    expect(calledRows.map((m) => [m.urgent, m.bulk])).toEqual([[true, false]]);
    expect(ratings[0]!.body_text).toBe(
      `${t.label}: thank you! Please rate the service: https://navbat.example.uz/t/${t.token}`,
    );
  });

  it("tells a customer nearly up by estimated wait as well as by place, once", async () => {
    const { company, slug, adminToken } = await createQueueCompany(p);
    const setup = await createBranchWithService(p.ctx, company);
    const service = setup.services[0]!;
    const patched = await call(p.app, "PATCH", `/api/c/${slug}/admin/services/${service.id}`, {
      token: adminToken,
      body: { nearlyUpPosition: 1, nearlyUpMinutes: 240, targetWaitMinutes: 30 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ nearlyUpMinutes: 240, targetWaitMinutes: 30 });
    const bad = await call(p.app, "PATCH", `/api/c/${slug}/admin/services/${service.id}`, {
      token: adminToken,
      body: { nearlyUpMinutes: 999, targetWaitMinutes: 0 },
    });
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["nearlyUpMinutes", "targetWaitMinutes"]);
    const op = await createQueueOperator(p.ctx, company, {
      branchId: setup.branch.id,
      serviceIds: [service.id],
    });
    await call(p.app, "POST", `/api/c/${slug}/queue/session`, {
      token: op.token,
      body: { counterId: setup.counters[0]!.id },
    });
    const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
    const phones = ["+998903334401", "+998903334402", "+998903334403"];
    for (const phone of phones) {
      await issueTicket(p.ctx, company, issuer, {
        branchId: setup.branch.id,
        serviceId: service.id,
        customerPhone: phone,
      });
    }
    await call(p.app, "POST", `/api/c/${slug}/queue/call-next`, { token: op.token, body: {} });
    await p.ctx.events.idle();
    await replay(p, company);
    const nearly = (await outboxOf(p, company.id)).filter((m) =>
      m.body_text.includes("yaqinlashdi"),
    );
    // Place 1 by place; place 2 only by its estimated wait (within 240 minutes).
    expect(nearly.map((m) => m.recipient).sort()).toEqual([phones[1], phones[2]]);
  });
});

describe("staff alert: a wait over its target", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
  });
  afterAll(() => p.close());

  it("mails the managers and admins and tells the staff room once per episode", async () => {
    const { company, slug, adminToken } = await createQueueCompany(p);
    const setup = await createBranchWithService(p.ctx, company, {
      services: [
        { letter: "A", name: "Kassa" },
        { letter: "B", name: "Kredit" },
      ],
    });
    const [kassa, kredit] = setup.services;
    await call(p.app, "PATCH", `/api/c/${slug}/admin/services/${kassa!.id}`, {
      token: adminToken,
      body: { targetWaitMinutes: 10 },
    });
    const op = await createQueueOperator(p.ctx, company, {
      branchId: setup.branch.id,
      serviceIds: [kassa!.id],
    });
    const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
    const issue = (serviceId: string) =>
      issueTicket(p.ctx, company, issuer, { branchId: setup.branch.id, serviceId });
    await issue(kassa!.id);
    await issue(kassa!.id);
    await issue(kredit!.id); // no target: never alerted
    // A staff screen of the branch, connected over the real socket.
    await p.app.listen({ host: "127.0.0.1", port: 0 });
    const base = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;
    const screen = connectClient(base, { slug, token: op.token });
    await screen.next("snapshot");
    const heard: unknown[] = [];
    const deps = {
      db: p.ctx.db,
      publicUrl: "http://localhost",
      alertStaff: (companyId: string, payload: WaitAlertPayload) => {
        heard.push({ companyId, payload });
        p.ctx.realtime.alertStaff(companyId, payload);
      },
    };
    const min = (m: number) => new Date(Date.now() + m * 60_000);
    const alerts = async () =>
      (await outboxOf(p, company.id)).filter((m) => m.dedupe_key?.includes(":wait-alert:"));

    expect(await checkWaitTargets(deps, company, min(9))).toBe(0);
    expect(await checkWaitTargets(deps, company, min(11))).toBe(1);
    expect(await checkWaitTargets(deps, company, min(12))).toBe(0);
    expect(await checkWaitTargets(deps, company, min(30))).toBe(0);
    const first = await alerts();
    const admins = await companyDb(p.ctx.db, company)
      .selectFrom("staff")
      .select("email")
      .where("role", "in", ["COMPANY_ADMIN", "BRANCH_MANAGER"])
      .execute();
    expect(first.map((m) => m.recipient).sort()).toEqual(admins.map((a) => a.email).sort());
    expect(first.every((m) => m.channel === "email")).toBe(true);
    // In the company's language first (Uzbek here), then Russian and English.
    const lines = first[0]!.body_text.split("\n");
    expect(lines[0]).toMatch(/eng uzoq kutish \d+ daqiqa, maqsad 10 daqiqa/);
    expect(lines[1]).toContain("цель 10 мин");
    expect(lines[2]).toContain("over the target of 10 min");
    expect(first[0]!.subject).toMatch(/: kutish maqsaddan oshdi$/);
    expect(first.map((m) => m.recipient)).not.toContain(op.email);
    expect(heard).toEqual([
      {
        companyId: company.id,
        payload: expect.objectContaining({
          branchId: setup.branch.id,
          serviceId: kassa!.id,
          targetMinutes: 10,
        }),
      },
    ]);

    const onScreen = await screen.next<{ serviceId: string; targetMinutes: number }>("wait.alert");
    expect(onScreen).toMatchObject({ serviceId: kassa!.id, targetMinutes: 10 });

    // The line is served: the episode ends; a new long wait is a new episode, alerted once.
    await companyDb(p.ctx.db, company)
      .updateTable("tickets")
      .set({ status: "CANCELLED" })
      .where("service_id", "=", kassa!.id)
      .execute();
    expect(await checkWaitTargets(deps, company, min(31))).toBe(0);
    await issue(kassa!.id);
    expect(await checkWaitTargets(deps, company, min(5))).toBe(0);
    expect(await checkWaitTargets(deps, company, min(15))).toBe(1);
    expect(await checkWaitTargets(deps, company, min(16))).toBe(0);
    expect(await alerts()).toHaveLength(first.length * 2);
    expect(heard).toHaveLength(2);
    await screen.next("wait.alert");
    expect(screen.events.filter((e) => e.name === "wait.alert")).toHaveLength(2);
    screen.close();
  });
});
