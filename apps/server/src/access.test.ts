import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activateCompanyAdmin,
  addDevice,
  call,
  createBranch,
  createCompany,
  createOperator,
  createTestPlatform,
  deviceAuth,
  loginStaff,
  loginSuperAdmin,
  pairDevice,
  type TestPlatform,
} from "./testing";

// Routes anyone may call. Anything else must refuse anonymous callers and foreign realms.
const PUBLIC = [
  /^\/api\/health$/,
  /^\/api\/ready$/,
  /^\/api\/openapi\.json$/,
  /^\/api\/v1\/openapi\.json$/,
  /^\/api\/docs/,
  // Includes the live ticket page's web push and channel routes: the ticket token is the
  // capability (notifications.push.test.ts proves another ticket's link reaches nothing).
  /^\/api\/public\//,
  /^\/api\/files\//,
  /\/auth\/(login|refresh|logout)$/,
  /^\/api\/c\/:slug\/info$/,
  /^\/api\/c\/:slug\/public\//,
  // The customer portal: anyone, but only ACTIVE companies and only their own branches
  // (portal.routes.test.ts proves both).
  /^\/api\/c\/:slug\/portal(\/|$)/,
  // Booking a time: the slots and booking are anyone's; the booking's own routes take its token
  // (booking.routes.test.ts and booking.holder.test.ts prove the refusals).
  /^\/api\/c\/:slug\/portal\/branches\/:branchSlug\/slots$/,
  /^\/api\/c\/:slug\/portal\/bookings(\/:token(\/(check-in|cancel|reschedule|calendar\.ics))?)?$/,
  /^\/api\/c\/:slug\/devices\/pair$/,
  // Customers sign in with a phone code (customer-sign-in.test.ts proves the limits).
  /^\/api\/customer\/auth\/(request-code|verify)$/,
];

// Routes for paired kiosks and display boards: they take `Authorization: Device <token>`, so any
// person's token (of whatever realm) is simply not a device token there.
const DEVICE_ONLY = [/^\/api\/c\/:slug\/device\//, /^\/api\/c\/:slug\/kiosk\//];
const isDeviceOnly = (url: string) => DEVICE_ONLY.some((re) => re.test(url));

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

describe("every endpoint refuses callers it is not for", () => {
  let p: TestPlatform;
  let superToken: string;
  let a: { slug: string; id: string };
  let aToken: string;
  let bToken: string;
  beforeAll(async () => {
    p = await createTestPlatform();
    superToken = await loginSuperAdmin(p.app);
    a = await createCompany(p.app, superToken, { slug: "company-a" });
    const b = await createCompany(p.app, superToken, { slug: "company-b" });
    aToken = (await activateCompanyAdmin(p.app, p.ctx, a)).token;
    bToken = (await activateCompanyAdmin(p.app, p.ctx, b)).token;
  }, 240_000);
  afterAll(() => p?.close());

  const protectedRoutes = (prefix: string) =>
    p.app.routeTable.filter(
      (r) => r.url.startsWith(prefix) && !PUBLIC.some((re) => re.test(r.url)),
    );

  const fill = (url: string) =>
    url.replace(":slug", a.slug).replace(/:\w+/g, a.id).replace(/\*$/, "x");

  it("knows its routes", () => {
    expect(protectedRoutes("/api/platform/").length).toBeGreaterThan(15);
    expect(protectedRoutes("/api/c/").length).toBeGreaterThanOrEqual(2);
  });

  it("platform routes: anonymous 401, a company's token 401 WRONG_REALM", async () => {
    for (const r of protectedRoutes("/api/platform/")) {
      const url = fill(r.url);
      const anon = await call(p.app, r.method as Method, url, {
        body: r.method === "GET" ? undefined : {},
      });
      expect.soft(anon.statusCode, `${r.method} ${r.url} anonymous`).toBe(401);
      expect(anon.json().error.code).toBe("UNAUTHENTICATED");
      const company = await call(p.app, r.method as Method, url, {
        token: aToken,
        body: r.method === "GET" ? undefined : {},
      });
      expect(company.statusCode, `${r.method} ${r.url} company token`).toBe(401);
      expect(company.json().error.code).toBe("WRONG_REALM");
    }
  });

  it("customer routes: anonymous 401, the super admin and staff 401 WRONG_REALM", async () => {
    const routes = protectedRoutes("/api/customer/");
    expect(routes.length).toBeGreaterThanOrEqual(3);
    for (const r of routes) {
      const url = fill(r.url);
      const body = r.method === "GET" ? undefined : {};
      const anon = await call(p.app, r.method as Method, url, { body });
      expect.soft(anon.statusCode, `${r.method} ${r.url} anonymous`).toBe(401);
      for (const token of [superToken, aToken]) {
        const other = await call(p.app, r.method as Method, url, { token, body });
        expect.soft(other.statusCode, `${r.method} ${r.url} other realm`).toBe(401);
        expect.soft(other.json().error.code).toBe("WRONG_REALM");
      }
    }
  });

  it("company routes: anonymous, the super admin and another company are refused", async () => {
    for (const r of protectedRoutes("/api/c/")) {
      const url = fill(r.url);
      const body = r.method === "GET" ? undefined : {};
      const anon = await call(p.app, r.method as Method, url, { body });
      expect.soft(anon.statusCode, `${r.method} ${r.url} anonymous`).toBe(401);
      const expected = isDeviceOnly(r.url) ? "UNAUTHENTICATED" : "WRONG_REALM";
      const platform = await call(p.app, r.method as Method, url, { token: superToken, body });
      expect.soft(platform.statusCode, `${r.method} ${r.url} super admin`).toBe(401);
      expect.soft(platform.json().error.code).toBe(expected);
      const foreign = await call(p.app, r.method as Method, url, { token: bToken, body });
      expect.soft(foreign.statusCode, `${r.method} ${r.url} company b`).toBe(401);
      expect.soft(foreign.json().error.code).toBe(expected);
    }
    // The owner gets through (a sanity check that the refusals above are about the caller).
    expect(
      (await call(p.app, "GET", `/api/c/${a.slug}/auth/me`, { token: aToken })).statusCode,
    ).toBe(200);
  });

  it("company admin routes refuse an operator (403) and a device token (401); device routes refuse another company's device", async () => {
    const branch = await createBranch(p.app, a.slug, aToken);
    const op = await createOperator(p.app, a.slug, aToken, { branchId: branch.id });
    const opToken = await loginStaff(p.app, a.slug, op.email, op.oneTimePassword);
    const kiosk = await addDevice(p.app, a.slug, aToken, { branchId: branch.id });
    const deviceToken = await pairDevice(p.app, a.slug, kiosk.pairingCode);
    const bBranch = await createBranch(p.app, "company-b", bToken);
    const bKiosk = await addDevice(p.app, "company-b", bToken, { branchId: bBranch.id });
    const bDeviceToken = await pairDevice(p.app, "company-b", bKiosk.pairingCode);
    // The set-up API: admin routes, the staff profile and the device's own view.
    const setup = protectedRoutes("/api/c/").filter((r) => /\/(admin|staff|device)\//.test(r.url));
    expect(setup.filter((r) => r.url.includes("/admin/")).length).toBeGreaterThan(30);
    for (const r of setup) {
      const url = fill(r.url);
      const body = r.method === "GET" ? undefined : {};
      const method = r.method as Method;
      if (isDeviceOnly(r.url)) {
        const other = await call(p.app, method, url, { body, headers: deviceAuth(bDeviceToken) });
        expect(other.statusCode, `${r.method} ${r.url} company b's device`).toBe(401);
        const person = await call(p.app, method, url, { body, token: opToken });
        expect(person.statusCode, `${r.method} ${r.url} operator`).toBe(401);
        continue;
      }
      const device = await call(p.app, method, url, { body, headers: deviceAuth(deviceToken) });
      expect(device.statusCode, `${r.method} ${r.url} device`).toBe(401);
      if (r.url.includes("/admin/")) {
        const operator = await call(p.app, method, url, { body, token: opToken });
        expect(operator.statusCode, `${r.method} ${r.url} operator`).toBe(403);
        expect(operator.json().error.code).toBe("FORBIDDEN");
      }
    }
    expect(
      (await call(p.app, "GET", `/api/c/${a.slug}/device/me`, { headers: deviceAuth(deviceToken) }))
        .statusCode,
    ).toBe(200);
  });

  it("public API routes: anonymous, the super admin and a company's staff token are refused (401)", async () => {
    const routes = protectedRoutes("/api/v1/");
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const r of routes) {
      const url = fill(r.url);
      const body = r.method === "GET" ? undefined : {};
      for (const token of [undefined, superToken, aToken]) {
        const res = await call(p.app, r.method as Method, url, { body, ...(token && { token }) });
        expect.soft(res.statusCode, `${r.method} ${r.url}`).toBe(401);
        expect.soft(res.json().error.code).toBe("UNAUTHENTICATED");
      }
    }
  });

  it("a company's refresh cookie does not open another company", async () => {
    const login = await call(p.app, "POST", "/api/c/company-a/auth/login", {
      body: { email: "admin@company-a.uz", password: "Fresh-Passw0rd-2026" },
    });
    const cookie = `eq_rt=${login.cookies.find((c) => c.name === "eq_rt")!.value}`;
    const other = await call(p.app, "POST", "/api/c/company-b/auth/refresh", { cookie });
    expect(other.statusCode).toBe(401);
  });

  it("answers unknown companies and unknown API paths with not-found in the one error shape", async () => {
    const unknown = await call(p.app, "GET", "/api/c/no-such-co/info");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    const nothing = await call(p.app, "GET", "/api/nothing-here");
    expect(nothing.statusCode).toBe(404);
    expect(nothing.json().error.code).toBe("NOT_FOUND");
  });
});
