import { DETAIL_CODES } from "@equeue/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  companyWithAdmin,
  createBranch,
  createTestPlatform,
  loginSuperAdmin,
  type TestPlatform,
} from "./testing";

type Detail = { path: string; code: string; message: string; params?: object };
const details = (res: { json: () => unknown }) =>
  (res.json() as { error: { details?: Detail[] } }).error.details ?? [];
const byPath = (res: { json: () => unknown }) =>
  Object.fromEntries(details(res).map(({ path, ...rest }) => [path, rest]));

describe("field problems carry stable codes a screen can translate", () => {
  let p: TestPlatform;
  let superToken: string;
  let token: string;
  const admin = (path: string) => `/api/c/codes/admin${path}`;

  beforeAll(async () => {
    p = await createTestPlatform();
    superToken = await loginSuperAdmin(p.app);
    ({ token } = await companyWithAdmin(p, superToken, "codes"));
  }, 120_000);
  afterAll(() => p?.close());

  it("codes missing, short, long and badly shaped fields, with the bounds as params", async () => {
    const res = await call(p.app, "POST", admin("/branches"), {
      token,
      body: {
        name: { uz: "", ru: "я".repeat(300) },
        slug: "a",
        phone: "call me",
        weeklyHours: { "1": { open: "25:00", close: "18:00" } },
        colour: "red",
      },
    });
    expect(res.statusCode).toBe(400);
    const got = byPath(res);
    expect(got["name.uz"]).toMatchObject({ code: "required" });
    expect(got["name.ru"]).toMatchObject({ code: "too_long", params: { max: 120 } });
    expect(got.slug).toMatchObject({ code: "too_short", params: { min: 2 } });
    expect(got.code).toMatchObject({ code: "required" });
    expect(got.phone).toMatchObject({ code: "invalid_phone" });
    expect(got["weeklyHours.1.open"]).toMatchObject({ code: "invalid_time" });
    expect(got.colour).toMatchObject({ code: "unknown_field" });
    for (const d of details(res)) expect(DETAIL_CODES).toContain(d.code);
  });

  it("keeps the English message beside the code, as the fallback", async () => {
    const res = await call(p.app, "POST", "/api/platform/companies", {
      token: superToken,
      body: { name: "X", slug: "9lives", adminEmail: "not-mail" },
    });
    expect(res.statusCode).toBe(400);
    const got = byPath(res);
    expect(got.name).toEqual({
      code: "too_short",
      message: "Enter the company name (at least 2 characters).",
      params: { min: 2 },
    });
    expect(got.slug).toMatchObject({ code: "invalid_slug", message: expect.any(String) });
    expect(got.adminEmail).toMatchObject({ code: "invalid_email" });
  });

  it("codes a wrong kind of value apart from a missing one, and numbers out of range", async () => {
    const branch = await createBranch(p.app, "codes", token);
    const res = await call(p.app, "POST", admin(`/branches/${branch.id}/counters`), {
      token,
      body: { number: 0, name: 5 },
    });
    expect(res.statusCode).toBe(400);
    const got = byPath(res);
    expect(got.number).toMatchObject({ code: "too_small", params: { min: 1 } });
    expect(got.name).toMatchObject({ code: "invalid_type" });
  });

  it("words a field problem for a person where the schema has no words of its own", async () => {
    const missing = await call(p.app, "POST", "/api/customer/auth/request-code", { body: {} });
    expect(details(missing)).toEqual([
      { path: "phone", code: "required", message: "This field is required." },
    ]);
    const staff = await call(p.app, "GET", admin("/staff?active=maybe&page=0&pageSize=1000"), {
      token,
    });
    expect(byPath(staff)).toMatchObject({
      active: { code: "invalid_choice", message: 'Use one of: "true", "false".' },
      page: { code: "too_small", message: "Use 1 or more." },
      pageSize: { code: "too_big", message: "Use 100 or less." },
    });
    const branch = await createBranch(p.app, "codes", token);
    const counter = await call(p.app, "POST", admin(`/branches/${branch.id}/counters`), {
      token,
      body: { number: 3, name: 5 },
    });
    expect(byPath(counter).name).toMatchObject({
      code: "invalid_type",
      message: "Use text here, not a number.",
    });
    for (const d of [...details(missing), ...details(staff), ...details(counter)]) {
      expect(d.message).not.toMatch(/expected|received|Invalid (input|option)|Too (big|small)/);
    }
  });

  it("codes a phone the parser refuses and an ALREADY_EXISTS field", async () => {
    const phone = await call(p.app, "POST", "/api/customer/auth/request-code", {
      body: { phone: "+1 202 555 0100" },
    });
    expect(phone.statusCode).toBe(400);
    expect(details(phone)).toEqual([
      { path: "phone", code: "invalid_phone", message: expect.stringContaining("+998") },
    ]);

    const branch = await createBranch(p.app, "codes", token);
    const counters = admin(`/branches/${branch.id}/counters`);
    expect((await call(p.app, "POST", counters, { token, body: { number: 7 } })).statusCode).toBe(
      201,
    );
    const dup = await call(p.app, "POST", counters, { token, body: { number: 7 } });
    expect(dup.statusCode).toBe(409);
    expect(details(dup)).toEqual([
      { path: "number", code: "taken", message: expect.stringContaining("Counter 7") },
    ]);
  });

  it("codes a query parameter and an id naming nothing", async () => {
    const list = await call(p.app, "GET", "/api/platform/audit?pageSize=1000", {
      token: superToken,
    });
    expect(list.statusCode).toBe(400);
    expect(details(list)).toEqual([
      { path: "pageSize", code: "too_big", message: expect.any(String), params: { max: 100 } },
    ]);

    const staff = await call(p.app, "POST", admin("/staff"), {
      token,
      body: {
        email: "op@codes.uz",
        name: "Operator",
        role: "OPERATOR",
        branchId: "00000000-0000-4000-8000-000000000000",
      },
    });
    expect(staff.statusCode).toBe(400);
    expect(details(staff)).toEqual([
      { path: "branchId", code: "not_found", message: "There is no such branch." },
    ]);
  });
});
