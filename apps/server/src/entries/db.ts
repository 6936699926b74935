// `@equeue/server/db`: the database layer for tools that seed or migrate directly (bench/).
export { openDatabase, type Db, type DatabaseHandle, type DatabaseOptions } from "../db/database";
export {
  migrateAllCompanies,
  migrateCompanySchema,
  migratePlatform,
  quoteIdent,
  type MigrateAllReport,
} from "../db/migrator";
export { companyMigrations, latestCompanyVersion } from "../db/migrations/company/index";
export type { Migration } from "../db/migrations/migration";
export type { ProvisioningStep } from "../db/tables";
export { startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded-postgres";
