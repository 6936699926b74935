import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { migratePlatform } from "../db/migrator";
import { platformMigrations } from "../db/migrations/platform";
import { PGliteDialect } from "../db/pglite-dialect";
import type { Database } from "../db/tables";

/**
 * A PGlite data directory with the platform schema migrated, dumped once and shared by every
 * test file (and every vitest worker) through a file in the temp directory.
 *
 * Each server test file starts a platform on a fresh in-memory PGlite; creating the cluster
 * (initdb inside WebAssembly) and migrating `platform` cost about twice what loading a dump of
 * the result does. The file name carries a hash of the PGlite version and of every platform
 * migration's SQL, so a changed migration makes a new snapshot instead of reusing a stale one.
 * Set TEST_PGLITE_SNAPSHOT=off to start every test from an empty cluster.
 */
export async function migratedPgliteDump(): Promise<Blob | undefined> {
  if (process.env.TEST_PGLITE_SNAPSHOT === "off") return undefined;
  const file = path.join(os.tmpdir(), `eq-pglite-platform-${snapshotKey()}.tar`);
  try {
    return new Blob([await fs.promises.readFile(file)]);
  } catch {
    // Not made yet (or being made by another worker): make it; the last rename wins, all equal.
  }
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  try {
    await migratePlatform(db);
    const dump = await pglite.dumpDataDir("none");
    const tmp = `${file}.${randomBytes(4).toString("hex")}`;
    await fs.promises.writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
    await fs.promises.rename(tmp, file);
    return dump;
  } finally {
    await db.destroy();
  }
}

function snapshotKey(): string {
  const hash = createHash("sha256");
  hash.update(pgliteVersion());
  for (const m of platformMigrations)
    hash.update(`${m.version}\n${m.statements("platform").join("\n")}`);
  return hash.digest("hex").slice(0, 16);
}

/** The installed PGlite's version: a dump is only loaded by the release that wrote it. */
function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
  while (dir !== path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      const { name, version } = JSON.parse(fs.readFileSync(pkg, "utf8")) as {
        name?: string;
        version?: string;
      };
      if (name === "@electric-sql/pglite") return version ?? "unknown";
    }
    dir = path.dirname(dir);
  }
  return "unknown";
}
