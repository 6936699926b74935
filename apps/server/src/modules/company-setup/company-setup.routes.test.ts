import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateCompanyAdmin,
  addDevice,
  call,
  createBranch,
  createCompany,
  createCounter,
  createOperator,
  createService,
  createStaffMember,
  createTestPlatform,
  loginStaff,
  loginSuperAdmin,
  pairDevice,
  type TestPlatform,
} from "../../testing";

describe("company admin: set-up checklist, ready for activation, branding", () => {
  let p: TestPlatform;
  let superToken: string;
  let companyId: string;
  let token: string;
  const slug = "kapitalbank";
  const admin = (path: string) => `/api/c/${slug}/admin${path}`;
  const checklist = async () => {
    const res = await call(p.app, "GET", admin("/overview"), { token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const done = (o: { checklist: { key: string; done: boolean }[] }) =>
    o.checklist.filter((i) => i.done).map((i) => i.key);

  beforeAll(async () => {
    p = await createTestPlatform();
    superToken = await loginSuperAdmin(p.app);
    const company = await createCompany(p.app, superToken, {
      slug,
      adminEmail: "admin@kapitalbank.uz",
    });
    companyId = company.id;
    token = (await activateCompanyAdmin(p.app, p.ctx, company)).token;
  });
  afterAll(() => p.close());

  it("says what is missing, refuses 'ready' until the required steps are done, then records it", async () => {
    const empty = await checklist();
    expect(empty).toMatchObject({
      status: "INACTIVE",
      readyRequestedAt: null,
      canRequestActivation: false,
    });
    expect(done(empty)).toEqual([]);
    expect(empty.checklist.find((i: { key: string }) => i.key === "branches").message).toMatch(
      /first branch/,
    );

    const refused = await call(p.app, "POST", admin("/ready"), { token });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: "SETUP_INCOMPLETE",
      message: expect.stringContaining("branch"),
    });
    expect(refused.json().error.details.map((d: { path: string }) => d.path)).toEqual([
      "branches",
      "services",
      "operators",
    ]);

    const branch = await createBranch(p.app, slug, token, {
      name: { uz: "Toshkent filiali" },
      weeklyHours: {},
    });
    const svc = await createService(p.app, slug, token, { branchIds: [branch.id] });
    const partly = await checklist();
    expect(done(partly)).toEqual(["branches", "services"]);
    expect(partly.checklist.find((i: { key: string }) => i.key === "hours").message).toContain(
      "Toshkent filiali",
    );
    expect((await call(p.app, "POST", admin("/ready"), { token })).json().error.details).toEqual([
      { path: "operators", code: "required", message: expect.stringContaining("operator") },
    ]);

    await createCounter(p.app, slug, token, branch.id, { number: 1 });
    await createOperator(p.app, slug, token, { branchId: branch.id, serviceIds: [svc.id] });
    await call(p.app, "PATCH", admin(`/branches/${branch.id}`), {
      token,
      body: { weeklyHours: { "1": { open: "09:00", close: "18:00" } } },
    });
    const kiosk = await addDevice(p.app, slug, token, { branchId: branch.id });
    await pairDevice(p.app, slug, kiosk.pairingCode);
    const full = await checklist();
    expect(done(full)).toEqual([
      "branches",
      "services",
      "operators",
      "hours",
      "counters",
      "devices",
    ]);
    expect(full).toMatchObject({
      canRequestActivation: true,
      counts: {
        branches: 1,
        openBranches: 1,
        services: 1,
        activeServices: 1,
        counters: 1,
        operators: 1,
        pairedDevices: 1,
      },
    });

    const ready = await call(p.app, "POST", admin("/ready"), { token });
    expect(ready.statusCode, ready.body).toBe(200);
    const seen = await call(p.app, "GET", `/api/platform/companies/${companyId}`, {
      token: superToken,
    });
    expect(seen.json().readyRequestedAt).toBe(ready.json().readyRequestedAt);
    const audit = await p.ctx.db
      .selectFrom("platform.audit_log")
      .select(["action", "actor_email"])
      .where("action", "=", "company.ready.request")
      .execute();
    expect(audit).toEqual([
      { action: "company.ready.request", actor_email: "admin@kapitalbank.uz" },
    ]);

    await call(p.app, "POST", `/api/platform/companies/${companyId}/activate`, {
      token: superToken,
    });
    const again = await call(p.app, "POST", admin("/ready"), { token });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/already active/);
  });

  it("sets the company colour; the logo stays with the platform", async () => {
    const set = await call(p.app, "PATCH", admin("/branding"), {
      token,
      body: { primaryColor: "#0a6ed1" },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({
      name: expect.any(String),
      logoUrl: null,
      primaryColor: "#0A6ED1",
    });
    expect((await call(p.app, "GET", admin("/branding"), { token })).json().primaryColor).toBe(
      "#0A6ED1",
    );
    for (const body of [
      { primaryColor: "blue" },
      { primaryColor: "#12345" },
      { logoId: null },
      {},
    ]) {
      const res = await call(p.app, "PATCH", admin("/branding"), { token, body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const me = await call(p.app, "GET", `/api/c/${slug}/staff/me`, { token });
    expect(me.json().company.primaryColor).toBe("#0A6ED1");
    const cleared = await call(p.app, "PATCH", admin("/branding"), {
      token,
      body: { primaryColor: null },
    });
    expect(cleared.json().primaryColor).toBeNull();
  });

  it("is for company admins only", async () => {
    const branch = await createBranch(p.app, slug, token);
    const m = await createStaffMember(p.app, slug, token, {
      role: "BRANCH_MANAGER",
      branchIds: [branch.id],
    });
    const mToken = await loginStaff(p.app, slug, m.email, m.oneTimePassword);
    for (const [method, path] of [
      ["GET", "/overview"],
      ["POST", "/ready"],
      ["GET", "/branding"],
      ["PATCH", "/branding"],
    ] as const) {
      const res = await call(p.app, method, admin(path), {
        token: mToken,
        body: method === "GET" ? undefined : {},
      });
      expect(res.statusCode, `${method} ${path}`).toBe(403);
    }
  });
});
