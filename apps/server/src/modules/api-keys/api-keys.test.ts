import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createOperator,
  createTestPlatform,
  loginStaff,
  type TestPlatform,
} from "../../testing";
import { apiCompany, createApiKey, v1 } from "../public-api/v1.test-helpers";

describe("company API keys", () => {
  let p: TestPlatform;
  let a: Awaited<ReturnType<typeof apiCompany>>;
  let b: Awaited<ReturnType<typeof apiCompany>>;
  const keys = (slug: string, token: string) =>
    call(p.app, "GET", `/api/c/${slug}/admin/api-keys`, { token });

  beforeAll(async () => {
    p = await createTestPlatform();
    a = await apiCompany(p, "keys-a");
    b = await apiCompany(p, "keys-b");
  }, 240_000);
  afterAll(() => p.close());

  it("shows the secret once and keeps only its SHA-256", async () => {
    expect(a.key.secret).toMatch(/^eqk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const list = await keys(a.slug, a.adminToken);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(a.key.secret);
    expect(list.json().items[0]).toMatchObject({
      id: a.key.id,
      prefix: a.key.prefix,
      scopes: ["queue:read", "tickets:write", "bookings:write", "reports:read"],
      rateLimitPerMinute: 120,
      revokedAt: null,
    });
    const row = await p.ctx.db
      .selectFrom("platform.api_keys")
      .selectAll()
      .where("id", "=", a.key.id)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(createHash("sha256").update(a.key.secret).digest("base64url"));
    expect(JSON.stringify(row)).not.toContain(a.key.secret.slice(21));
  });

  it("works as a caller of its own company only, and records its last use", async () => {
    const mine = await v1(p, "GET", "/branches", a.key.secret);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.map((x: { id: string }) => x.id)).toEqual([a.branch.id]);
    const theirs = await v1(p, "GET", "/branches", b.key.secret);
    expect(theirs.json().items.map((x: { id: string }) => x.id)).toEqual([b.branch.id]);
    // Another company's ids are simply not found with this key.
    const foreign = await v1(p, "GET", `/branches/${b.branch.id}/services`, a.key.secret);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe("NOT_FOUND");
    const used = (await keys(a.slug, a.adminToken)).json().items[0];
    expect(used.lastUsedAt).not.toBeNull();
  });

  it("refuses a missing, malformed, guessed or staff token with 401", async () => {
    const forged = a.key.secret.slice(0, -4) + "AAAA";
    for (const key of [undefined, "nope", forged, a.adminToken]) {
      const res = await v1(p, "GET", "/branches", key);
      expect(res.statusCode, String(key).slice(0, 12)).toBe(401);
      expect(res.json().error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("refuses an operation outside the key's scopes with 403 naming the scope", async () => {
    const readOnly = await createApiKey(p, a.slug, a.adminToken, { scopes: ["queue:read"] });
    const res = await v1(p, "POST", "/tickets", readOnly.secret, {
      branchId: a.branch.id,
      serviceId: a.service.id,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toContain("tickets:write");
    const report = await v1(p, "GET", "/reports?from=2026-01-01&to=2026-01-02", readOnly.secret);
    expect(report.statusCode).toBe(403);
  });

  it("stops working at once when revoked; another company cannot revoke it", async () => {
    const key = await createApiKey(p, a.slug, a.adminToken, { scopes: ["queue:read"] });
    expect((await v1(p, "GET", "/branches", key.secret)).statusCode).toBe(200);
    const foreign = await call(p.app, "POST", `/api/c/${b.slug}/admin/api-keys/${key.id}/revoke`, {
      token: b.adminToken,
    });
    expect(foreign.statusCode).toBe(404);
    const other = await call(p.app, "POST", `/api/c/${a.slug}/admin/api-keys/${key.id}/revoke`, {
      token: b.adminToken,
    });
    expect(other.statusCode).toBe(401);
    const revoked = await call(p.app, "POST", `/api/c/${a.slug}/admin/api-keys/${key.id}/revoke`, {
      token: a.adminToken,
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await v1(p, "GET", "/branches", key.secret);
    expect(after.statusCode).toBe(401);
  });

  it("keeps each key to its own rate limit, with the limit headers", async () => {
    const key = await createApiKey(p, a.slug, a.adminToken, {
      scopes: ["queue:read"],
      rateLimitPerMinute: 3,
    });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await v1(p, "GET", "/branches", key.secret));
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 429]);
    expect(answers[0]!.headers["x-ratelimit-limit"]).toBe("3");
    expect(answers[2]!.headers["x-ratelimit-remaining"]).toBe("0");
    expect(answers[3]!.json().error.code).toBe("RATE_LIMITED");
    expect(Number(answers[3]!.headers["retry-after"])).toBeGreaterThan(0);
    // The company's other key is not affected.
    expect((await v1(p, "GET", "/branches", a.key.secret)).statusCode).toBe(200);
  });

  it("is managed by company admins only, with clear field errors", async () => {
    const op = await createOperator(p.app, a.slug, a.adminToken, { branchId: a.branch.id });
    const opToken = await loginStaff(p.app, a.slug, op.email, op.oneTimePassword);
    expect((await keys(a.slug, opToken)).statusCode).toBe(403);
    const bad = await call(p.app, "POST", `/api/c/${a.slug}/admin/api-keys`, {
      token: a.adminToken,
      body: { name: "", scopes: ["queue:write"], rateLimitPerMinute: 0 },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["name", "rateLimitPerMinute"]));
  });
});
