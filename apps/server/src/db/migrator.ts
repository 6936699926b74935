import { sql, type Kysely, type Transaction } from "kysely";
import type { Db } from "./database";
import { companyMigrations, latestCompanyVersion } from "./migrations/company";
import type { Migration } from "./migrations/migration";
import { platformMigrations } from "./migrations/platform";
import type { Database } from "./tables";

/** Quotes a schema identifier; names come from our own slug rules, quoting is belt and braces. */
export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function runStatements(trx: Kysely<Database>, m: Migration, schema: string) {
  for (const statement of m.statements(quoteIdent(schema))) {
    await sql.raw(statement).execute(trx);
  }
}

/**
 * Citus is installed in this database. Then every company schema is a distributed schema
 * (schema-based sharding: its tables live together on one worker) and `platform` stays a plain
 * schema on the coordinator, next to the registry every request reads (docs/citus.md).
 */
export async function onCitus(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_extension where extname = 'citus'`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

/**
 * Keeps `platform` on the coordinator: created with schema-based sharding off for this
 * transaction (the operator may have switched it on for the database), and moved back if an
 * earlier start let Citus distribute it.
 */
async function keepPlatformOnCoordinator(trx: Kysely<Database>) {
  await sql`set local citus.enable_schema_based_sharding = off`.execute(trx);
  await sql.raw("create schema if not exists platform").execute(trx);
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from citus_schemas
    where schema_name = 'platform'::regnamespace`.execute(trx);
  if (!rows[0]?.n) return;
  try {
    await sql`select citus_schema_undistribute('platform')`.execute(trx);
  } catch (err) {
    throw new Error(
      "The platform schema is a Citus distributed schema (it was created while " +
        "citus.enable_schema_based_sharding was on) and Citus could not move it back to the " +
        "coordinator; see docs/citus.md, 'platform on a worker'.",
      { cause: err },
    );
  }
}

/** Brings the `platform` schema up to date. Safe to call from several processes at once. */
export async function migratePlatform(db: Db, migrations = platformMigrations): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7301001)`.execute(trx);
    if (await onCitus(trx)) await keepPlatformOnCoordinator(trx);
    else await sql.raw("create schema if not exists platform").execute(trx);
    await sql
      .raw(
        `create table if not exists platform.schema_migrations (
           version integer primary key, name text not null,
           applied_at timestamptz not null default now())`,
      )
      .execute(trx);
    const done = await trx.selectFrom("platform.schema_migrations").select("version").execute();
    const applied = new Set(done.map((r) => r.version));
    let count = 0;
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await runStatements(trx, m, "platform");
      await trx
        .insertInto("platform.schema_migrations")
        .values({ version: m.version, name: m.name })
        .execute();
      count++;
    }
    return count;
  });
}

/**
 * Creates (when `create`) and migrates one company schema inside the caller's transaction.
 * Returns the version the schema is at afterwards.
 */
export async function migrateCompanySchema(
  trx: Transaction<Database>,
  schema: string,
  opts: { create?: boolean; migrations?: Migration[] } = {},
): Promise<number> {
  const migrations = opts.migrations ?? companyMigrations;
  const q = quoteIdent(schema);
  if (opts.create) {
    // On Citus the company gets its own distributed schema, whatever the database's default.
    if (await onCitus(trx))
      await sql`set local citus.enable_schema_based_sharding = on`.execute(trx);
    await sql.raw(`create schema ${q}`).execute(trx);
    await sql
      .raw(
        `create table ${q}.schema_migrations (version integer primary key, name text not null,
           applied_at timestamptz not null default now())`,
      )
      .execute(trx);
  }
  const done = await trx
    .withSchema(schema)
    .selectFrom("schema_migrations")
    .select("version")
    .execute();
  const applied = new Set(done.map((r) => r.version));
  let version = Math.max(0, ...applied);
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    await runStatements(trx, m, schema);
    await trx
      .withSchema(schema)
      .insertInto("schema_migrations")
      .values({ version: m.version, name: m.name })
      .execute();
    version = Math.max(version, m.version);
  }
  return version;
}

export type MigrateAllReport = {
  latest: number;
  migrated: number;
  upToDate: number;
  failed: { slug: string; error: string }[];
};

/**
 * Applies pending company migrations to every company, each in its own transaction. A failing
 * company is recorded (`migration_error`) and skipped; running again resumes where it stopped.
 */
export async function migrateAllCompanies(
  db: Db,
  opts: { migrations?: Migration[]; concurrency?: number } = {},
): Promise<MigrateAllReport> {
  const migrations = opts.migrations ?? companyMigrations;
  const latest = latestCompanyVersion(migrations);
  const companies = await db
    .selectFrom("platform.companies")
    .select(["id", "slug", "schema_name", "schema_version"])
    .orderBy("created_at")
    .execute();
  const report: MigrateAllReport = { latest, migrated: 0, upToDate: 0, failed: [] };
  const pending = companies.filter((c) => c.schema_version < latest);
  report.upToDate = companies.length - pending.length;

  let next = 0;
  const worker = async () => {
    while (next < pending.length) {
      const company = pending[next++]!;
      try {
        await db.transaction().execute(async (trx) => {
          const version = await migrateCompanySchema(trx, company.schema_name, { migrations });
          await trx
            .updateTable("platform.companies")
            .set({ schema_version: version, migration_error: null })
            .where("id", "=", company.id)
            .execute();
        });
        report.migrated++;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        report.failed.push({ slug: company.slug, error: message });
        await db
          .updateTable("platform.companies")
          .set({ migration_error: message.slice(0, 2000) })
          .where("id", "=", company.id)
          .execute();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));
  return report;
}
