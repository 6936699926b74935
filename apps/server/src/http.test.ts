import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, loginSuperAdmin, type TestPlatform } from "./testing";
import { loadConfig } from "./config";
import { platformMigrations } from "./db/migrations/platform";

describe("HTTP basics", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform();
  });
  afterAll(() => p.close());

  it("reports liveness and readiness", async () => {
    expect((await call(p.app, "GET", "/api/health")).json()).toEqual({ status: "ok" });
    const ready = await call(p.app, "GET", "/api/ready");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      status: "ready",
      migrations: { platform: platformMigrations.at(-1)!.version, companiesBehind: 0 },
    });
  });

  it("answers 405 with Allow for a method an address does not take, and 404 for no address", async () => {
    const put = await call(p.app, "PUT", "/api/c/any-company/admin/branches");
    expect(put.statusCode, put.body).toBe(405);
    expect(put.headers.allow).toBe("GET, HEAD, POST");
    expect(put.json().error).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
    expect(put.json().error.message).toContain("GET, HEAD, POST");
    const health = await call(p.app, "DELETE", "/api/health");
    expect(health.statusCode).toBe(405);
    expect(health.headers.allow).toBe("GET, HEAD");
    // An address with a parameter; with a trailing slash it is another address (404 to any
    // method, as the router answers GET there).
    const branch = await call(
      p.app,
      "POST",
      "/api/c/x/admin/branches/00000000-0000-0000-0000-000000000000",
    );
    expect(branch.statusCode).toBe(405);
    expect(branch.headers.allow).toBe("DELETE, GET, HEAD, PATCH");
    expect((await call(p.app, "POST", "/api/health/")).statusCode).toBe(404);
    expect((await call(p.app, "GET", "/api/health/")).statusCode).toBe(404);
    const none = await call(p.app, "GET", "/api/c/x/admin/no-such-thing");
    expect(none.statusCode).toBe(404);
    expect(none.json().error.code).toBe("NOT_FOUND");
    // Whatever the body: an empty change, a NUL, a compressed one is a route's input to judge.
    const empty = await call(p.app, "PATCH", "/api/c/x/admin/branches", { body: {} });
    expect(empty.statusCode, empty.body).toBe(405);
    expect((await call(p.app, "PATCH", "/api/nope", { body: {} })).statusCode).toBe(404);
    const nul = await call(p.app, "POST", "/api/nope", { body: { a: "x\u0000" } });
    expect(nul.statusCode, nul.body).toBe(404);
    const zipped = await p.app.inject({
      method: "POST",
      url: "/api/health",
      headers: { "content-type": "application/json", "content-encoding": "gzip" },
      payload: "{}",
    });
    expect(zipped.statusCode, zipped.body).toBe(405);
  });

  it("publishes an OpenAPI document generated from the route schemas", async () => {
    const doc = (await call(p.app, "GET", "/api/openapi.json")).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths["/api/platform/companies"].post.requestBody).toBeDefined();
    expect((await p.app.inject({ method: "GET", url: "/api/docs/" })).statusCode).toBe(200);
  });

  it("writes out in the document what every operation shares (the OWASP ruleset's error rules)", async () => {
    type Json = Record<string, unknown>;
    const doc = (await call(p.app, "GET", "/api/openapi.json")).json();
    const problems: string[] = [];
    const ids = new Set<string>();
    const walk = (where: string, s: unknown) => {
      if (!s || typeof s !== "object") return;
      const o = s as Json;
      if (o.type === "integer" && !o.format) problems.push(`${where}: integer without format`);
      if (o.type === "string" && o.maxLength === undefined && !o.enum && o.const === undefined)
        problems.push(`${where}: string without maxLength`);
      if (o.type === "array" && o.maxItems === undefined)
        problems.push(`${where}: array without maxItems`);
      for (const [k, v] of Object.entries(o)) walk(`${where}.${k}`, v);
    };
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      for (const [method, op] of Object.entries(item)) {
        const at = `${method} ${path}`;
        if (!op.operationId || ids.has(op.operationId as string))
          problems.push(`${at}: operationId`);
        ids.add(op.operationId as string);
        if (!(op.tags as string[] | undefined)?.length) problems.push(`${at}: no tag`);
        const security = (op.security ?? doc.security) as Json[];
        if (!security?.length) problems.push(`${at}: security neither named nor anonymous ({})`);
        if (!(op.responses as Json)["500"]) problems.push(`${at}: no 500`);
        for (const [code, r] of Object.entries(op.responses as Record<string, Json>)) {
          const headers = (r.headers ?? {}) as Json;
          if (!headers["Access-Control-Allow-Origin"]) problems.push(`${at} ${code}: no CORS`);
          if (/^[24]/.test(code) && !headers["X-RateLimit-Limit"])
            problems.push(`${at} ${code}: no X-RateLimit-*`);
        }
        for (const param of (op.parameters as Json[] | undefined) ?? []) {
          const schema = param.schema as Json;
          if (param.in === "path" && !schema.maxLength && !schema.enum)
            problems.push(`${at}: path value ${String(param.name)} unbounded`);
        }
        walk(at, op);
      }
    }
    expect(problems).toEqual([]);
    // Signing in needs no token: the document says so (`{}`), as for the portal's operations.
    const login = doc.paths["/api/c/{slug}/auth/login"].post;
    expect(login.security).toEqual([{}]);
    expect(doc.paths["/api/c/{slug}/portal/tickets"].post.security).toEqual([{}]);
    expect(login.responses["429"].headers["Retry-After"]).toBeDefined();
    expect(login.responses["200"].headers["X-RateLimit-Limit"]).toBeDefined();
  });

  it("answers malformed bodies with 400 and field-level messages, never 500", async () => {
    const token = await loginSuperAdmin(p.app);
    const notJson = await p.app.inject({
      method: "POST",
      url: "/api/platform/companies",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      payload: "{ not json",
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe("VALIDATION_FAILED");

    const wrongType = await p.app.inject({
      method: "POST",
      url: "/api/platform/companies",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
      payload: "hello",
    });
    expect(wrongType.statusCode).toBe(415);

    const fields = await call(p.app, "POST", "/api/platform/companies", {
      token,
      body: { name: 5, slug: "ok-slug", adminEmail: "a@b.uz", color: "red" },
    });
    expect(fields.statusCode).toBe(400);
    expect(fields.json().error.details).toEqual(
      expect.arrayContaining([
        { path: "name", code: "invalid_type", message: expect.any(String) },
        { path: "color", code: "unknown_field", message: 'Unknown field "color": remove it.' },
      ]),
    );
    const login = await call(p.app, "POST", "/api/platform/auth/login", {
      body: { email: "not-an-email" },
    });
    expect(
      login
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["email", "password"]);
  });

  it("echoes a sane x-request-id and makes one otherwise", async () => {
    const given = await p.app.inject({
      method: "GET",
      url: "/api/health",
      headers: { "x-request-id": "trace-12345678" },
    });
    expect(given.headers["x-request-id"]).toBe("trace-12345678");
    const made = await p.app.inject({
      method: "GET",
      url: "/api/health",
      headers: { "x-request-id": "<script>" },
    });
    expect(made.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("configuration", () => {
  it("stops with a message naming each bad variable", () => {
    expect(() =>
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", JWT_SECRET: "short" }),
    ).toThrow(
      /PORT: .*\n.*DATABASE_URL: must be a postgres:\/\/ URL\n.*JWT_SECRET: must be at least 32 characters/,
    );
  });

  it("defaults to the embedded database in ./data", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ DATA_DIR: "./data", PORT: 3000 });
    expect(c.DATABASE_URL).toBeUndefined();
  });
});
