import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCompany, createTestPlatform, loginSuperAdmin, type TestPlatform } from "../testing";
import { companyMigrations, latestCompanyVersion } from "./migrations/company";
import type { Migration } from "./migrations/migration";
import { platformMigrations } from "./migrations/platform";
import { platformTranslatedCompanyDescription } from "./migrations/platform/0013-translated-company-description";
import { migrateAllCompanies, migratePlatform } from "./migrator";

describe("migrations", () => {
  let p: TestPlatform;
  let token: string;
  beforeAll(async () => {
    p = await createTestPlatform();
    token = await loginSuperAdmin(p.app);
  });
  afterAll(() => p.close());

  it("applies the platform schema once and is idempotent", async () => {
    expect(await migratePlatform(p.ctx.db)).toBe(0);
    const rows = await p.ctx.db
      .selectFrom("platform.schema_migrations")
      .select("version")
      .execute();
    expect(rows.map((r) => r.version)).toEqual(platformMigrations.map((m) => m.version));
  });

  it("keeps a company's one description as its default language's text", async () => {
    await sql`create schema desc_mig`.execute(p.ctx.db);
    await sql`create table desc_mig.companies (id int, description text, default_language text)`.execute(
      p.ctx.db,
    );
    await sql`insert into desc_mig.companies values
      (1, 'Namunaviy bank', 'uz'), (2, 'Пример', 'ru'), (3, 'Sample', 'en'),
      (4, 'Намунавий', 'uz-Cyrl'), (5, '  ', 'uz'), (6, null, 'ru')`.execute(p.ctx.db);
    for (const statement of platformTranslatedCompanyDescription.statements("desc_mig")) {
      await sql.raw(statement).execute(p.ctx.db);
    }
    const rows = await sql<{ id: number; description: unknown }>`
      select id, description from desc_mig.companies order by id`.execute(p.ctx.db);
    expect(rows.rows.map((r) => r.description)).toEqual([
      { uz: "Namunaviy bank" },
      { ru: "Пример" },
      { en: "Sample" },
      { uz: "Намунавий" },
      null,
      null,
    ]);
    await sql`drop schema desc_mig cascade`.execute(p.ctx.db);
  });

  it("records each company's version, reports failures per company, and resumes", async () => {
    const a = await createCompany(p.app, token, { slug: "mig-a" });
    const b = await createCompany(p.app, token, { slug: "mig-b" });
    const c = await createCompany(p.app, token, { slug: "mig-c" });
    const current = latestCompanyVersion();
    expect([a, b, c].map((x) => x.schemaVersion)).toEqual([current, current, current]);

    // Company b already has a table the new migration wants to create: its migration fails.
    await sql.raw(`create table t_mig_b.visits (id int)`).execute(p.ctx.db);
    const next: Migration = {
      version: 99,
      name: "visits",
      statements: (s) => [
        `create table ${s}.visits (id uuid primary key, at timestamptz not null)`,
      ],
    };
    const migrations = [...companyMigrations, next];
    const first = await migrateAllCompanies(p.ctx.db, { migrations });
    expect(first.latest).toBe(latestCompanyVersion(migrations));
    expect(first.migrated).toBe(2);
    expect(first.failed.map((f) => f.slug)).toEqual(["mig-b"]);
    const versions = await p.ctx.db
      .selectFrom("platform.companies")
      .select(["slug", "schema_version", "migration_error"])
      .orderBy("slug")
      .execute();
    expect(versions.map((v) => [v.slug, v.schema_version, v.migration_error !== null])).toEqual([
      ["mig-a", 99, false],
      ["mig-b", current, true],
      ["mig-c", 99, false],
    ]);

    // After the operator fixes b, running again resumes with b only.
    await sql.raw(`drop table t_mig_b.visits`).execute(p.ctx.db);
    const second = await migrateAllCompanies(p.ctx.db, { migrations });
    expect(second).toMatchObject({ migrated: 1, upToDate: 2, failed: [] });
    const b2 = await p.ctx.db
      .selectFrom("platform.companies")
      .select(["schema_version", "migration_error"])
      .where("slug", "=", "mig-b")
      .executeTakeFirstOrThrow();
    expect(b2).toEqual({ schema_version: 99, migration_error: null });
    const recorded = await p.ctx.db
      .withSchema("t_mig_b")
      .selectFrom("schema_migrations")
      .select("version")
      .orderBy("version")
      .execute();
    expect(recorded.map((r) => r.version)).toEqual([
      ...companyMigrations.map((m) => m.version),
      99,
    ]);
  });
});
