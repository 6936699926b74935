/**
 * Several nodes behind nginx, for real: nginx (the repository's template), two app processes
 * (`main.ts`, as systemd runs them), PostgreSQL and Redis on loopback. Run by CI's
 * `npm run test:cluster` (CLUSTER_TEST=1 and TEST_DATABASE_URL); skipped otherwise.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REALTIME_PATH as SOCKET_PATH } from "@equeue/contracts";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { companyDb, type CompanyRecord } from "./modules/tenancy/company-directory";
import { call, createTestPlatform, SUPER_ADMIN, type TestPlatform } from "./testing";
import {
  connectBoard,
  exited,
  send,
  startAppNode,
  stickyNodes,
  until,
  type AppNode,
  type Board,
} from "./testing/cluster-nodes";
import { IssueLoad, tally } from "./testing/issue-load";
import { startNginx, type TestNginx } from "./testing/nginx";
import {
  createBranchWithService,
  createDisplayDevice,
  createQueueCompany,
  createQueueOperator,
} from "./testing/queue-factories";
import { freePort } from "./testing/throwaway-postgres";
import { TEST_REDIS_URL } from "./testing/test-redis";
import {
  startThrowawayRedis,
  throwawayRedisUnavailable,
  type ThrowawayRedis,
} from "./testing/throwaway-redis";

const enabled = process.env.CLUSTER_TEST === "1";
const BASE_DOMAIN = "cluster.test";
const METRICS_TOKEN = "cluster-test-metrics-token";

describe.skipIf(!enabled)("several app processes behind nginx", () => {
  let p: TestPlatform;
  let redis: ThrowawayRedis | null;
  let nginx: TestNginx;
  const nodes: AppNode[] = [];
  const boards: Board[] = [];
  const sockets: Socket[] = [];
  let logDir: string;
  let company: CompanyRecord;
  let slug: string;
  let other: { slug: string };
  let branchId: string;
  let serviceId: string;
  let ops: { id: string; token: string }[];
  let displayToken: string;
  /** The node nginx sends 127.0.0.1 to, and an address it sends to the other node. */
  let nodeA: AppNode;
  let nodeB: AppNode;
  let fromB: string;

  beforeAll(async () => {
    if (!process.env.TEST_DATABASE_URL) throw new Error("CLUSTER_TEST needs TEST_DATABASE_URL");
    logDir = fs.mkdtempSync(path.join(os.tmpdir(), "eq-cluster-"));
    // Migrates a fresh database and seeds through the factories; it serves no traffic itself.
    p = await createTestPlatform({}, { dayEndWorker: false });
    ({ company, slug } = await createQueueCompany(p, `acme${Date.now() % 100000}`));
    other = await createQueueCompany(p);
    // Public (the portal shows only active companies), before any node has them cached.
    await p.ctx.db
      .updateTable("platform.companies")
      .set({ status: "ACTIVE" })
      .where("slug", "in", [slug, other.slug])
      .execute();
    const setup = await createBranchWithService(p.ctx, company, { counters: 2 });
    branchId = setup.branch.id;
    serviceId = setup.services[0]!.id;
    ops = [];
    for (const counter of setup.counters) {
      const op = await createQueueOperator(p.ctx, company, { branchId, serviceIds: [serviceId] });
      const r = await call(p.app, "POST", `/api/c/${slug}/queue/session`, {
        token: op.token,
        body: { counterId: counter.id },
      });
      expect(r.statusCode, r.body).toBeLessThan(300);
      ops.push(op);
    }
    displayToken = await createDisplayDevice(p.ctx, company, branchId);
    await createBranchWithService(p.ctx, (await p.ctx.directory.findBySlug(other.slug))!);

    // Its own Redis where redis-server is installed (socket.io's pub/sub channels are global to a
    // Redis server); else the shared one, where other runs' events for other companies pass by.
    const noRedisServer = throwawayRedisUnavailable();
    if (noRedisServer) console.warn(`cluster test on ${TEST_REDIS_URL}: ${noRedisServer}`);
    redis = noRedisServer ? null : await startThrowawayRedis();
    const env = {
      NODE_ENV: "production",
      DATABASE_URL: p.config.DATABASE_URL!,
      REDIS_URL: redis?.url ?? TEST_REDIS_URL,
      BASE_DOMAIN,
      TRUST_PROXY: "true",
      PUBLIC_URL: `http://${BASE_DOMAIN}`,
      SUPER_ADMIN_EMAIL: SUPER_ADMIN.email,
      SUPER_ADMIN_PASSWORD: SUPER_ADMIN.password,
      LOG_LEVEL: "warn",
      METRICS_TOKEN,
      DATA_DIR: logDir,
    };
    nodes.push(
      ...(await Promise.all([startAppNode("one", env, logDir), startAppNode("two", env, logDir)])),
    );
    nginx = await startNginx({
      port: await freePort(),
      baseDomain: BASE_DOMAIN,
      upstreamPorts: nodes.map((n) => n.port),
    });

    ({ nodeA, nodeB, fromB } = await stickyNodes(nginx, nodes, BASE_DOMAIN));
  }, 180_000);

  afterAll(async () => {
    for (const b of boards) b.socket.close();
    for (const socket of sockets) socket.close();
    await nginx?.stop();
    for (const n of nodes)
      if (n.child.exitCode === null && n.child.signalCode === null) n.child.kill("SIGTERM");
    await Promise.all(nodes.map((n) => exited(n.child)));
    await redis?.destroy();
    await p?.close();
    if (logDir) fs.rmSync(logDir, { recursive: true, force: true });
  }, 60_000);

  const auth = (i: number) => ({ authorization: `Bearer ${ops[i]!.token}` });

  it("resolves the company from the Host header through nginx", async () => {
    const host = (h: string) => ({ host: h });
    const acme = await send(`${nginx.url}/api/portal`, { headers: host(`${slug}.${BASE_DOMAIN}`) });
    expect(acme.status, JSON.stringify(acme.body)).toBe(200);
    expect(JSON.stringify(acme.body)).toContain(branchId);
    const theOther = await send(`${nginx.url}/api/portal`, {
      headers: host(`${other.slug}.${BASE_DOMAIN}`),
    });
    expect(theOther.status).toBe(200);
    expect(JSON.stringify(theOther.body)).not.toContain(branchId);
    // A staff token of one company on another company's host is refused.
    const wrong = await send(`${nginx.url}/api/queue/workplace`, {
      headers: { ...host(`${other.slug}.${BASE_DOMAIN}`), ...auth(0) },
    });
    expect([401, 403]).toContain(wrong.status);
    const right = await send(`${nginx.url}/api/queue/workplace`, {
      headers: { ...host(`${slug}.${BASE_DOMAIN}`), ...auth(0) },
    });
    expect(right.status, JSON.stringify(right.body)).toBe(200);
    const unknown = await send(`${nginx.url}/api/portal`, {
      headers: host(`nosuch.${BASE_DOMAIN}`),
    });
    expect(unknown.status).toBe(404);
    expect((unknown.body?.error as { code: string }).code).toBe("NOT_FOUND");
    // X-Forwarded-For reaches the app (TRUST_PROXY): the audit trail names the client, not nginx.
    const login = await send(`${nginx.url}/api/platform/auth/login`, {
      method: "POST",
      from: "127.0.0.77",
      headers: host(BASE_DOMAIN),
      body: SUPER_ADMIN,
    });
    expect(login.status).toBe(200);
    const audited = await p.ctx.db
      .selectFrom("platform.audit_log")
      .select("ip")
      .where("action", "=", "auth.login")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audited.ip).toBe("127.0.0.77");
    // /metrics is scraped per process, never through nginx.
    const bearer = { authorization: `Bearer ${METRICS_TOKEN}` };
    const direct = await send(`http://${nodeA.addr}/metrics`, { headers: bearer });
    expect(direct.status).toBe(200);
    const proxied = await send(`${nginx.url}/metrics`, {
      headers: { ...bearer, ...host(BASE_DOMAIN) },
    });
    expect(proxied.status).toBe(404);
    // The bare domain is the platform.
    const platform = await send(`${nginx.url}/api/health`, { headers: host(BASE_DOMAIN) });
    expect(platform.status).toBe(200);
  });

  it("carries a call made on one node to boards connected through nginx to both", async () => {
    // Board 1 from 127.0.0.1 (node A), long-polling first as browsers start: only sticky
    // routing keeps a polling session on the process that knows it. Board 2 lands on node B.
    const onA = connectBoard(
      nginx.url,
      { slug, deviceToken: displayToken },
      {
        transports: ["polling", "websocket"],
      },
    );
    const onB = connectBoard(nginx.url, { slug, deviceToken: displayToken }, { from: fromB });
    boards.push(onA, onB);
    await until(
      "both boards' snapshots",
      () => onA.snapshots.length > 0 && onB.snapshots.length > 0,
    );
    await until(
      "board 1 upgraded to a WebSocket",
      () => onA.socket.io.engine.transport.name === "websocket",
    );

    // Issued on A, called on A: board 2, connected to B, hears it.
    const issued = await send(`${nginx.url}/api/c/${slug}/queue/tickets`, {
      method: "POST",
      headers: auth(0),
      body: { branchId, serviceId },
    });
    expect(issued.status).toBe(201);
    const called = await send(`${nginx.url}/api/c/${slug}/queue/call-next`, {
      method: "POST",
      headers: auth(0),
      body: {},
    });
    expect(called.status).toBe(200);
    const ticket = called.body?.ticket as { id: string; label: string };
    await until("the call on both boards", () =>
      [onA, onB].every((b) => b.calls.some((c) => c.label === ticket.label)),
    );
    for (const step of ["start", "finish"]) {
      const r = await send(`${nginx.url}/api/c/${slug}/queue/tickets/${ticket.id}/${step}`, {
        method: "POST",
        headers: auth(0),
        body: {},
      });
      expect(r.status).toBe(200);
    }
  });

  it("survives kill -9 of a node under load: sockets move to the other, nothing lost or called twice", async () => {
    const [onA, onB] = boards as [Board, Board];
    // An operator's screen on node A too: staff sockets must come back the same way.
    const staffSnapshots: number[] = [];
    const staff = io(nginx.url, {
      path: SOCKET_PATH,
      auth: { slug, token: ops[0]!.token },
      forceNew: true,
      transports: ["websocket"],
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    sockets.push(staff);
    staff.on("snapshot", () => staffSnapshots.push(Date.now()));
    await until("the operator screen's snapshot", () => staffSnapshots.length > 0);
    // Issuing through nginx from 127.0.0.1 (node A); two operators call, one through each node.
    const issue = new IssueLoad(
      { baseUrl: () => nginx.url, slug, token: ops[0]!.token, branchId, serviceId },
      { workers: 3, pauseMs: 30, timeoutMs: 5_000 },
    ).start();
    const acknowledgedCalls: { ticketId: string; op: number }[] = [];
    const callAnswers: Record<string, number> = {};
    let running = true;
    const operator = async (i: number, from: string) => {
      const post = (url: string) =>
        send(`${nginx.url}/api/c/${slug}/queue${url}`, {
          method: "POST",
          headers: auth(i),
          body: {},
          from,
        });
      let unsure = false;
      while (running) {
        if (unsure) {
          // A command may have committed without an answer: ask what is on my desk.
          const w = await send(`${nginx.url}/api/c/${slug}/queue/workplace`, {
            headers: auth(i),
            from,
          });
          if (w.status !== 200) {
            await new Promise((r) => setTimeout(r, 100));
            continue;
          }
          const current = w.body?.current as { id: string; status: string } | null;
          if (current?.status === "CALLED") await post(`/tickets/${current.id}/start`);
          if (current) await post(`/tickets/${current.id}/finish`);
          unsure = false;
        }
        const r = await post("/call-next");
        const k = `call-next ${r.status}`;
        callAnswers[k] = (callAnswers[k] ?? 0) + 1;
        if (r.status !== 200) {
          unsure = true;
          continue;
        }
        const t = r.body?.ticket as { id: string } | null;
        if (!t) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          continue;
        }
        acknowledgedCalls.push({ ticketId: t.id, op: i });
        for (const step of ["start", "finish"])
          if ((await post(`/tickets/${t.id}/${step}`)).status !== 200) unsure = true;
      }
    };
    const operators = [operator(0, "127.0.0.1"), operator(1, fromB)];

    await new Promise((r) => setTimeout(r, 2_500));
    const callsBeforeKill = acknowledgedCalls.length;
    const killedAt = Date.now();
    nodeA.child.kill("SIGKILL");
    await exited(nodeA.child);
    await new Promise((r) => setTimeout(r, 5_000));
    running = false;
    await issue.stop();
    await Promise.all(operators);

    // The load went on through the surviving node.
    const issuedAfter = issue.answers.filter(
      (a) => a.kind === "issue" && a.status === 201 && a.at > issue.now() - 4_000,
    );
    expect(issuedAfter.length, JSON.stringify(tally(issue.answers))).toBeGreaterThan(0);
    expect(acknowledgedCalls.length).toBeGreaterThan(callsBeforeKill);
    expect(new Set(acknowledgedCalls.map((c) => c.op))).toEqual(new Set([0, 1]));
    // From 127.0.0.1, nginx now goes to B (A refuses: its next upstream).
    const logged = nginx.upstreamsOf("127.0.0.1").length;
    const health = await send(`${nginx.url}/api/health`);
    expect(health.status).toBe(200);
    await until("nginx's access log", () => nginx.upstreamsOf("127.0.0.1").length > logged);
    expect(nginx.upstreamsOf("127.0.0.1").at(-1)).toContain(nodeB.addr);

    // 0 acknowledged tickets lost.
    const db = companyDb(p.ctx.db, company);
    const ids = new Set((await db.selectFrom("tickets").select("id").execute()).map((t) => t.id));
    const lost = issue.acknowledged.filter((id) => !ids.has(id));
    expect(issue.acknowledged.length).toBeGreaterThan(20);
    expect(lost).toEqual([]);
    // 0 duplicate calls: no ticket called twice, in the log or in the answers.
    const twice = await db
      .selectFrom("ticket_events")
      .select(["ticket_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("type", "=", "CALL")
      .groupBy("ticket_id")
      .having((eb) => eb.fn.countAll(), ">", 1)
      .execute();
    expect(twice).toEqual([]);
    const answered = acknowledgedCalls.map((c) => c.ticketId);
    expect(new Set(answered).size).toBe(answered.length);
    const calledInDb = new Set(
      (
        await db
          .selectFrom("ticket_events")
          .select("ticket_id")
          .where("type", "=", "CALL")
          .execute()
      ).map((e) => e.ticket_id),
    );
    expect(answered.filter((id) => !calledInDb.has(id))).toEqual([]);

    // The board on A lost its socket, reconnected through nginx to B and resynchronised from
    // a snapshot; the board on B never noticed.
    expect(onA.disconnects).toBeGreaterThan(0);
    expect(onA.socket.connected).toBe(true);
    expect(onA.snapshots.some((s) => s.at > killedAt)).toBe(true);
    expect(onB.disconnects).toBe(0);
    expect(staffSnapshots.some((at) => at > killedAt)).toBe(true);
    expect(staff.connected).toBe(true);
    // Both boards show what the database says, and heard calls made after the kill.
    const waiting = Number(
      (
        await db
          .selectFrom("tickets")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("status", "=", "WAITING")
          .executeTakeFirstOrThrow()
      ).n,
    );
    await until("the boards to agree with the database", () =>
      [onA, onB].every((b) => b.state.waiting === waiting),
    );
    const afterKill = acknowledgedCalls.slice(-1)[0]!;
    const label = (
      await db
        .selectFrom("tickets")
        .select("label")
        .where("id", "=", afterKill.ticketId)
        .executeTakeFirstOrThrow()
    ).label;
    for (const b of [onA, onB]) expect(b.calls.map((c) => c.label)).toContain(label);
    console.info(
      `cluster: ${issue.acknowledged.length} issues acknowledged (${JSON.stringify(tally(issue.answers))}), ` +
        `${acknowledgedCalls.length} calls (${JSON.stringify(callAnswers)}), board 1 reconnected in ` +
        `${(onA.snapshots.find((s) => s.at > killedAt)?.at ?? NaN) - killedAt} ms`,
    );
  }, 60_000);
});
