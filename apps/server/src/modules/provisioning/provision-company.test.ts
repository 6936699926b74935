import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companyMigrations } from "../../db/migrations/company";
import type { Migration } from "../../db/migrations/migration";
import {
  call,
  createCompany,
  createTestPlatform,
  loginSuperAdmin,
  type TestPlatform,
} from "../../testing";

const schemaExists = async (p: TestPlatform, name: string) => {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from information_schema.schemata where schema_name = ${name}`.execute(
    p.ctx.db,
  );
  return r.rows[0]!.n === 1;
};

describe("company provisioning", () => {
  let p: TestPlatform;
  let token: string;
  beforeAll(async () => {
    p = await createTestPlatform();
    token = await loginSuperAdmin(p.app);
  });
  afterAll(() => p.close());

  it("creates the registry entry, schema, admin, branding and invite in one step", async () => {
    const company = await createCompany(p.app, token, {
      slug: "kapitalbank",
      name: "Kapital Bank",
      adminEmail: "admin@kapitalbank.uz",
    });
    expect(company.status).toBe("INACTIVE");
    expect(
      (company.provisioning as { steps: { key: string; status: string }[] }).steps.map(
        (s) => `${s.key}:${s.status}`,
      ),
    ).toEqual([
      "registry:done",
      "schema:done",
      "migrate:done",
      "branding:done",
      "admin:done",
      "invite:done",
    ]);
    expect(await schemaExists(p, "t_kapitalbank")).toBe(true);
    const admin = await p.ctx.db
      .withSchema("t_kapitalbank")
      .selectFrom("staff")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(admin).toMatchObject({
      email: "admin@kapitalbank.uz",
      role: "COMPANY_ADMIN",
      must_change_password: true,
    });
    const branding = await p.ctx.db
      .withSchema("t_kapitalbank")
      .selectFrom("branding")
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(branding.name).toBe("Kapital Bank");
    const mail = await p.ctx.db
      .selectFrom("platform.outbox")
      .selectAll()
      .where("recipient", "=", "admin@kapitalbank.uz")
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body_text).toContain("/c/kapitalbank/admin/login");
    expect(mail[0]!.status).toBe("PENDING");
    const audit = await p.ctx.db
      .selectFrom("platform.audit_log")
      .selectAll()
      .where("action", "=", "company.create")
      .execute();
    expect(audit.map((a) => a.company_id)).toContain(company.id);
    expect(company.schemaVersion).toBe(companyMigrations.at(-1)!.version);
  });

  it("refuses a slug that is taken, reserved or malformed, with a field message", async () => {
    const taken = await call(p.app, "POST", "/api/platform/companies", {
      token,
      body: { name: "Again", slug: "kapitalbank", adminEmail: "x@y.uz" },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: "SLUG_TAKEN", details: [{ path: "slug" }] });

    const reserved = await call(p.app, "POST", "/api/platform/companies", {
      token,
      body: { name: "Admin", slug: "admin", adminEmail: "x@y.uz" },
    });
    expect(reserved.statusCode).toBe(400);
    expect(reserved.json().error.code).toBe("SLUG_RESERVED");

    const bad = await call(p.app, "POST", "/api/platform/companies", {
      token,
      body: { name: "Bad", slug: "1-bad_slug", adminEmail: "x@y.uz" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("slug");
  });

  it("gives one company when the same slug is created twice at once", async () => {
    const body = { name: "Aloqabank", slug: "aloqabank", adminEmail: "admin@aloqabank.uz" };
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        call(p.app, "POST", "/api/platform/companies", { token, body }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409]);
    const rows = await p.ctx.db
      .selectFrom("platform.companies")
      .select("id")
      .where("slug", "=", "aloqabank")
      .execute();
    expect(rows).toHaveLength(1);
    const invites = await p.ctx.db
      .selectFrom("platform.outbox")
      .select("id")
      .where("recipient", "=", "admin@aloqabank.uz")
      .execute();
    expect(invites).toHaveLength(1);
  });
});

describe("a provisioning failure in the middle", () => {
  const broken: Migration = {
    version: 99,
    name: "broken",
    statements: (s) => [
      `create table ${s}.fine (id int)`,
      `create table ${s}.oops (id int references nowhere(id))`,
    ],
  };
  let p: TestPlatform;
  let token: string;
  beforeAll(async () => {
    p = await createTestPlatform({}, { companyMigrations: [...companyMigrations, broken] });
    token = await loginSuperAdmin(p.app);
  });
  afterAll(() => p.close());

  it("leaves no half-made company and records the failed step for a retry", async () => {
    const res = await call(p.app, "POST", "/api/platform/companies", {
      token,
      body: { name: "Hamkorbank", slug: "hamkorbank", adminEmail: "admin@hamkorbank.uz" },
    });
    expect(res.statusCode).toBe(503);
    expect(res.json().error.code).toBe("PROVISIONING_FAILED");
    expect(res.json().error.message).toContain("migrate");
    expect(await schemaExists(p, "t_hamkorbank")).toBe(false);
    expect(await p.ctx.db.selectFrom("platform.companies").select("id").execute()).toHaveLength(0);
    expect(await p.ctx.db.selectFrom("platform.outbox").select("id").execute()).toHaveLength(0);

    const failures = await call(p.app, "GET", "/api/platform/provisioning-failures", { token });
    expect(failures.json().items).toHaveLength(1);
    expect(failures.json().items[0]).toMatchObject({
      slug: "hamkorbank",
      failedStep: "migrate",
      attempts: 1,
    });

    // The operator fixes the cause; the retry succeeds with the same input.
    p.ctx.companyMigrations = companyMigrations;
    const retry = await call(
      p.app,
      "POST",
      `/api/platform/provisioning-failures/${failures.json().items[0].id}/retry`,
      { token },
    );
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toMatchObject({ slug: "hamkorbank", status: "INACTIVE" });
    expect(await schemaExists(p, "t_hamkorbank")).toBe(true);
    const after = await call(p.app, "GET", "/api/platform/provisioning-failures", { token });
    expect(after.json().items).toHaveLength(0);
  });
});
