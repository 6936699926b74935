import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  companyWithAdmin,
  addDevice,
  call,
  createBranch,
  createCounter,
  createOperator,
  createService,
  createStaffMember,
  createTestPlatform,
  loginStaff,
  loginSuperAdmin,
  type TestPlatform,
} from "../../testing";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * Every set-up endpoint, called by a branch manager of branch A about branch B's objects: each
 * one refuses (403 for company-admin work, 404 for B's objects, 400 naming the field for a body
 * that points at B) or, for lists and the service catalogue, leaves B out. B is unchanged after.
 */
describe("a branch manager outside its branches", () => {
  let p: TestPlatform;
  let token: string;
  let mToken: string;
  const slug = "hamkorbank";
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    p = await createTestPlatform();
    const superToken = await loginSuperAdmin(p.app);
    token = (await companyWithAdmin(p, superToken, slug)).token;
    const a = await createBranch(p.app, slug, token, { slug: "toshkent", code: "TSH" });
    const b = await createBranch(p.app, slug, token, { slug: "samarqand", code: "SMQ" });
    const service = await createService(p.app, slug, token, { branchIds: [a.id, b.id] });
    const counter = await createCounter(p.app, slug, token, b.id, { number: 1 });
    const operator = await createOperator(p.app, slug, token, {
      branchId: b.id,
      serviceIds: [service.id],
    });
    const device = await addDevice(p.app, slug, token, { branchId: b.id });
    const day = `${new Date().getUTCFullYear() + 1}-01-01`;
    const exception = await call(
      p.app,
      "POST",
      `/api/c/${slug}/admin/branches/${b.id}/exceptions`,
      {
        token,
        body: { day, kind: "CLOSED" },
      },
    );
    Object.assign(ids, {
      branch: b.id,
      service: service.id,
      counter: counter.id,
      staff: operator.id,
      device: device.id,
      exception: exception.json().id,
    });
    const manager = await createStaffMember(p.app, slug, token, {
      role: "BRANCH_MANAGER",
      branchIds: [a.id],
    });
    mToken = await loginStaff(p.app, slug, manager.email, manager.oneTimePassword);
  });
  afterAll(() => p.close());

  const fill = (url: string) => {
    const kind = /\/admin\/(\w+)\//.exec(url)?.[1] ?? "";
    const byKind: Record<string, string> = {
      branches: ids.branch!,
      services: ids.service!,
      counters: ids.counter!,
      staff: ids.staff!,
      devices: ids.device!,
    };
    const filled = url
      .replace(":slug", slug)
      .replace(":exceptionId", ids.exception!)
      .replace(":id", byKind[kind] ?? "");
    // Reports over a valid range, asked about branch B: refused as B is not the manager's.
    const today = new Date().toISOString().slice(0, 10);
    if (url.endsWith("/admin/reports"))
      return `${filled}?from=${today}&to=${today}&branchId=${ids.branch}`;
    if (url.endsWith("/admin/reports/export"))
      return `${filled}?from=${today}&to=${today}&branchId=${ids.branch}&format=csv`;
    if (url.endsWith("/admin/reports/staffing"))
      return `${filled}?from=${today}&to=${today}&branchId=${ids.branch}&serviceId=${ids.service}`;
    return filled;
  };

  // Valid bodies, so that what answers is the access check and not validation.
  const bodyFor = (method: Method, url: string): unknown => {
    if (method === "GET" || method === "DELETE") return undefined;
    if (url.endsWith("/admin/staff"))
      return { email: "new@hamkorbank.uz", name: "Yangi", role: "OPERATOR", branchId: ids.branch };
    if (url.endsWith("/admin/devices")) return { branchId: ids.branch, kind: "KIOSK" };
    if (url.endsWith("/exceptions"))
      return { day: `${new Date().getUTCFullYear() + 1}-02-02`, kind: "CLOSED" };
    if (url.endsWith("/counters")) return { number: 9 };
    if (url.endsWith("/branches/:id/services")) return { services: [] };
    if (url.endsWith("/reset-password")) return { delivery: "PASSWORD" };
    if (method === "PATCH" && url.includes("/branches/")) return { weeklyHours: {} };
    if (method === "PATCH") return { name: "Boshqa nom" };
    return {};
  };

  const snapshot = () =>
    Promise.all(
      [
        "branches",
        "counters",
        "devices",
        "staff",
        "branch_exceptions",
        "branch_services",
        "staff_services",
      ].map((t) =>
        p.ctx.db
          .withSchema("t_hamkorbank")
          .selectFrom(t as "branches")
          .selectAll()
          .execute()
          .then((rows) => JSON.stringify(rows)),
      ),
    );

  it("is refused on every admin endpoint, and branch B stays as it was", async () => {
    const before = await snapshot();
    const routes = p.app.routeTable.filter((r) => r.url.startsWith("/api/c/:slug/admin/"));
    expect(routes.length).toBeGreaterThan(30);
    const visibleLists = new Set([
      "GET /api/c/:slug/admin/branches",
      "GET /api/c/:slug/admin/staff",
      "GET /api/c/:slug/admin/devices",
      "GET /api/c/:slug/admin/services",
      "GET /api/c/:slug/admin/services/:id",
      // The live floor shows the manager's own branches only.
      "GET /api/c/:slug/admin/floor",
    ]);
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      const method = r.method as Method;
      const res = await call(p.app, method, fill(r.url), {
        token: mToken,
        body: bodyFor(method, r.url),
      });
      if (visibleLists.has(key)) {
        expect.soft(res.statusCode, key).toBe(200);
        const text = res.body;
        for (const id of [ids.branch, ids.counter, ids.staff, ids.device])
          expect.soft(text, key).not.toContain(id);
        continue;
      }
      if (res.statusCode === 400) {
        expect.soft(res.json().error.details?.[0]?.path, key).toBe("branchId");
      } else {
        expect
          .soft([403, 404], `${key} answered ${res.statusCode} ${res.body}`)
          .toContain(res.statusCode);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});
