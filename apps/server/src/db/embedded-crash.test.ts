/**
 * The embedded default survives a crash: `npm start`'s server (main.ts, no DATABASE_URL) runs in
 * its own process group with its managed PostgreSQL; tickets are issued over HTTP, the whole
 * group gets `kill -9` in the middle of it, the server starts again on the same DATA_DIR, and
 * every ticket whose issue was answered 2xx must be there. Slow (three kills and restarts):
 * `npm run test:embedded-crash` (EMBEDDED_CRASH_TEST=1); skipped otherwise.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config";
import { startPlatform } from "../platform";
import { IssueLoad, tally } from "../testing/issue-load";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
} from "../testing/queue-factories";
import { SUPER_ADMIN } from "../testing/test-platform";

const enabled = process.env.EMBEDDED_CRASH_TEST === "1";
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../..");
const MAIN = path.join(ROOT, "apps/server/src/main.ts");
const ROUNDS = Number(process.env.EMBEDDED_CRASH_ROUNDS ?? 3);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "eq-crash-"));
const env = {
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  DATA_DIR: dataDir,
  JWT_SECRET: randomBytes(32).toString("hex"),
  SUPER_ADMIN_EMAIL: SUPER_ADMIN.email,
  SUPER_ADMIN_PASSWORD: SUPER_ADMIN.password,
  PUBLIC_URL: "http://localhost:3000",
  LOGIN_RATE_LIMIT_PER_MINUTE: "10000",
};
const socketUrl = `postgresql://postgres@localhost/equeue?host=${encodeURIComponent(path.join(dataDir, "pg"))}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

type Server = { child: ChildProcess; port: number; readyMs: number };

/** main.ts as `npm start` runs it, leader of its own process group. */
async function startServer(port: number): Promise<Server> {
  const log = fs.openSync(path.join(dataDir, "server.log"), "a");
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: "", EMBEDDED_DB: "", ...env, PORT: String(port) },
    stdio: ["ignore", log, log],
    detached: true,
  });
  fs.closeSync(log);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `the server exited:\n${fs.readFileSync(path.join(dataDir, "server.log"), "utf8")}`,
      );
    const ok = await fetch(`http://127.0.0.1:${port}/api/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { child, port, readyMs: performance.now() - started };
    if (Date.now() > deadline) throw new Error("the server was not ready in 120 s");
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The processes of a group still alive (ps), zombies aside. */
function groupMembers(pgid: number): Promise<string[]> {
  return new Promise((resolve) => {
    const ps = spawn("ps", ["-eo", "pid=,pgid=,stat=,comm="]);
    let out = "";
    ps.stdout.on("data", (c: Buffer) => (out += c.toString()));
    ps.on("close", () =>
      resolve(
        out
          .split("\n")
          .map((l) => l.trim().split(/\s+/))
          .filter((f) => Number(f[1]) === pgid && !f[2]?.startsWith("Z"))
          .map((f) => `${f[0]} ${f[3]}`),
      ),
    );
  });
}

let server: Server | null = null;
afterAll(async () => {
  if (server?.child.pid) {
    try {
      process.kill(-server.child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!enabled)("the embedded default after kill -9 of the whole process group", () => {
  it("keeps every ticket whose issue was acknowledged", { timeout: 600_000 }, async () => {
    const port = await freePort();
    server = await startServer(port);
    // Company, branch and operator through a second platform on the same cluster (its socket).
    const setup = await startPlatform(loadConfig({ ...env, DATABASE_URL: socketUrl }), {
      serveWeb: false,
      mail: null,
      dayEndWorker: false,
    });
    const p = { ...setup, config: loadConfig({ ...env, DATABASE_URL: socketUrl }) };
    const { company, slug } = await createQueueCompany(p);
    const { branch, services } = await createBranchWithService(p.ctx, company);
    const op = await createQueueOperator(p.ctx, company, {
      branchId: branch.id,
      serviceIds: [services[0]!.id],
    });
    await setup.close();
    const target = {
      baseUrl: () => `http://127.0.0.1:${port}`,
      slug,
      token: op.token,
      branchId: branch.id,
      serviceId: services[0]!.id,
    };

    const acknowledged: string[] = [];
    const rounds: Record<string, unknown>[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const load = new IssueLoad(target, { workers: 8, timeoutMs: 5_000 }).start();
      // Kill at a different moment each round, while requests are in flight.
      await new Promise((r) => setTimeout(r, 1500 + round * 700));
      const before = load.acknowledged.length;
      const pgid = server.child.pid!;
      process.kill(-pgid, "SIGKILL");
      await load.stop();
      await new Promise((r) => setTimeout(r, 200));
      expect(await groupMembers(pgid)).toEqual([]); // the server and its postmaster died
      acknowledged.push(...load.acknowledged);
      server = await startServer(port);
      const c = new pg.Client({ connectionString: socketUrl });
      await c.connect();
      const { rows } = await c.query<{ n: number }>(
        `select count(*)::int as n from "${company.schema_name}".tickets where id = any($1::uuid[])`,
        [acknowledged],
      );
      await c.end();
      rounds.push({
        round,
        acknowledged_this_round: load.acknowledged.length,
        acknowledged_at_kill: before,
        answers: tally(load.answers),
        acknowledged_total: acknowledged.length,
        present_after_restart: rows[0]!.n,
        restart_to_ready_ms: Math.round(server.readyMs),
      });
      expect(rows[0]!.n).toBe(acknowledged.length);
    }
    console.log(JSON.stringify({ embedded_crash: rounds }, null, 1));
    expect(acknowledged.length).toBeGreaterThan(ROUNDS * 10);
  });
});
