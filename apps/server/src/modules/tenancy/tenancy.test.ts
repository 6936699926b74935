import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  activateCompanyAdmin,
  call,
  createCompany,
  createTestPlatform,
  loginSuperAdmin,
  type TestPlatform,
} from "../../testing";
import { createQueueCompany } from "../../testing/queue-factories";
import { CompanyDirectory } from "./company-directory";
import { companySlugFromHost } from "./tenancy";

describe("company resolution by host", () => {
  it("reads the slug from {slug}.{BASE_DOMAIN} only", () => {
    expect(companySlugFromHost("kapitalbank.e-queue.uz", "e-queue.uz")).toBe("kapitalbank");
    expect(companySlugFromHost("KapitalBank.e-queue.uz:443", "e-queue.uz")).toBe("kapitalbank");
    expect(companySlugFromHost("e-queue.uz", "e-queue.uz")).toBeNull();
    expect(companySlugFromHost("www.e-queue.uz", "e-queue.uz")).toBeNull();
    expect(companySlugFromHost("a.b.e-queue.uz", "e-queue.uz")).toBeNull();
    expect(companySlugFromHost("kapitalbank.evil.uz", "e-queue.uz")).toBeNull();
    expect(companySlugFromHost("kapitalbank.e-queue.uz", undefined)).toBeNull();
  });

  describe("with BASE_DOMAIN set", () => {
    let p: TestPlatform;
    beforeAll(async () => {
      p = await createTestPlatform({ BASE_DOMAIN: "e-queue.test" });
      const token = await loginSuperAdmin(p.app);
      await createCompany(p.app, token, {
        slug: "kapitalbank",
        name: "Kapital Bank",
        adminEmail: "admin@kapitalbank.uz",
      });
      await createCompany(p.app, token, { slug: "hamkorbank", adminEmail: "admin@hamkorbank.uz" });
    });
    afterAll(() => p.close());

    it("serves the company API on its subdomain, and a token only on its own company's host", async () => {
      const info = await call(p.app, "GET", "/api/info", {
        headers: { host: "kapitalbank.e-queue.test" },
      });
      expect(info.statusCode).toBe(200);
      expect(info.json().name).toBe("Kapital Bank");

      const { token } = await activateCompanyAdmin(p.app, p.ctx, {
        slug: "kapitalbank",
        adminEmail: "admin@kapitalbank.uz",
      });
      const me = await call(p.app, "GET", "/api/auth/me", {
        token,
        headers: { host: "kapitalbank.e-queue.test" },
      });
      expect(me.statusCode).toBe(200);
      const elsewhere = await call(p.app, "GET", "/api/auth/me", {
        token,
        headers: { host: "hamkorbank.e-queue.test" },
      });
      expect(elsewhere.statusCode).toBe(401);
      expect(elsewhere.json().error.code).toBe("WRONG_REALM");

      // The platform's own API stays where it is on any host.
      expect(
        (await call(p.app, "GET", "/api/health", { headers: { host: "kapitalbank.e-queue.test" } }))
          .statusCode,
      ).toBe(200);
    });

    it("puts the subdomain login link in the invite", async () => {
      const mail = await p.ctx.db
        .selectFrom("platform.outbox")
        .select("body_text")
        .where("recipient", "=", "admin@hamkorbank.uz")
        .executeTakeFirstOrThrow();
      expect(mail.body_text).toContain("http://hamkorbank.e-queue.test/admin/login");
    });
  });
});

describe("the company directory", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform();
  });
  afterAll(() => p.close());

  it("answers requests that come together with one lookup, and a change made here at once", async () => {
    const { company } = await createQueueCompany(p);
    const directory = new CompanyDirectory(p.ctx.db);
    const lookups = vi.spyOn(p.ctx.db, "executeQuery");
    const together = await Promise.all(
      Array.from({ length: 10 }, () => directory.findBySlug(company.slug)),
    );
    expect(together.map((c) => c?.id)).toEqual(Array(10).fill(company.id));
    expect(await directory.findBySlug("no-such-company")).toBeNull();
    expect(lookups).toHaveBeenCalledTimes(2);
    // Renamed meanwhile: a lookup begun before the change does not cache the old name.
    const before = directory.findBySlug(company.slug);
    await p.ctx.db
      .updateTable("platform.companies")
      .set({ name: "Renamed" })
      .where("id", "=", company.id)
      .execute();
    directory.invalidate(company.slug);
    await before;
    expect((await directory.findBySlug(company.slug))?.name).toBe("Renamed");
    lookups.mockRestore();
  });
});
