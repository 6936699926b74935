import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createBranchWithService,
  createDisplayDevice,
  createQueueCompany,
  createQueueOperator,
  createTestPlatform,
  deviceAuth,
  issueTickets,
  type TestPlatform,
} from "../../testing";
import { companyDb, type CompanyRecord } from "../tenancy/company-directory";
import { KIOSK_ISSUE_LIMIT } from "./kiosk.routes";

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(() => p.close());

type BranchOpts = Parameters<typeof createBranchWithService>[2];

/** A company with a branch of two services and a paired kiosk there. */
async function kioskBranch(opts: BranchOpts = {}) {
  const { company, slug, adminToken } = await createQueueCompany(p);
  const seeded = await createBranchWithService(p.ctx, company, {
    services: [
      { letter: "A", name: "Kassa" },
      { letter: "B", name: "Kredit" },
    ],
    ...opts,
  });
  const token = await createDisplayDevice(p.ctx, company, seeded.branch.id, "KIOSK");
  return { company, slug, adminToken, token, ...seeded };
}

const snapshot = (slug: string, token: string) =>
  call(p.app, "GET", `/api/c/${slug}/kiosk/snapshot`, { headers: deviceAuth(token) });
const issue = (slug: string, token: string, body: unknown) =>
  call(p.app, "POST", `/api/c/${slug}/kiosk/tickets`, { headers: deviceAuth(token), body });

async function ticketRow(company: CompanyRecord, label: string) {
  return companyDb(p.ctx.db, company)
    .selectFrom("tickets")
    .selectAll()
    .where("label", "=", label)
    .executeTakeFirstOrThrow();
}

describe("the kiosk's snapshot", () => {
  it("shows branding, settings and each service with its line, operators and wait range", async () => {
    const k = await kioskBranch();
    const [kassa] = k.services;
    const op = await createQueueOperator(p.ctx, k.company, {
      branchId: k.branch.id,
      serviceIds: [kassa!.id],
    });
    await call(p.app, "POST", `/api/c/${k.slug}/queue/session`, {
      token: op.token,
      body: { counterId: k.counters[0]!.id },
    });
    await issueTickets(p.ctx, k.company, { branchId: k.branch.id, serviceId: kassa!.id, count: 3 });
    const res = await snapshot(k.slug, k.token);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.company.name).toBeTruthy();
    expect(body.branch.id).toBe(k.branch.id);
    expect(body.settings).toEqual({
      languages: ["uz", "ru", "en"],
      autoPrint: true,
      idleResetSeconds: 300,
      offlineIssuing: false,
    });
    expect(body.services.map((s: { letter: string }) => s.letter)).toEqual(["A", "B"]);
    // Numbered by source here: a kiosk ticket of either service is K-…, not A-… or B-….
    expect(body.services.map((s: { ticketSeries: string }) => s.ticketSeries)).toEqual(["K", "K"]);
    const line = body.services[0];
    expect(line).toMatchObject({ waiting: 3, operatorsServing: 1, open: true, closedReason: null });
    expect(line.wait.highMinutes).toBeGreaterThanOrEqual(line.wait.lowMinutes);
    expect(line.wait.highMinutes).toBeGreaterThan(0);
    expect(body.services[1]).toMatchObject({ waiting: 0, operatorsServing: 0 });
    expect(JSON.stringify(body)).not.toMatch(/customer|phone/i);
  });

  it("shows only the services the kiosk's settings choose", async () => {
    const k = await kioskBranch();
    await companyDb(p.ctx.db, k.company)
      .updateTable("devices")
      .set({
        settings: JSON.stringify({ serviceIds: [k.services[1]!.id], languages: ["uz-Cyrl", "ru"] }),
      })
      .execute();
    const body = (await snapshot(k.slug, k.token)).json();
    expect(body.services.map((s: { id: string }) => s.id)).toEqual([k.services[1]!.id]);
    expect(body.settings.languages).toEqual(["uz-Cyrl", "ru"]);
    const refused = await issue(k.slug, k.token, { serviceId: k.services[0]!.id });
    expect(refused.statusCode).toBe(404);
  });

  it("says why services are closed: closed today, outside hours, daily limit", async () => {
    const closedToday = await kioskBranch();
    const tz = "Asia/Tashkent";
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: tz }).format(new Date());
    await companyDb(p.ctx.db, closedToday.company)
      .insertInto("branch_exceptions")
      .values({ branch_id: closedToday.branch.id, day: today, kind: "CLOSED" })
      .execute();
    const a = (await snapshot(closedToday.slug, closedToday.token)).json();
    expect(a.services[0]).toMatchObject({ open: false, closedReason: "CLOSED_TODAY" });
    const refusedA = await issue(closedToday.slug, closedToday.token, {
      serviceId: closedToday.services[0]!.id,
    });
    expect(refusedA.json().error.code).toBe("BRANCH_CLOSED");

    const late = await kioskBranch();
    // Every day closes at midnight: it is always after hours.
    const hours = Object.fromEntries(
      ["1", "2", "3", "4", "5", "6", "7"].map((d) => [
        d,
        { open: "00:00", close: "00:00", breaks: [] },
      ]),
    );
    await companyDb(p.ctx.db, late.company)
      .updateTable("branches")
      .set({ weekly_hours: JSON.stringify(hours) })
      .execute();
    const b = (await snapshot(late.slug, late.token)).json();
    expect(b.services[1]).toMatchObject({ open: false, closedReason: "OUTSIDE_HOURS" });
    expect(
      (await issue(late.slug, late.token, { serviceId: late.services[0]!.id })).json().error.code,
    ).toBe("BRANCH_CLOSED");

    const full = await kioskBranch({ dailyLimit: 1 });
    const first = await issue(full.slug, full.token, { serviceId: full.services[0]!.id });
    expect(first.statusCode).toBe(201);
    const c = (await snapshot(full.slug, full.token)).json();
    expect(c.services[0]).toMatchObject({ open: false, closedReason: "DAILY_LIMIT" });
    const second = await issue(full.slug, full.token, { serviceId: full.services[1]!.id });
    expect(second.json().error.code).toBe("DAILY_LIMIT_REACHED");
  });
});

describe("issuing a ticket at the kiosk", () => {
  it("issues a KIOSK ticket with people ahead, a wait range and a tracking link; the phone is normalised", async () => {
    const k = await kioskBranch();
    const kassa = k.services[0]!;
    await issueTickets(p.ctx, k.company, { branchId: k.branch.id, serviceId: kassa.id, count: 2 });
    const res = await issue(k.slug, k.token, {
      serviceId: kassa.id,
      name: "  Aziz  ",
      phone: "90 123 45 67",
      // The screen's language at the moment: the customer's SMS speak it.
      language: "ru",
      // The source follows from the caller; a body cannot choose it.
    });
    expect(res.statusCode).toBe(201);
    const { ticket } = res.json();
    expect(ticket.label).toBe("K-001");
    expect(ticket.peopleAhead).toBe(2);
    expect(ticket.wait.highMinutes).toBeGreaterThanOrEqual(ticket.wait.lowMinutes);
    expect(ticket.trackPath).toBe(`/t/${ticket.token}`);
    expect(ticket.serviceName.uz).toBe("Kassa");
    const row = await ticketRow(k.company, "K-001");
    expect(row).toMatchObject({
      source: "KIOSK",
      branch_id: k.branch.id,
      customer_name: "Aziz",
      customer_phone: "+998901234567",
      language: "ru",
    });
    const track = await call(p.app, "GET", `/api/c/${k.slug}/public/tickets/${ticket.token}`);
    expect(track.json().label).toBe("K-001");

    const anonymous = await issue(k.slug, k.token, { serviceId: kassa.id });
    expect(anonymous.json().ticket.label).toBe("K-002");
    expect(await ticketRow(k.company, "K-002")).toMatchObject({
      customer_name: null,
      customer_phone: null,
      language: null,
    });
  });

  it("answers bad input with 400 and field paths, never taking a number", async () => {
    const k = await kioskBranch();
    const bad = await issue(k.slug, k.token, { serviceId: "nope", phone: "12", source: "WALK_IN" });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["serviceId", "phone"]));
    const foreignPhone = await issue(k.slug, k.token, {
      serviceId: k.services[0]!.id,
      phone: "+7 912 345 67 89",
    });
    expect(foreignPhone.statusCode).toBe(400);
    expect(foreignPhone.json().error.details[0].path).toBe("phone");
    const unknown = await issue(k.slug, k.token, { serviceId: crypto.randomUUID() });
    expect(unknown.statusCode).toBe(404);
    const good = await issue(k.slug, k.token, { serviceId: k.services[0]!.id });
    expect(good.json().ticket.label).toBe("K-001");
  });

  it("limits how fast one kiosk issues, per device", async () => {
    const k = await kioskBranch();
    const other = await createDisplayDevice(p.ctx, k.company, k.branch.id, "KIOSK");
    const serviceId = k.services[0]!.id;
    for (let i = 0; i < KIOSK_ISSUE_LIMIT.max; i++) {
      expect((await issue(k.slug, k.token, { serviceId })).statusCode).toBe(201);
    }
    const limited = await issue(k.slug, k.token, { serviceId });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers["retry-after"]).toBeDefined();
    expect((await issue(k.slug, other, { serviceId })).statusCode).toBe(201);
  });
});

describe("who may use the kiosk's endpoints", () => {
  it("refuses anonymous callers, people's tokens, display boards, and other companies' kiosks", async () => {
    const k = await kioskBranch();
    const other = await kioskBranch();
    const display = await createDisplayDevice(p.ctx, k.company, k.branch.id, "DISPLAY");
    const serviceId = k.services[0]!.id;
    const urls = [
      ["GET", `/api/c/${k.slug}/kiosk/snapshot`, undefined],
      ["POST", `/api/c/${k.slug}/kiosk/tickets`, { serviceId }],
    ] as const;
    for (const [method, url, body] of urls) {
      const anon = await call(p.app, method, url, { body });
      expect(anon.statusCode, `${method} ${url} anonymous`).toBe(401);
      const admin = await call(p.app, method, url, { body, token: k.adminToken });
      expect(admin.json().error.code).toBe("UNAUTHENTICATED");
      const board = await call(p.app, method, url, { body, headers: deviceAuth(display) });
      expect(board.statusCode, `${method} ${url} display board`).toBe(403);
      const foreign = await call(p.app, method, url, { body, headers: deviceAuth(other.token) });
      expect(foreign.statusCode, `${method} ${url} another company's kiosk`).toBe(401);
    }
    // Another company's service id through the kiosk's own company is not offered here.
    const foreignService = await issue(k.slug, k.token, { serviceId: other.services[0]!.id });
    expect(foreignService.statusCode).toBe(404);
    expect(
      await companyDb(p.ctx.db, other.company).selectFrom("tickets").selectAll().execute(),
    ).toHaveLength(0);
  });

  it("refuses a revoked kiosk, and a kiosk of another branch only sees its own", async () => {
    const k = await kioskBranch();
    const second = await createBranchWithService(p.ctx, k.company, { services: [{ letter: "C" }] });
    const there = await createDisplayDevice(p.ctx, k.company, second.branch.id, "KIOSK");
    const own = (await snapshot(k.slug, there)).json();
    expect(own.branch.id).toBe(second.branch.id);
    const crossBranch = await issue(k.slug, there, { serviceId: k.services[0]!.id });
    expect(crossBranch.statusCode).toBe(404);
    await companyDb(p.ctx.db, k.company)
      .updateTable("devices")
      .set({ revoked_at: new Date() })
      .execute();
    p.ctx.deviceTokens.forget();
    expect((await snapshot(k.slug, k.token)).statusCode).toBe(401);
  });
});
