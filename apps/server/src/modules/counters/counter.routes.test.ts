import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  companyWithAdmin,
  call,
  createBranch,
  createStaffMember,
  createTestPlatform,
  loginStaff,
  loginSuperAdmin,
  type TestPlatform,
} from "../../testing";

describe("company admin: counters", () => {
  let p: TestPlatform;
  let token: string;
  let tsh: { id: string };
  let smq: { id: string };
  const slug = "aloqabank";
  const counters = (branchId: string) => `/api/c/${slug}/admin/branches/${branchId}/counters`;
  const counter = (id: string) => `/api/c/${slug}/admin/counters/${id}`;

  beforeAll(async () => {
    p = await createTestPlatform();
    const superToken = await loginSuperAdmin(p.app);
    token = (await companyWithAdmin(p, superToken, slug)).token;
    tsh = await createBranch(p.app, slug, token, { slug: "toshkent", code: "TSH" });
    smq = await createBranch(p.app, slug, token, { slug: "samarqand", code: "SMQ" });
  });
  afterAll(() => p.close());

  it("numbers counters uniquely per branch: a duplicate is 409 on `number` and adds nothing", async () => {
    for (const number of [2, 1, 3]) {
      const res = await call(p.app, "POST", counters(tsh.id), {
        token,
        body: { number, name: `${number}-oyna` },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const dup = await call(p.app, "POST", counters(tsh.id), { token, body: { number: 2 } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error).toMatchObject({
      code: "ALREADY_EXISTS",
      message: expect.stringContaining("Counter 2"),
      details: [{ path: "number", message: expect.stringContaining("Counter 2") }],
    });
    const list = await call(p.app, "GET", counters(tsh.id), { token });
    expect(list.json().items.map((c: { number: number }) => c.number)).toEqual([1, 2, 3]);
    const elsewhere = await call(p.app, "POST", counters(smq.id), { token, body: { number: 2 } });
    expect(elsewhere.statusCode).toBe(201);
  });

  it("validates input and edits a counter, refusing a number already taken", async () => {
    for (const body of [
      { number: 0 },
      { number: 1000 },
      { number: "4" },
      {},
      { number: 4, window: 1 },
    ]) {
      expect(
        (await call(p.app, "POST", counters(tsh.id), { token, body })).statusCode,
        JSON.stringify(body),
      ).toBe(400);
    }
    const c = (await call(p.app, "POST", counters(tsh.id), { token, body: { number: 7 } })).json();
    expect(c).toMatchObject({ number: 7, name: null, active: true, branchId: tsh.id });
    const taken = await call(p.app, "PATCH", counter(c.id), { token, body: { number: 1 } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details[0].path).toBe("number");
    const edited = await call(p.app, "PATCH", counter(c.id), {
      token,
      body: { number: 8, name: "VIP", active: false },
    });
    expect(edited.json()).toMatchObject({ number: 8, name: "VIP", active: false });
    expect((await call(p.app, "GET", counter(c.id), { token })).json().number).toBe(8);
    expect((await call(p.app, "DELETE", counter(c.id), { token })).statusCode).toBe(204);
    expect((await call(p.app, "GET", counter(c.id), { token })).statusCode).toBe(404);
    const audit = await p.ctx.db
      .selectFrom("platform.audit_log")
      .select("action")
      .where("target_id", "=", c.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "counter.create",
      "counter.update",
      "counter.delete",
    ]);
  });

  it("a branch manager manages the counters of its branches; others answer not-found", async () => {
    const m = await createStaffMember(p.app, slug, token, {
      role: "BRANCH_MANAGER",
      branchIds: [smq.id],
    });
    const mToken = await loginStaff(p.app, slug, m.email, m.oneTimePassword);
    const own = await call(p.app, "POST", counters(smq.id), { token: mToken, body: { number: 5 } });
    expect(own.statusCode).toBe(201);
    const foreignList = await call(p.app, "GET", counters(tsh.id), { token: mToken });
    expect(foreignList.statusCode).toBe(404);
    const tshCounter = (await call(p.app, "GET", counters(tsh.id), { token })).json().items[0];
    for (const [method, body] of [
      ["GET", undefined],
      ["PATCH", { name: "x" }],
      ["DELETE", undefined],
    ] as const) {
      const res = await call(p.app, method, counter(tshCounter.id), { token: mToken, body });
      expect(res.statusCode, method).toBe(404);
    }
    expect(
      (await call(p.app, "POST", counters(tsh.id), { token: mToken, body: { number: 9 } }))
        .statusCode,
    ).toBe(404);
  });
});
