import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addDevice,
  call,
  companyWithAdmin,
  createCompany,
  createBranch,
  createCounter,
  createTestPlatform,
  loginSuperAdmin,
  type TestPlatform,
} from "./testing";

type Detail = { path: string; code: string; message: string };
const details = (res: { json: () => unknown }) =>
  (res.json() as { error: { details?: Detail[] } }).error.details ?? [];

describe("input rules every endpoint shares", () => {
  let p: TestPlatform;
  let superToken: string;
  let token: string;
  let company: { id: string; slug: string };
  const admin = (path: string) => `/api/c/rules/admin${path}`;

  beforeAll(async () => {
    p = await createTestPlatform();
    superToken = await loginSuperAdmin(p.app);
    ({ company, token } = await companyWithAdmin(p, superToken, "rules"));
  }, 120_000);
  afterAll(() => p?.close());

  it("refuses NUL and control characters in a body, naming the field, and stores nothing", async () => {
    const res = await call(p.app, "POST", admin("/branches"), {
      token,
      body: { name: { uz: "Chilon\u0000zor" }, slug: "chilonzor", code: "CHZ" },
    });
    expect(res.statusCode).toBe(400);
    expect(details(res)).toEqual([
      { path: "name.uz", code: "unreadable_text", message: expect.stringContaining("U+0000") },
    ]);
    const list = await call(p.app, "GET", admin("/branches"), { token });
    expect(list.json().items).toEqual([]);

    const bell = await call(p.app, "POST", admin("/branches"), {
      token,
      body: { name: { uz: "Filial" }, slug: "chilonzor", code: "CHZ", phone: "+998\u0007" },
    });
    expect(details(bell)).toEqual([
      { path: "phone", code: "unreadable_text", message: expect.stringContaining("U+0007") },
    ]);
  });

  it("refuses a text of nothing but invisible characters, and keeps real marks and joiners", async () => {
    for (const blank of ["\u200b\u200b", "\u202e".repeat(100), "\u0301".repeat(100), " \u200d "]) {
      const res = await call(p.app, "POST", admin("/services"), {
        token,
        body: { name: { uz: blank }, letter: "V", durationMinutes: 10 },
      });
      expect(res.statusCode, JSON.stringify(blank)).toBe(400);
      expect(details(res)).toEqual([
        { path: "name.uz", code: "unreadable_text", message: expect.stringContaining("invisible") },
      ]);
    }
    // A combining accent on a letter, and a zero-width joiner inside a word, are text.
    const res = await call(p.app, "POST", admin("/services"), {
      token,
      body: { name: { uz: "Cafe\u0301 xizmat\u200di" }, letter: "V", durationMinutes: 10 },
    });
    expect(res.statusCode).toBe(201);
  });

  it("refuses a compressed body with 415 and says so, not 'not valid JSON'", async () => {
    const body = gzipSync(
      JSON.stringify({ name: { uz: "Kassa" }, letter: "K", durationMinutes: 5 }),
    );
    const res = await p.app.inject({
      method: "POST",
      url: admin("/services"),
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "content-encoding": "gzip",
      },
      payload: body,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: expect.stringContaining("uncompressed"),
    });
  });

  it("refuses __proto__ and constructor fields by name, not as 'not valid JSON', and stores nothing", async () => {
    const send = (payload: string) =>
      p.app.inject({
        method: "POST",
        url: admin("/services"),
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        payload,
      });
    const services = async () =>
      (await call(p.app, "GET", admin("/services"), { token })).json().items.length;
    const before = await services();
    const proto = await send(
      '{"name":{"uz":"Kassa","__proto__":{"isAdmin":true}},"letter":"K","durationMinutes":5}',
    );
    expect(proto.statusCode).toBe(400);
    expect(details(proto)).toEqual([
      { path: "name.__proto__", code: "unknown_field", message: expect.stringContaining("remove") },
    ]);
    const ctor = await send(
      '{"name":{"uz":"Kassa"},"letter":"K","durationMinutes":5,"constructor":{"prototype":{"x":1}}}',
    );
    expect(details(ctor)).toEqual([
      { path: "constructor", code: "unknown_field", message: expect.any(String) },
    ]);
    expect(({} as Record<string, unknown>)["isAdmin"]).toBeUndefined();
    expect(await services()).toBe(before);
  });

  it("keeps tabs and line breaks, which notes and descriptions need", async () => {
    const res = await call(p.app, "POST", admin("/services"), {
      token,
      body: {
        name: { uz: "Kassa" },
        description: { uz: "Birinchi qator\nIkkinchi\tqator" },
        letter: "K",
        durationMinutes: 10,
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().description.uz).toBe("Birinchi qator\nIkkinchi\tqator");
  });

  it("refuses NUL in a query or path value with 400, not a database error", async () => {
    const search = await call(p.app, "GET", "/api/platform/companies?search=a%00b", {
      token: superToken,
    });
    expect(search.statusCode).toBe(400);
    expect(details(search)).toEqual([
      { path: "query.search", code: "unreadable_text", message: expect.any(String) },
    ]);
    const path = await call(p.app, "GET", admin("/branches/a%00b"), { token });
    expect(path.statusCode).toBe(400);
    expect(details(path)[0]?.path).toBe("params.id");
  });

  it("answers a PATCH without fields with 400 'Send at least one field to change.'", async () => {
    const branch = await createBranch(p.app, "rules", token);
    const counter = await createCounter(p.app, "rules", token, branch.id);
    const device = await addDevice(p.app, "rules", token, { branchId: branch.id });
    for (const url of [
      admin(`/counters/${counter.id}`),
      admin(`/devices/${device.id}`),
      admin(`/branches/${branch.id}`),
      `/api/platform/companies/${company.id}`,
    ]) {
      const res = await call(p.app, "PATCH", url, {
        token: url.startsWith("/api/platform") ? superToken : token,
        body: {},
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message).toBe("Send at least one field to change.");
    }
  });

  it("refuses unknown fields on endpoints that take no input, and still takes no body or {}", async () => {
    const invited = await createCompany(p.app, superToken, { slug: "invited" });
    const url = `/api/platform/companies/${invited.id}/resend-invite`;
    const extra = await call(p.app, "POST", url, { token: superToken, body: { force: true } });
    expect(extra.statusCode).toBe(400);
    expect(details(extra)).toEqual([
      { path: "force", code: "unknown_field", message: 'Unknown field "force": remove it.' },
    ]);
    const none = await call(p.app, "POST", url, { token: superToken });
    expect(none.statusCode, none.body).toBe(200);
    expect((await call(p.app, "POST", url, { token: superToken, body: {} })).statusCode).toBe(200);
    const multipart = await p.app.inject({
      method: "POST",
      url,
      headers: {
        authorization: `Bearer ${superToken}`,
        "content-type": "multipart/form-data; boundary=x",
      },
      payload: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
    });
    expect(multipart.statusCode).toBe(415);
  });

  it("stores a time zone in its IANA spelling and refuses unknown ones", async () => {
    const lower = await createBranch(p.app, "rules", token, { timeZone: "asia/tashkent" });
    expect(lower.timeZone).toBe("Asia/Tashkent");
    const padded = await createBranch(p.app, "rules", token, { timeZone: " Europe/Moscow " });
    expect(padded.timeZone).toBe("Europe/Moscow");
    const utc = await createBranch(p.app, "rules", token, { timeZone: "utc" });
    expect(utc.timeZone).toBe("UTC");
    const edited = await call(p.app, "PATCH", admin(`/branches/${lower.id}`), {
      token,
      body: { timeZone: "ASIA/SAMARKAND" },
    });
    expect(edited.json().timeZone).toBe("Asia/Samarkand");
    const unknown = await call(p.app, "PATCH", admin(`/branches/${lower.id}`), {
      token,
      body: { timeZone: "Mars/Olympus" },
    });
    expect(unknown.statusCode).toBe(400);
    expect(details(unknown)).toEqual([
      {
        path: "timeZone",
        code: "invalid_time_zone",
        message: expect.stringContaining("not a known time zone"),
      },
    ]);
  });

  it("takes slugs in any case and stores them in lowercase, as the API document says", async () => {
    const created = await call(p.app, "POST", "/api/platform/companies", {
      token: superToken,
      body: { name: "Kapitalbank", slug: "Kapitalbank", adminEmail: "admin@kapitalbank.uz" },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().slug).toBe("kapitalbank");
    const branch = await createBranch(p.app, "rules", token, { slug: "Yunusobod", code: "yns" });
    expect([branch.slug, branch.code]).toEqual(["yunusobod", "YNS"]);

    const doc = (await p.app.inject({ url: "/api/openapi.json" })).json();
    const slug =
      doc.paths["/api/platform/companies"].post.requestBody.content["application/json"].schema
        .properties.slug;
    expect(new RegExp(slug.pattern).test("Kapitalbank")).toBe(true);
    expect(slug.description).toContain("stored in lowercase");
    // The pattern is checked after trimming; the document says so, and so does the behaviour.
    expect(new RegExp(slug.pattern).test(" Aloqabank ")).toBe(false);
    expect(slug.description).toContain("spaces around it are dropped");
    const padded = await call(p.app, "POST", "/api/platform/companies", {
      token: superToken,
      body: { name: "Aloqabank", slug: " Aloqabank ", adminEmail: "admin@aloqabank.uz" },
    });
    expect([padded.statusCode, padded.json().slug]).toEqual([201, "aloqabank"]);
    const branchSlug =
      doc.paths["/api/c/{slug}/admin/branches"].post.requestBody.content["application/json"].schema
        .properties.slug;
    expect(branchSlug.description).toContain("spaces around it are dropped");
    expect(new RegExp(branchSlug.pattern).test("Yunusobod")).toBe(true);
  });
});
