import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "./config";
import { startPlatform } from "./platform";
import { call, createCompany, createTestPlatform, loginSuperAdmin, SUPER_ADMIN } from "./testing";

describe("process life cycle", () => {
  it("keeps the embedded database in DATA_DIR across restarts", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "eq-restart-"));
    const config = loadConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: "silent",
      SUPER_ADMIN_EMAIL: SUPER_ADMIN.email,
    });
    const first = await startPlatform(config, { serveWeb: false, mail: null });
    expect(first.superAdmin.created).toBe(true);
    expect(first.superAdmin.generatedPassword).toMatch(/^\S{16}$/);
    const login = await call(first.app, "POST", "/api/platform/auth/login", {
      body: { email: SUPER_ADMIN.email, password: first.superAdmin.generatedPassword },
    });
    await createCompany(first.app, login.json().accessToken, { slug: "persisted" });
    await first.close();

    const second = await startPlatform(config, { serveWeb: false, mail: null });
    try {
      expect(second.superAdmin.created).toBe(false);
      const again = await call(second.app, "POST", "/api/platform/auth/login", {
        body: { email: SUPER_ADMIN.email, password: first.superAdmin.generatedPassword },
      });
      const list = await call(second.app, "GET", "/api/platform/companies", {
        token: again.json().accessToken,
      });
      expect(list.json().items.map((c: { slug: string }) => c.slug)).toEqual(["persisted"]);
    } finally {
      await second.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("finishes in-flight requests on shutdown, then closes the database", async () => {
    const p = await createTestPlatform();
    const token = await loginSuperAdmin(p.app);
    await p.app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = p.app.server.address() as { port: number };
    // Close as soon as the request has reached the server (Fastify's listener runs first).
    const arrived = new Promise<void>((resolve) => p.app.server.once("request", () => resolve()));
    const inFlight = fetch(`http://127.0.0.1:${port}/api/platform/companies`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Late Bank", slug: "late-bank", adminEmail: "admin@late.uz" }),
    });
    await arrived;
    const closing = p.close();
    const res = await inFlight;
    expect(res.status).toBe(201);
    await closing;
    await expect(
      p.ctx.db.selectFrom("platform.companies").select("id").execute(),
    ).rejects.toThrow();
  });
});
