import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { freePort } from "./throwaway-postgres";

export type ThrowawayRedis = {
  url: string;
  /** Kills the server (SIGKILL: what a crash or a container restart looks like to clients). */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  destroy: () => Promise<void>;
};

/** Why a throwaway Redis cannot be started here, or null when it can. */
export function throwawayRedisUnavailable(): string | null {
  const probe = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  return probe.error || probe.status !== 0 ? "redis-server is not installed" : null;
}

async function waitForPing(url: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    r.on("error", () => {});
    try {
      await r.connect();
      if ((await r.ping()) === "PONG") return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
    } finally {
      r.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A Redis of its own on a free port, without persistence, that a test may kill and restart. */
export async function startThrowawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    await waitForPing(url);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise((resolve) => {
      c.once("exit", resolve);
      c.kill("SIGKILL");
    });
  };
  await start();
  return { url, start, stop, destroy: stop };
}
