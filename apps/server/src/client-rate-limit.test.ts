import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, loginSuperAdmin, type TestPlatform } from "./testing";

describe("the platform-wide per-client limit and CORS answer", () => {
  let p: TestPlatform;
  let token: string;
  beforeAll(async () => {
    p = await createTestPlatform({
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: "5",
      RATE_LIMIT_PER_CALLER_PER_MINUTE: "8",
      BASE_DOMAIN: "e-queue.test",
    });
    token = await loginSuperAdmin(p.app);
  });
  afterAll(() => p.close());

  it("counts anonymous requests per address, refuses beyond the limit, and a signed-in caller keeps its own budget", async () => {
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await call(p.app, "GET", "/api/health");
      expect(res.statusCode).toBe(200);
      seen.push(String(res.headers["x-ratelimit-remaining"]));
      expect(res.headers["x-ratelimit-limit"]).toBe("5");
    }
    expect(seen).toEqual(["4", "3", "2", "1", "0"]);
    const refused = await call(p.app, "GET", "/api/health");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("RATE_LIMITED");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    // The same address, signed in: the caller's own budget, not the spent address's.
    const mine = await call(p.app, "GET", "/api/platform/companies", { token });
    expect(mine.statusCode).toBe(200);
    expect(mine.headers["x-ratelimit-limit"]).toBe("8");
    expect(mine.headers["x-ratelimit-remaining"]).toBe("7");
  });

  it("keeps a route's own stricter limit and puts the headers on refusals made before the count", async () => {
    const login = await call(p.app, "POST", "/api/platform/auth/login", {
      body: { email: "nobody@e-queue.test", password: "wrong-password" },
    });
    expect(login.statusCode).toBe(401);
    expect(login.headers["x-ratelimit-limit"]).toBe(
      p.config.LOGIN_RATE_LIMIT_PER_MINUTE.toString(),
    );
    const unsigned = await call(p.app, "GET", "/api/platform/companies", { token: "not-a-token" });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.headers["x-ratelimit-limit"]).toBe("5");
  });

  it("lets only the platform's own origins read answers", async () => {
    const own = "https://acme.e-queue.test";
    const mine = await call(p.app, "GET", "/api/health", { headers: { origin: own } });
    expect(mine.headers["access-control-allow-origin"]).toBe(own);
    const other = await call(p.app, "GET", "/api/health", {
      headers: { origin: "https://evil.example" },
    });
    expect(other.headers["access-control-allow-origin"]).toBe("http://localhost:3000");
    expect(other.headers["access-control-allow-credentials"]).toBeUndefined();
  });
});
