/**
 * Helpers for the several-nodes test (cluster.test.ts): app processes started as systemd runs
 * them, HTTP requests from a chosen loopback address (nginx hashes clients by address), and
 * display-board sockets that record what they receive.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { io, type Socket } from "socket.io-client";
import { REALTIME_PATH as SOCKET_PATH } from "@equeue/contracts";
import { freePort } from "./throwaway-postgres";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));
const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

export type AppNode = { name: string; port: number; child: ChildProcess; addr: string };
export type Answer = { status: number; body: Record<string, unknown> | null };
type Wire = { at: string; services?: { waiting: number }[] };
type BoardSnapshot = Wire & {
  display: { services: { waiting: number }[]; calls: { id: string }[] };
};
type BoardCall = { call: { id: string; label: string } };

/** One HTTP request from a chosen loopback address (nginx hashes clients by address). */
export function send(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: unknown; from?: string } = {},
): Promise<Answer> {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve) => {
    const req = http.request(
      url,
      {
        method: opts.method ?? "GET",
        agent: false,
        localAddress: opts.from ?? "127.0.0.1",
        timeout: 10_000,
        headers: { ...(body && { "content-type": "application/json" }), ...opts.headers },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => {
          let parsed: Record<string, unknown> | null = null;
          try {
            parsed = JSON.parse(text) as Record<string, unknown>;
          } catch {
            parsed = null;
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on("error", () => resolve({ status: 0, body: null }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", () => resolve({ status: 0, body: null }));
    req.end(body);
  });
}

export const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve()
      : child.once("exit", () => resolve()),
  );

/** `node --import tsx apps/server/src/main.ts`, configured by its environment as in production. */
export async function startAppNode(name: string, env: Record<string, string>, logDir: string) {
  const port = await freePort();
  const log = fs.openSync(path.join(logDir, `${name}.log`), "a");
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: ROOT,
    env: { ...process.env, ...env, HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", log, log],
  });
  const node: AppNode = { name, port, child, addr: `127.0.0.1:${port}` };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `${name} exited: ${fs.readFileSync(path.join(logDir, `${name}.log`), "utf8")}`,
      );
    const r = await send(`http://${node.addr}/api/ready`);
    if (r.status === 200) return node;
    if (Date.now() > deadline) throw new Error(`${name} was not ready in 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export type Board = {
  socket: Socket;
  snapshots: { at: number; waiting: number; calls: string[] }[];
  calls: { id: string; label: string; got: number }[];
  /** Waiting count, newest `at` wins (snapshot or queue.counts), as the board app keeps it. */
  state: { at: string; waiting: number };
  disconnects: number;
};

export function connectBoard(
  url: string,
  auth: Record<string, unknown>,
  opts: { from?: string; transports?: string[] } = {},
): Board {
  const socket = io(url, {
    path: SOCKET_PATH,
    auth,
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    transports: (opts.transports ?? ["websocket"]) as ("websocket" | "polling")[],
    ...(opts.from && { localAddress: opts.from }),
  });
  const board: Board = {
    socket,
    snapshots: [],
    calls: [],
    state: { at: "", waiting: -1 },
    disconnects: 0,
  };
  const keep = (at: string, waiting: number) => {
    if (at >= board.state.at) board.state = { at, waiting };
  };
  socket.on("snapshot", (p: BoardSnapshot) => {
    const waiting = p.display.services[0]?.waiting ?? -1;
    board.snapshots.push({
      at: Date.now(),
      waiting,
      calls: p.display.calls.map((c) => c.id),
    });
    keep(p.at, waiting);
  });
  socket.on("queue.counts", (p: Wire) => keep(p.at, p.services?.[0]?.waiting ?? -1));
  socket.on("display.call", (p: BoardCall) =>
    board.calls.push({ id: p.call.id, label: p.call.label, got: Date.now() }),
  );
  socket.on("disconnect", () => board.disconnects++);
  return board;
}

export async function until(
  what: string,
  test: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Which app process nginx sends an address to (read from its access log): the node 127.0.0.1
 * reaches, the other node, and a loopback address nginx sends to that other node. Checks that
 * the choice is sticky (the same address keeps its node).
 */
export async function stickyNodes(
  nginx: { url: string; upstreamsOf: (from: string) => string[] },
  nodes: AppNode[],
  host: string,
): Promise<{ nodeA: AppNode; nodeB: AppNode; fromB: string }> {
  const nodeOf = async (from: string) => {
    const before = nginx.upstreamsOf(from).length;
    const r = await send(`${nginx.url}/api/health`, { from, headers: { host } });
    if (r.status !== 200) throw new Error(`health through nginx from ${from}: ${r.status}`);
    // nginx logs a request just after answering it.
    await until("nginx's access log", () => nginx.upstreamsOf(from).length > before);
    return nodes.find((n) => n.addr === nginx.upstreamsOf(from).at(-1))!;
  };
  const nodeA = await nodeOf("127.0.0.1");
  const nodeB = nodes.find((n) => n !== nodeA)!;
  let fromB = "";
  for (let i = 2; i < 60 && !fromB; i++) {
    const addr = `127.0.0.${i}`;
    if ((await nodeOf(addr)) === nodeB) fromB = addr;
  }
  if (!fromB) throw new Error("no loopback address hashes to the second node");
  if ((await nodeOf("127.0.0.1")) !== nodeA || (await nodeOf(fromB)) !== nodeB)
    throw new Error("nginx did not keep an address on its node");
  return { nodeA, nodeB, fromB };
}
