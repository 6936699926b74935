/** Parent side of `server-child.ts`: spawn the server under test, ask it for stats, stop it. */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type ServerStats = {
  sampled_peak_rss_mb: number;
  max_rss_mb: number;
  peak_rss_mb: number;
  rss_now_mb: number;
  heap_used_mb: number;
  lag_p50_ms: number;
  lag_p99_ms: number;
  lag_max_ms: number;
  cpu_percent: number;
  trackers: number;
  /** The process's open-file limit (soft), from /proc/self/limits. */
  nofile: number | null;
};

export type DriveOperator = { slug: string; staffId: string };

export type DriveResult = {
  started: number;
  calls: number;
  empty: number;
  errors: number;
  behind_ticks: number;
  seconds: number;
  calls_per_s: number;
  /**
   * How long the call command took, from its start (the ticket's calledAt) to its commit: the
   * part of a call's delivery time spent before anything can be sent.
   */
  call_command_p50_ms: number | null;
  call_command_p99_ms: number | null;
  error_samples: string[];
};

export type ChildRequest =
  | { type: "reset"; id: number }
  | { type: "settle"; id: number }
  | { type: "stats"; id: number }
  | { type: "stop"; id: number }
  | {
      type: "drive";
      id: number;
      rate: number;
      seconds: number;
      close: "cancel";
      operators: DriveOperator[];
    };

export type ChildReply =
  | { type: "ready"; id: 0; address: string }
  | { type: "reset"; id: number }
  | { type: "settle"; id: number; ms: number }
  | { type: "stats"; id: number; stats: ServerStats }
  | { type: "stop"; id: number; stats: ServerStats }
  | { type: "drive"; id: number; result: DriveResult }
  | { type: "error"; id: number; message: string };

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, "..", "..");

type Dist<T> = T extends unknown ? Omit<T, "id"> : never;

/**
 * Spawns a bench helper (`node --import tsx <file>`) with an IPC channel. `nofile` raises the
 * open-file limit through the shell first (the hard limit only with CAP_SYS_RESOURCE; otherwise
 * the soft limit goes up to the hard one).
 */
export function spawnTs(
  file: string,
  env: Record<string, string>,
  nofile?: number,
  nodeArgs: string[] = [],
): ChildProcess {
  const node = [process.execPath, ...nodeArgs, "--import", "tsx", file]
    .map((a) => `'${a}'`)
    .join(" ");
  // Best effort: raise the hard limit if allowed, else take the soft limit up to the hard one.
  const cmd = nofile
    ? `ulimit -Hn ${nofile} 2>/dev/null; ulimit -n ${nofile} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec ${node}`
    : `exec ${node}`;
  return spawn("/bin/sh", ["-c", cmd], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
}

export class ServerProcess {
  private seq = 0;
  private readonly waiting = new Map<number, (m: ChildReply) => void>();

  private constructor(
    readonly child: ChildProcess,
    readonly address: string,
  ) {
    child.on("message", (raw) => {
      const m = raw as ChildReply;
      this.waiting.get(m.id)?.(m);
      this.waiting.delete(m.id);
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  static start(env: Record<string, string>, nofile?: number): Promise<ServerProcess> {
    const child = spawnTs(
      path.join(HERE, "server-child.ts"),
      { BENCH_SERVER_ENV: JSON.stringify(env) },
      nofile,
      // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server
      (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(/\s+/).filter(Boolean),
    );
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`server child exited (${code})`));
      child.once("exit", onExit);
      child.once("message", (raw) => {
        const m = raw as ChildReply;
        if (m.type !== "ready") return reject(new Error(`unexpected first message ${m.type}`));
        child.off("exit", onExit);
        resolve(new ServerProcess(child, m.address));
      });
    });
  }

  ask<T extends ChildReply["type"]>(
    req: Dist<ChildRequest>,
    timeoutMs = 600_000,
  ): Promise<Extract<ChildReply, { type: T }>> {
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`server child did not answer "${req.type}" in ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, (m) => {
        clearTimeout(timer);
        if (m.type === "error") reject(new Error(`server child: ${m.message}`));
        else resolve(m as Extract<ChildReply, { type: T }>);
      });
      this.child.send({ ...req, id });
    });
  }

  async stats(): Promise<ServerStats> {
    return (await this.ask<"stats">({ type: "stats" })).stats;
  }

  /**
   * Waits until the server's event subscribers have delivered every event committed so far (a
   * fixture's pre-issued tickets): a load measured while they catch up measures the catch-up.
   * Returns how long that took.
   */
  async settle(): Promise<number> {
    return (await this.ask<"settle">({ type: "settle" })).ms;
  }

  async reset(): Promise<void> {
    await this.ask<"reset">({ type: "reset" });
  }

  /** Stops the server (graceful close) and returns its final stats; kills it if it hangs. */
  async stop(): Promise<ServerStats | null> {
    if (this.child.exitCode !== null) return null;
    const exited = new Promise<void>((r) => this.child.once("exit", () => r()));
    try {
      const m = await this.ask<"stop">({ type: "stop" }, 30_000);
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      return m.stats;
    } catch {
      return null;
    } finally {
      if (this.child.exitCode === null) this.child.kill("SIGKILL");
    }
  }
}

/** This process's soft open-file limit (Linux), or null. */
export function openFileLimit(): number | null {
  try {
    const line = readFileSync("/proc/self/limits", "utf8")
      .split("\n")
      .find((l) => l.startsWith("Max open files"));
    const n = Number(line?.split(/\s{2,}/)[1]);
    return Number.isFinite(n) ? n : null;
  } catch {
    return null;
  }
}
