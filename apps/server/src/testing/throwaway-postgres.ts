import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export type ThrowawayPostgres = {
  url: string;
  port: number;
  /** `pg_ctl stop -m fast`: what a restart or failover does to connected clients. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops the cluster and deletes its directory. */
  destroy: () => Promise<void>;
};

/** The newest installed PostgreSQL server binaries (`initdb`, `pg_ctl`), or null. */
export function findPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, "127.0.0.1", resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** Why a throwaway cluster cannot be started here, or null when it can. */
export function throwawayPostgresUnavailable(): string | null {
  if (!findPostgresBin()) return "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin";
  if (process.getuid?.() === 0) {
    try {
      fs.accessSync("/usr/sbin/runuser", fs.constants.X_OK);
    } catch {
      return "running as root without runuser to start PostgreSQL as user postgres";
    }
  }
  return null;
}

/**
 * A PostgreSQL cluster of its own (initdb in a temporary directory, a free port, trust auth,
 * fsync off) that a test or a benchmark may stop and start at will — never the shared server.
 * As root, the binaries run as user `postgres` (PostgreSQL refuses to run as root).
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(throwawayPostgresUnavailable() ?? "no PostgreSQL binaries");
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eq-pg-"));
  if (asRoot) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    fs.chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const exec = (cmd: string, args: string[]) =>
    asRoot
      ? run("/usr/sbin/runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args])
      : run(path.join(bin, cmd), args);
  const data = path.join(dir, "data");
  const port = await freePort();
  await exec("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=100",
  ].join(" ");
  const start = async () => {
    await exec("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "log"), "-w", "start"]);
  };
  const stop = async () => {
    await exec("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  };
  await start();
  let destroyed = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop,
    destroy: async () => {
      if (destroyed) return;
      destroyed = true;
      await exec("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
