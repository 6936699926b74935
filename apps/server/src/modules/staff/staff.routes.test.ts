import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateCompanyAdmin,
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
  readInvitePassword,
  type TestPlatform,
} from "../../testing";

describe("company admin: staff accounts and assignments", () => {
  let p: TestPlatform;
  let token: string;
  let tsh: { id: string };
  let smq: { id: string };
  let kassa: { id: string };
  let kredit: { id: string };
  let omonat: { id: string };
  let tshCounter: { id: string };
  let smqCounter: { id: string };
  const slug = "hamkorbank";
  const url = (path = "") => `/api/c/${slug}/admin/staff${path}`;
  const staffCount = async () =>
    (await p.ctx.db.withSchema("t_hamkorbank").selectFrom("staff").select("id").execute()).length;

  beforeAll(async () => {
    p = await createTestPlatform();
    const superToken = await loginSuperAdmin(p.app);
    const company = await createCompany(p.app, superToken, {
      slug,
      adminEmail: "admin@hamkorbank.uz",
    });
    token = (await activateCompanyAdmin(p.app, p.ctx, company)).token;
    tsh = await createBranch(p.app, slug, token, {
      name: { uz: "Toshkent filiali" },
      slug: "toshkent",
      code: "TSH",
    });
    smq = await createBranch(p.app, slug, token, {
      name: { uz: "Samarqand filiali" },
      slug: "samarqand",
      code: "SMQ",
    });
    kassa = await createService(p.app, slug, token, { letter: "K", branchIds: [tsh.id, smq.id] });
    kredit = await createService(p.app, slug, token, { letter: "C", branchIds: [tsh.id, smq.id] });
    omonat = await createService(p.app, slug, token, { letter: "D", branchIds: [tsh.id] });
    tshCounter = await createCounter(p.app, slug, token, tsh.id, { number: 1 });
    smqCounter = await createCounter(p.app, slug, token, smq.id, { number: 1 });
  });
  afterAll(() => p.close());

  it("creates an operator with a one-time password shown once; the operator sees its own profile", async () => {
    const res = await call(p.app, "POST", url(), {
      token,
      body: {
        email: "aziza@hamkorbank.uz",
        name: "Aziza Karimova",
        role: "OPERATOR",
        phone: "+998 90 123 45 67",
        branchId: tsh.id,
        counterId: tshCounter.id,
        serviceIds: [kredit.id, omonat.id],
        weeklySchedule: {
          "1": { open: "09:00", close: "18:00", breaks: [{ start: "13:00", end: "14:00" }] },
        },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { staff, oneTimePassword, outboxId } = res.json();
    expect(oneTimePassword).toMatch(/^\S{12}$/);
    expect(outboxId).toBeNull();
    expect(staff).toMatchObject({
      role: "OPERATOR",
      active: true,
      mustChangePassword: true,
      branchId: tsh.id,
      counterId: tshCounter.id,
      branchIds: [],
    });
    expect([...staff.serviceIds].sort()).toEqual([kredit.id, omonat.id].sort());
    expect((await call(p.app, "GET", url(`/${staff.id}`), { token })).json()).not.toHaveProperty(
      "oneTimePassword",
    );

    const opToken = await loginStaff(p.app, slug, "aziza@hamkorbank.uz", oneTimePassword);
    const me = await call(p.app, "GET", `/api/c/${slug}/staff/me`, { token: opToken });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({
      email: "aziza@hamkorbank.uz",
      role: "OPERATOR",
      branch: { id: tsh.id, slug: "toshkent", code: "TSH", timeZone: "Asia/Tashkent" },
      counter: { id: tshCounter.id, number: 1 },
      managedBranches: [],
      company: { slug, primaryColor: null },
    });
    expect(me.json().services.map((s: { letter: string }) => s.letter)).toEqual(["C", "D"]);
    // An operator may not use the admin API.
    const refused = await call(p.app, "GET", url(), { token: opToken });
    expect(refused.statusCode).toBe(403);
  });

  it("invites by e-mail through the outbox instead of showing the password", async () => {
    const res = await call(p.app, "POST", url(), {
      token,
      body: {
        email: "Bobur@Hamkorbank.uz",
        name: "Bobur",
        role: "BRANCH_MANAGER",
        branchIds: [smq.id],
        delivery: "EMAIL",
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ oneTimePassword: null, outboxId: expect.any(String) });
    const otp = await readInvitePassword(p.ctx, "Bobur@Hamkorbank.uz");
    const mToken = await loginStaff(p.app, slug, "bobur@hamkorbank.uz", otp);
    const me = (await call(p.app, "GET", `/api/c/${slug}/staff/me`, { token: mToken })).json();
    expect(me.managedBranches.map((b: { id: string }) => b.id)).toEqual([smq.id]);
    expect(me.branch).toBeNull();
  });

  it("refuses bad references with the field path, never a 500, and creates nothing", async () => {
    const before = await staffCount();
    const attempt = async (body: Record<string, unknown>, status: number, path: string) => {
      const res = await call(p.app, "POST", url(), {
        token,
        body: {
          email: `new${Math.random().toString(36).slice(2, 7)}@hamkorbank.uz`,
          name: "Yangi xodim",
          ...body,
        },
      });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(status);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    };
    const unknown = "00000000-0000-4000-8000-000000000000";
    await attempt({ role: "OPERATOR" }, 400, "branchId");
    await attempt({ role: "OPERATOR", branchId: unknown }, 400, "branchId");
    await attempt(
      { role: "OPERATOR", branchId: tsh.id, serviceIds: [kassa.id, unknown] },
      400,
      "serviceIds.1",
    );
    await attempt(
      { role: "OPERATOR", branchId: smq.id, serviceIds: [omonat.id] },
      400,
      "serviceIds.0",
    );
    await attempt(
      { role: "OPERATOR", branchId: tsh.id, counterId: smqCounter.id },
      400,
      "counterId",
    );
    await attempt({ role: "OPERATOR", branchId: tsh.id, counterId: unknown }, 400, "counterId");
    await attempt(
      { role: "OPERATOR", branchId: tsh.id, serviceIds: ["nope"] },
      400,
      "serviceIds.0",
    );
    await attempt({ role: "OPERATOR", branchId: tsh.id, branchIds: [tsh.id] }, 400, "branchIds");
    await attempt({ role: "BRANCH_MANAGER" }, 400, "branchIds");
    await attempt({ role: "BRANCH_MANAGER", branchIds: [unknown] }, 400, "branchIds.0");
    await attempt({ role: "COMPANY_ADMIN", counterId: tshCounter.id }, 400, "counterId");
    await attempt({ role: "KING" }, 400, "role");
    await attempt({ role: "OPERATOR", branchId: tsh.id, password: "x" }, 400, "password");
    await attempt(
      { role: "OPERATOR", branchId: tsh.id, email: "ADMIN@hamkorbank.uz" },
      409,
      "email",
    );
    expect(await staffCount()).toBe(before);
  });

  it("moves an operator to another branch: the counter goes, services not offered there go", async () => {
    const op = await createOperator(p.app, slug, token, {
      branchId: tsh.id,
      counterId: tshCounter.id,
      serviceIds: [kassa.id, omonat.id],
    });
    const moved = await call(p.app, "PATCH", url(`/${op.id}`), {
      token,
      body: { branchId: smq.id },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      branchId: smq.id,
      counterId: null,
      serviceIds: [kassa.id],
    });
    const seated = await call(p.app, "PATCH", url(`/${op.id}`), {
      token,
      body: { counterId: smqCounter.id, serviceIds: [kassa.id, kredit.id], name: "Dilnoza" },
    });
    expect(seated.json()).toMatchObject({ counterId: smqCounter.id, name: "Dilnoza" });
    const wrongCounter = await call(p.app, "PATCH", url(`/${op.id}`), {
      token,
      body: { counterId: tshCounter.id },
    });
    expect(wrongCounter.statusCode).toBe(400);
    expect(wrongCounter.json().error.details[0]).toEqual({
      path: "counterId",
      code: "other_branch",
      message: expect.stringContaining("another branch"),
    });
    const promoted = await call(p.app, "PATCH", url(`/${op.id}`), {
      token,
      body: { role: "BRANCH_MANAGER", branchIds: [tsh.id, smq.id] },
    });
    expect(promoted.json()).toMatchObject({
      role: "BRANCH_MANAGER",
      branchId: null,
      counterId: null,
      serviceIds: [],
    });
    expect(promoted.json().branchIds.sort()).toEqual([tsh.id, smq.id].sort());
    const audit = await p.ctx.db
      .selectFrom("platform.audit_log")
      .select(["action", "details"])
      .where("target_id", "=", op.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "staff.create",
      "staff.update",
      "staff.update",
      "staff.update",
    ]);
    expect(audit[3]!.details).toMatchObject({ role: { from: "OPERATOR", to: "BRANCH_MANAGER" } });
  });

  it("lists staff with search, role, branch and paging", async () => {
    const all = await call(p.app, "GET", url("?pageSize=100"), { token });
    expect(all.json().total).toBeGreaterThanOrEqual(4);
    const ops = await call(p.app, "GET", url(`?role=OPERATOR&branchId=${tsh.id}`), { token });
    expect(
      ops
        .json()
        .items.every(
          (s: { role: string; branchId: string }) => s.role === "OPERATOR" && s.branchId === tsh.id,
        ),
    ).toBe(true);
    const found = await call(p.app, "GET", url("?search=aziza"), { token });
    expect(found.json().items.map((s: { email: string }) => s.email)).toEqual([
      "aziza@hamkorbank.uz",
    ]);
    const paged = await call(p.app, "GET", url("?pageSize=1&page=2"), { token });
    expect(paged.json()).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.json().items).toHaveLength(1);
  });

  it("a branch manager manages operators of its branches only", async () => {
    const m = await createStaffMember(p.app, slug, token, {
      role: "BRANCH_MANAGER",
      branchIds: [smq.id],
    });
    const mToken = await loginStaff(p.app, slug, m.email, m.oneTimePassword);
    const mine = await call(p.app, "POST", url(), {
      token: mToken,
      body: {
        email: "jasur@hamkorbank.uz",
        name: "Jasur",
        role: "OPERATOR",
        branchId: smq.id,
        serviceIds: [kredit.id],
      },
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const outside = await call(p.app, "POST", url(), {
      token: mToken,
      body: { email: "x1@hamkorbank.uz", name: "Xodim", role: "OPERATOR", branchId: tsh.id },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].path).toBe("branchId");
    const admin = await call(p.app, "POST", url(), {
      token: mToken,
      body: { email: "x2@hamkorbank.uz", name: "Xodim", role: "COMPANY_ADMIN" },
    });
    expect(admin.statusCode).toBe(403);
    const list = (await call(p.app, "GET", url("?pageSize=100"), { token: mToken })).json();
    expect(
      list.items.every(
        (s: { role: string; branchId: string }) => s.role === "OPERATOR" && s.branchId === smq.id,
      ),
    ).toBe(true);
    const aziza = (await call(p.app, "GET", url("?search=aziza"), { token })).json().items[0];
    for (const [method, path, body] of [
      ["GET", `/${aziza.id}`, undefined],
      ["PATCH", `/${aziza.id}`, { name: "Zarina" }],
      ["POST", `/${aziza.id}/deactivate`, undefined],
      ["POST", `/${aziza.id}/reset-password`, undefined],
      ["GET", `/${m.id}`, undefined],
    ] as const) {
      const res = await call(p.app, method, url(path), { token: mToken, body });
      expect(res.statusCode, `${method} ${path}`).toBe(404);
    }
    const promote = await call(p.app, "PATCH", url(`/${mine.json().staff.id}`), {
      token: mToken,
      body: { role: "BRANCH_MANAGER", branchIds: [smq.id] },
    });
    expect(promote.statusCode).toBe(403);
  });
});
