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

describe("company admin: branch exceptions and branch managers", () => {
  let p: TestPlatform;
  let token: string;
  const slug = "hamkorbank";
  const url = (path = "") => `/api/c/${slug}/admin/branches${path}`;

  beforeAll(async () => {
    p = await createTestPlatform();
    const superToken = await loginSuperAdmin(p.app);
    token = (await companyWithAdmin(p, superToken, slug)).token;
  });
  afterAll(() => p.close());

  it("manages holidays and short days in the branch's calendar", async () => {
    const b = await createBranch(p.app, slug, token);
    const ex = (path = "") => url(`/${b.id}/exceptions${path}`);
    const nextYear = new Date().getUTCFullYear() + 1;
    const holiday = await call(p.app, "POST", ex(), {
      token,
      body: { day: `${nextYear}-03-21`, kind: "CLOSED", note: "Navroʻz" },
    });
    expect(holiday.statusCode, holiday.body).toBe(201);
    const short = await call(p.app, "POST", ex(), {
      token,
      body: { day: `${nextYear}-03-20`, kind: "SHORT_DAY", opensAt: "09:00", closesAt: "13:00" },
    });
    expect(short.json()).toMatchObject({ kind: "SHORT_DAY", opensAt: "09:00", closesAt: "13:00" });

    const bad = async (
      body: Record<string, unknown>,
      status: number,
      path: string,
      code: string,
    ) => {
      const res = await call(p.app, "POST", ex(), { token, body });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.details[0]).toMatchObject({ path, code });
    };
    await bad({ day: `${nextYear}-03-21`, kind: "CLOSED" }, 409, "day", "taken");
    await bad({ day: `${nextYear}-02-30`, kind: "CLOSED" }, 400, "day", "invalid_date");
    await bad({ day: "2020-01-01", kind: "CLOSED" }, 400, "day", "in_the_past");
    await bad({ day: "9999-12-31", kind: "CLOSED" }, 400, "day", "invalid");
    await bad({ day: `${nextYear + 2}-12-31`, kind: "CLOSED" }, 400, "day", "invalid");
    await bad(
      { day: `${nextYear}-05-01`, kind: "SHORT_DAY", opensAt: "10:00" },
      400,
      "closesAt",
      "required",
    );
    await bad(
      { day: `${nextYear}-05-01`, kind: "SHORT_DAY", opensAt: "14:00", closesAt: "10:00" },
      400,
      "closesAt",
      "ends_before_start",
    );
    await bad(
      { day: `${nextYear}-05-01`, kind: "CLOSED", opensAt: "10:00" },
      400,
      "opensAt",
      "closed_day",
    );

    const list = await call(p.app, "GET", ex(), { token });
    expect(list.json().items.map((e: { day: string }) => e.day)).toEqual([
      `${nextYear}-03-20`,
      `${nextYear}-03-21`,
    ]);
    const ranged = await call(p.app, "GET", ex(`?from=${nextYear}-03-21`), { token });
    expect(ranged.json().items).toHaveLength(1);
    // There is no year 0 (PostgreSQL's dates have none): a bad day, not a failure.
    const yearZero = await call(p.app, "GET", ex(`?from=0000-01-01&to=0000-01-02`), { token });
    expect(yearZero.statusCode).toBe(400);
    expect(yearZero.json().error.details[0]).toMatchObject({ path: "from", code: "invalid_date" });
    const removed = await call(p.app, "DELETE", ex(`/${holiday.json().id}`), { token });
    expect(removed.statusCode).toBe(204);
    expect((await call(p.app, "DELETE", ex(`/${holiday.json().id}`), { token })).statusCode).toBe(
      404,
    );
  });

  it("lets a branch manager see and edit the hours of its own branches only", async () => {
    const own = await createBranch(p.app, slug, token);
    const other = await createBranch(p.app, slug, token);
    const manager = await createStaffMember(p.app, slug, token, {
      role: "BRANCH_MANAGER",
      branchIds: [own.id],
    });
    const mToken = await loginStaff(p.app, slug, manager.email, manager.oneTimePassword);
    const list = await call(p.app, "GET", url(), { token: mToken });
    expect(list.json().items.map((b: { id: string }) => b.id)).toEqual([own.id]);
    expect((await call(p.app, "GET", url(`/${other.id}`), { token: mToken })).statusCode).toBe(404);
    const hours = await call(p.app, "PATCH", url(`/${own.id}`), {
      token: mToken,
      body: { weeklyHours: { "1": { open: "08:00", close: "17:00" } } },
    });
    expect(hours.statusCode, hours.body).toBe(200);
    const rename = await call(p.app, "PATCH", url(`/${own.id}`), {
      token: mToken,
      body: { name: { uz: "Mening filialim" } },
    });
    expect(rename.statusCode).toBe(403);
    expect(rename.json().error.details[0].path).toBe("name");
    const foreignHours = await call(p.app, "PATCH", url(`/${other.id}`), {
      token: mToken,
      body: { weeklyHours: {} },
    });
    expect(foreignHours.statusCode).toBe(404);
    for (const [method, path] of [
      ["POST", ""],
      ["POST", `/${own.id}/close`],
      ["DELETE", `/${own.id}`],
    ] as const) {
      const res = await call(p.app, method, url(path), {
        token: mToken,
        body: method === "POST" ? {} : undefined,
      });
      expect(res.statusCode, `${method} ${path}`).toBe(403);
    }
  });
});
