/**
 * The managed PostgreSQL of `npm start` (embedded-postgres.ts): real binaries, real clusters in
 * temporary directories. Skipped where this platform has no binaries (the fallback is tested).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { chooseEmbeddedDatabase } from "./embedded-default";
import { findBinaries, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { ensureRunAsUser } from "./embedded-postgres-host";

const available = await findBinaries().then(
  () => true,
  () => false,
);
const dirs: string[] = [];
const tmpDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "eq-embpg-"));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

async function query<R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(text)).rows;
  } finally {
    await c.end();
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// initdb and fsync'd starts: slow on a loaded machine.
describe.skipIf(!available)("the managed PostgreSQL", { timeout: 120_000 }, () => {
  it("is durable (fsync and synchronous commit on), reachable only by socket, and keeps its data across a stop", async () => {
    const pgdata = path.join(tmpDir(), "pg");
    let db: EmbeddedPostgres | null = await startEmbeddedPostgres({ pgdata });
    try {
      const [s] = await query<Record<string, string>>(
        db.url,
        "select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sc, " +
          "current_setting('full_page_writes') as fpw, current_setting('listen_addresses') as tcp",
      );
      expect(s).toEqual({ fsync: "on", sc: "on", fpw: "on", tcp: "" });
      const hba = fs.readFileSync(path.join(pgdata, "pg_hba.conf"), "utf8");
      expect(hba).toMatch(/^host\s+all\s+all\s+127\.0\.0\.1\/32\s+reject$/m);
      await query(db.url, "create table kept (n int); insert into kept values (42)");
      await db.stop();
      expect(alive(db.pid)).toBe(false);
      db = await startEmbeddedPostgres({ pgdata });
      expect(await query(db.url, "select n from kept")).toEqual([{ n: 42 }]);
    } finally {
      await db?.stop();
    }
  });

  it("starts when postmaster.pid names a live process that is not PostgreSQL (a reused number)", async () => {
    const pgdata = path.join(tmpDir(), "pg");
    await (await startEmbeddedPostgres({ pgdata })).stop();
    // Owned by the cluster's user: PostgreSQL takes a process it may not signal for a dead one.
    const runAs = ensureRunAsUser("postgres", () => {});
    const other = spawn("sleep", ["60"], {
      stdio: "ignore",
      ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
    });
    try {
      const lock = path.join(pgdata, "postmaster.pid");
      fs.writeFileSync(
        lock,
        `${other.pid}\n${pgdata}\n1700000000\n5432\n${pgdata}\n\n0 0\nready\n`,
      );
      const logged: string[] = [];
      const db = await startEmbeddedPostgres({ pgdata, log: (m) => logged.push(m) });
      await db.stop();
      expect(logged.join("\n")).toMatch(/stale postmaster\.pid/);
    } finally {
      other.kill("SIGKILL");
    }
  });

  it("stops a postmaster left running by a server that was killed alone, then starts", async () => {
    const pgdata = path.join(tmpDir(), "pg");
    await (await startEmbeddedPostgres({ pgdata })).stop();
    const bins = await findBinaries();
    // An orphan: started through a shell that exits at once, so its parent is not a node.
    const runAs = ensureRunAsUser("postgres", () => {});
    const sh = spawn(
      "/bin/sh",
      [
        "-c",
        `"${bins.postgres}" -D "${pgdata}" -k "${pgdata}" -c listen_addresses= >/dev/null 2>&1 &`,
      ],
      { stdio: "ignore", ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}) },
    );
    await new Promise((r) => sh.once("exit", r));
    const lock = path.join(pgdata, "postmaster.pid");
    const ready = () => fs.existsSync(lock) && fs.readFileSync(lock, "utf8").includes("ready");
    for (let i = 0; i < 600 && !ready(); i++) await new Promise((r) => setTimeout(r, 100));
    const orphan = Number(fs.readFileSync(lock, "utf8").split("\n")[0]);
    expect(alive(orphan)).toBe(true);
    const logged: string[] = [];
    const db = await startEmbeddedPostgres({ pgdata, log: (m) => logged.push(m) });
    try {
      expect(logged.join("\n")).toMatch(new RegExp(`stopping PostgreSQL ${orphan}`));
      expect(alive(orphan)).toBe(false);
      expect(await query(db.url, "select 1 as ok")).toEqual([{ ok: 1 }]);
    } finally {
      await db.stop();
    }
  });

  it.skipIf(process.getuid?.() !== 0)(
    "run as root, names the directory the cluster's user cannot enter",
    async () => {
      const dir = tmpDir();
      fs.chmodSync(dir, 0o755);
      fs.mkdirSync(path.join(dir, "closed"), { mode: 0o700 });
      await expect(
        startEmbeddedPostgres({ pgdata: path.join(dir, "closed", "data", "pg") }),
      ).rejects.toThrow(`cannot enter ${path.join(dir, "closed")}`);
    },
  );

  it("refuses a directory that holds something but no cluster, naming it", async () => {
    const pgdata = path.join(tmpDir(), "pg");
    fs.mkdirSync(pgdata);
    fs.writeFileSync(path.join(pgdata, "notes.txt"), "mine");
    await expect(startEmbeddedPostgres({ pgdata })).rejects.toThrow(
      `${pgdata} is not empty but holds no PostgreSQL cluster`,
    );
  });
});

describe("which embedded database npm start takes", () => {
  it("EMBEDDED_DB=pglite keeps PGlite, and says it is not durable", async () => {
    const choice = await chooseEmbeddedDatabase(
      loadConfig({ DATA_DIR: tmpDir(), EMBEDDED_DB: "pglite" }),
      () => {},
    );
    expect(choice.cluster).toBeNull();
    expect(choice.config.DATABASE_URL).toBeUndefined();
    expect(choice.label).toMatch(/PGlite .*not durable/);
  });

  it("a DATA_DIR with an earlier PGlite database and no PostgreSQL one stays on PGlite", async () => {
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, "pglite"));
    fs.writeFileSync(path.join(dir, "pglite", "PG_VERSION"), "17\n");
    const logged: string[] = [];
    const choice = await chooseEmbeddedDatabase(loadConfig({ DATA_DIR: dir }), (m) =>
      logged.push(m),
    );
    expect(choice.cluster).toBeNull();
    expect(logged.join("\n")).toMatch(/EMBEDDED_DB=postgres/);
  });

  it("DATABASE_URL wins over both", async () => {
    const url = "postgres://someone@db.example:5432/equeue";
    const choice = await chooseEmbeddedDatabase(loadConfig({ DATABASE_URL: url }), () => {});
    expect(choice.config.DATABASE_URL).toBe(url);
    expect(choice.cluster).toBeNull();
  });

  it.skipIf(!available)("by default starts the managed PostgreSQL in DATA_DIR/pg", async () => {
    const dir = tmpDir();
    const choice = await chooseEmbeddedDatabase(loadConfig({ DATA_DIR: dir }), () => {});
    try {
      expect(choice.cluster?.dataDir).toBe(path.join(dir, "pg"));
      expect(choice.config.DATABASE_URL).toBe(choice.cluster?.url);
    } finally {
      await choice.stop();
    }
  });

  it.skipIf(available)("without binaries falls back to PGlite, saying why", async () => {
    const logged: string[] = [];
    const choice = await chooseEmbeddedDatabase(loadConfig({ DATA_DIR: tmpDir() }), (m) =>
      logged.push(m),
    );
    expect(choice.cluster).toBeNull();
    expect(logged.join("\n")).toMatch(/No embedded PostgreSQL for this platform/);
  });
});
