import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  companyWithAdmin,
  call,
  createBranch,
  createOperator,
  createService,
  createStaffMember,
  createTestPlatform,
  loginStaff,
  loginSuperAdmin,
  type TestPlatform,
} from "../../testing";

describe("company admin: services", () => {
  let p: TestPlatform;
  let token: string;
  let tsh: { id: string };
  let smq: { id: string };
  const slug = "kapitalbank";
  const url = (path = "") => `/api/c/${slug}/admin/services${path}`;
  const serviceRows = () =>
    p.ctx.db.withSchema("t_kapitalbank").selectFrom("services").selectAll().execute();

  beforeAll(async () => {
    p = await createTestPlatform();
    const superToken = await loginSuperAdmin(p.app);
    token = (await companyWithAdmin(p, superToken, slug)).token;
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
  });
  afterAll(() => p.close());

  it("a service shared by two branches stays one service", async () => {
    const res = await call(p.app, "POST", url(), {
      token,
      body: {
        name: { uz: "Kassa xizmati", ru: "Касса", en: "Cash desk" },
        description: { uz: "Naqd pul operatsiyalari" },
        letter: "k",
        durationMinutes: 15,
        branches: [{ branchId: tsh.id }, { branchId: smq.id, enabled: false }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const kassa = res.json();
    expect(kassa).toMatchObject({
      code: "KASSA",
      letter: "K",
      durationMinutes: 15,
      priority: 0,
      headStartSeconds: 0,
      nearlyUpPosition: 3,
      nearlyUpMinutes: 0,
      targetWaitMinutes: null,
      onlineBooking: true,
      showOnKiosk: true,
      active: true,
    });
    expect(kassa.branches).toEqual(
      expect.arrayContaining([
        { branchId: tsh.id, enabled: true, bookings: 0 },
        { branchId: smq.id, enabled: false, bookings: 0 },
      ]),
    );
    // Enabling it in Samarqand through the branch changes the assignment, never copies the service.
    const put = await call(p.app, "PUT", `/api/c/${slug}/admin/branches/${smq.id}/services`, {
      token,
      body: { services: [{ serviceId: kassa.id, enabled: true }] },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({
      items: [
        {
          serviceId: kassa.id,
          enabled: true,
          letter: "K",
          name: kassa.name,
          active: true,
          bookings: 0,
        },
      ],
      cancelledBookings: 0,
    });
    for (const b of [tsh, smq]) {
      const offered = await call(p.app, "GET", `/api/c/${slug}/admin/branches/${b.id}/services`, {
        token,
      });
      expect(offered.json().items.map((s: { serviceId: string }) => s.serviceId)).toEqual([
        kassa.id,
      ]);
    }
    const rows = (await serviceRows()).filter((s) => s.letter === "K");
    expect(rows).toHaveLength(1);
    const edited = await call(p.app, "PATCH", url(`/${kassa.id}`), {
      token,
      body: { durationMinutes: 20 },
    });
    expect(edited.json().durationMinutes).toBe(20);
    expect(edited.json().branches).toHaveLength(2);
  });

  it("refuses a duplicate letter or code (409 with the field) and unknown branches (400), creating nothing", async () => {
    await createService(p.app, slug, token, {
      name: { uz: "Kredit maslahat" },
      letter: "C",
      durationMinutes: 30,
    });
    const before = (await serviceRows()).length;
    const dupLetter = await call(p.app, "POST", url(), {
      token,
      body: { name: { uz: "Kommunal" }, letter: "c", durationMinutes: 10 },
    });
    expect(dupLetter.statusCode).toBe(409);
    expect(dupLetter.json().error).toMatchObject({
      code: "ALREADY_EXISTS",
      details: [{ path: "letter" }],
    });
    const dupCode = await call(p.app, "POST", url(), {
      token,
      body: { name: { uz: "Kredit 2" }, code: "KREDIT", letter: "CC", durationMinutes: 10 },
    });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().error.details[0].path).toBe("code");
    const unknownBranch = await call(p.app, "POST", url(), {
      token,
      body: {
        name: { uz: "Omonat" },
        letter: "D",
        durationMinutes: 20,
        branches: [{ branchId: tsh.id }, { branchId: "00000000-0000-4000-8000-000000000000" }],
      },
    });
    expect(unknownBranch.statusCode).toBe(400);
    expect(unknownBranch.json().error.details).toEqual([
      { path: "branches.1.branchId", code: "not_found", message: "There is no such branch." },
    ]);
    const twice = await call(p.app, "POST", url(), {
      token,
      body: {
        name: { uz: "Omonat" },
        letter: "D",
        durationMinutes: 20,
        branches: [{ branchId: tsh.id }, { branchId: tsh.id }],
      },
    });
    expect(twice.statusCode).toBe(400);
    const bad = await call(p.app, "POST", url(), {
      token,
      body: { name: { uz: "Omonat" }, letter: "D1", durationMinutes: 0, priority: 11, extra: true },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["durationMinutes", "extra", "letter", "priority"].sort());
    expect((await serviceRows()).length).toBe(before);
  });

  it("sets a service's branches and refuses unknown ids without changing anything", async () => {
    const s = await createService(p.app, slug, token, { branchIds: [tsh.id] });
    const set = await call(p.app, "PUT", url(`/${s.id}/branches`), {
      token,
      body: { branches: [{ branchId: smq.id, enabled: false }] },
    });
    expect(set.json().branches).toEqual([{ branchId: smq.id, enabled: false, bookings: 0 }]);
    const bad = await call(p.app, "PUT", url(`/${s.id}/branches`), {
      token,
      body: {
        branches: [{ branchId: tsh.id }, { branchId: "00000000-0000-4000-8000-000000000001" }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("branches.1.branchId");
    expect((await call(p.app, "GET", url(`/${s.id}`), { token })).json().branches).toEqual([
      { branchId: smq.id, enabled: false, bookings: 0 },
    ]);
    const badBranchPut = await call(
      p.app,
      "PUT",
      `/api/c/${slug}/admin/branches/${tsh.id}/services`,
      {
        token,
        body: { services: [{ serviceId: "00000000-0000-4000-8000-000000000002" }] },
      },
    );
    expect(badBranchPut.statusCode).toBe(400);
    expect(badBranchPut.json().error.details[0].path).toBe("services.0.serviceId");
  });

  it("a branch that stops offering a service takes it from its operators", async () => {
    const s = await createService(p.app, slug, token, { branchIds: [tsh.id, smq.id] });
    const op = await createOperator(p.app, slug, token, { branchId: tsh.id, serviceIds: [s.id] });
    await call(p.app, "PUT", url(`/${s.id}/branches`), {
      token,
      body: { branches: [{ branchId: smq.id }] },
    });
    const after = await call(p.app, "GET", `/api/c/${slug}/admin/staff/${op.id}`, { token });
    expect(after.json().serviceIds).toEqual([]);
  });

  it("lists with search, filters by active, deletes unused services, and audits", async () => {
    const s = await createService(p.app, slug, token, {
      name: { uz: "Valyuta ayirboshlash" },
      active: false,
    });
    const search = await call(p.app, "GET", url("?search=valyuta"), { token });
    expect(search.json().items.map((x: { id: string }) => x.id)).toEqual([s.id]);
    const inactive = await call(p.app, "GET", url("?active=false"), { token });
    expect(inactive.json().items.map((x: { id: string }) => x.id)).toContain(s.id);
    expect((await call(p.app, "DELETE", url(`/${s.id}`), { token })).statusCode).toBe(204);
    expect((await call(p.app, "GET", url(`/${s.id}`), { token })).statusCode).toBe(404);
    const audit = await p.ctx.db
      .selectFrom("platform.audit_log")
      .select("action")
      .where("target_id", "=", s.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["service.create", "service.delete"]);
  });

  it("lets a branch manager read services and set its own branch's offer, nothing more", async () => {
    const s = await createService(p.app, slug, token, { branchIds: [tsh.id, smq.id] });
    const m = await createStaffMember(p.app, slug, token, {
      role: "BRANCH_MANAGER",
      branchIds: [tsh.id],
    });
    const mToken = await loginStaff(p.app, slug, m.email, m.oneTimePassword);
    const read = await call(p.app, "GET", url(`/${s.id}`), { token: mToken });
    expect(read.json().branches).toEqual([{ branchId: tsh.id, enabled: true, bookings: 0 }]);
    expect((await call(p.app, "GET", url(), { token: mToken })).statusCode).toBe(200);
    for (const [method, path] of [
      ["POST", ""],
      ["PATCH", `/${s.id}`],
      ["DELETE", `/${s.id}`],
      ["PUT", `/${s.id}/branches`],
    ] as const) {
      const res = await call(p.app, method, url(path), {
        token: mToken,
        body: method === "DELETE" ? undefined : {},
      });
      expect(res.statusCode, `${method} ${path}`).toBe(403);
    }
    const own = await call(p.app, "PUT", `/api/c/${slug}/admin/branches/${tsh.id}/services`, {
      token: mToken,
      body: { services: [{ serviceId: s.id, enabled: false }] },
    });
    expect(own.statusCode, own.body).toBe(200);
    const foreign = await call(p.app, "PUT", `/api/c/${slug}/admin/branches/${smq.id}/services`, {
      token: mToken,
      body: { services: [] },
    });
    expect(foreign.statusCode).toBe(404);
  });
});
