import fs from "node:fs";
import { BackupError, exportCompany, importCompany } from "../modules/backup";

const USAGE = `One company's backup, on PostgreSQL (DATABASE_URL, or --database-url=...):
  npm run company:export -- <address-name> <new directory>
  npm run company:import -- <backup directory> [--replace]
--replace overwrites that one company where it exists (no other company is touched).`;

/** `npm run company:export` / `company:import`: see docs/operations.md. */
async function main(argv: string[]) {
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  const flags = argv.filter((a) => a.startsWith("--"));
  const args = argv.filter((a) => !a.startsWith("--"));
  const urlFlag = flags.find((f) => f.startsWith("--database-url="));
  const databaseUrl = urlFlag?.slice("--database-url=".length) ?? process.env.DATABASE_URL;
  const [command, ...rest] = args;
  if (!databaseUrl) {
    throw new BackupError(
      "Backups are made with pg_dump from PostgreSQL: set DATABASE_URL. The embedded database is " +
        "backed up by copying its data directory while the platform is stopped.",
    );
  }
  if (command === "export" && rest.length === 2) {
    const done = await exportCompany({ databaseUrl, slug: rest[0]!, dir: rest[1]! });
    console.log(`Backed up ${done.company.slug} (schema ${done.company.schema}) to ${done.dir}`);
  } else if (command === "import" && rest.length === 1) {
    const done = await importCompany({
      databaseUrl,
      dir: rest[0]!,
      replace: flags.includes("--replace"),
    });
    console.log(`Restored ${done.company.slug} (schema ${done.company.schema})`);
  } else {
    console.error(USAGE);
    process.exit(2);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof BackupError ? err.message : err);
  process.exit(1);
});
