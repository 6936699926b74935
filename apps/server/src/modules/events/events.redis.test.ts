import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChildProcess } from "node:child_process";
import { call, createTestPlatform, SUPER_ADMIN, type TestPlatform } from "../../testing";
import { childExited, startChildServer } from "../../testing/child-server";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
} from "../../testing/queue-factories";
import { startSecondNode, type SecondNode } from "../../testing/second-node";
import { TEST_REDIS_URL, isRedisReachable } from "../../testing/test-redis";
import { connectClient, type RecordingSocket } from "../../testing/socket-client";
import { companyDb, type CompanyRecord } from "../tenancy/company-directory";
import type { DurableSubscriber } from "./events.types";

const REDIS_URL = TEST_REDIS_URL;
const redisUp = await isRedisReachable(REDIS_URL);

describe.skipIf(!redisUp)("queue events on two server nodes", () => {
  let a: TestPlatform;
  let b: SecondNode;
  let company: CompanyRecord;
  let slug: string;
  const handled: { node: string; eventId: number; type: string }[] = [];
  const counter = (node: string): DurableSubscriber => ({
    name: "test-counter",
    handle: async (_tx, _c, events) => {
      for (const e of events) handled.push({ node, eventId: e.id, type: e.type });
    },
  });
  const open: RecordingSocket[] = [];

  beforeAll(async () => {
    a = await createTestPlatform(
      { REDIS_URL },
      { dayEndWorker: false, extraSubscribers: [counter("A")] },
    );
    await a.app.listen({ host: "127.0.0.1", port: 0 });
    b = await startSecondNode(a, { extraSubscribers: [counter("B")] });
    ({ company, slug } = await createQueueCompany(a));
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await b?.close();
    await a?.close();
  });

  it("runs a call's side effect once across the nodes and reaches sockets on both", async () => {
    const setup = await createBranchWithService(a.ctx, company);
    const branchId = setup.branch.id;
    const serviceId = setup.services[0]!.id;
    const op = await createQueueOperator(a.ctx, company, { branchId, serviceIds: [serviceId] });
    await call(a.app, "POST", `/api/c/${slug}/queue/session`, {
      token: op.token,
      body: { counterId: setup.counters[0]!.id },
    });
    // Tickets issued through both nodes.
    for (const app of [a.app, b.app, a.app])
      await call(app, "POST", `/api/c/${slug}/queue/tickets`, {
        token: op.token,
        body: { branchId, serviceId },
      });
    const aUrl = `http://127.0.0.1:${(a.app.server.address() as AddressInfo).port}`;
    const onA = connectClient(aUrl, { slug, token: op.token });
    const onB = connectClient(b.url, { slug, token: op.token });
    open.push(onA, onB);
    await Promise.all([onA.next("snapshot"), onB.next("snapshot")]);

    const called = await call(a.app, "POST", `/api/c/${slug}/queue/call-next`, {
      token: op.token,
      body: {},
    });
    expect(called.statusCode).toBe(200);
    const id = called.json().ticket.id as string;
    // Node B is woken for the same company at the same moment: the cursor claim decides.
    for (let i = 0; i < 5; i++) b.ctx.events.poke(company);
    const isCall = (x: { event: string; ticket: { id: string } }) =>
      x.event === "CALL" && x.ticket.id === id;
    await Promise.all([onA.next("ticket.changed", isCall), onB.next("ticket.changed", isCall)]);

    await Promise.all([a.ctx.events.idle(), b.ctx.events.idle()]);
    const log = await companyDb(a.ctx.db, company)
      .selectFrom("ticket_events")
      .select(["id", "type"])
      .orderBy("id")
      .execute();
    expect(log.map((e) => e.type)).toEqual(["ISSUE", "ISSUE", "ISSUE", "CALL"]);
    // Every event handled exactly once, whichever node claimed it.
    expect(handled.map((h) => h.eventId).sort((x, y) => x - y)).toEqual(log.map((e) => e.id));
    const index = await a.ctx.db
      .selectFrom("platform.ticket_index")
      .select(["ticket_id", "status"])
      .where("ticket_id", "=", id)
      .execute();
    expect(index).toEqual([{ ticket_id: id, status: "CALLED" }]);
  });
});

const until = async (what: string, done: () => boolean | Promise<boolean>, ms = 20_000) => {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
};

// Two operating-system processes need a database both can open: PostgreSQL.
describe.skipIf(!redisUp || !process.env.TEST_DATABASE_URL)(
  "queue events on two server processes",
  () => {
    let a: TestPlatform;
    let b: { child: ChildProcess; address: string };
    let company: CompanyRecord;
    let slug: string;
    const handled: { node: string; eventId: number }[] = [];
    const open: RecordingSocket[] = [];

    beforeAll(async () => {
      a = await createTestPlatform(
        { REDIS_URL },
        {
          dayEndWorker: false,
          extraSubscribers: [
            {
              name: "test-counter",
              handle: async (_tx, _c, events) => {
                for (const e of events) handled.push({ node: "A", eventId: e.id });
              },
            },
          ],
        },
      );
      await a.app.listen({ host: "127.0.0.1", port: 0 });
      ({ company, slug } = await createQueueCompany(a));
      // Process B sweeps every second besides its own pokes: it contends for every event.
      b = await startChildServer(
        {
          DATABASE_URL: a.config.DATABASE_URL!,
          REDIS_URL,
          LOG_LEVEL: "silent",
          SUPER_ADMIN_EMAIL: SUPER_ADMIN.email,
          SUPER_ADMIN_PASSWORD: SUPER_ADMIN.password,
          EVENTS_SWEEP_SECONDS: "1",
          TEST_REPORT_DELIVERIES: "B",
        },
        (m) => {
          for (const eventId of m.eventIds) handled.push({ node: m.node, eventId });
        },
      );
    }, 120_000);
    afterAll(async () => {
      for (const c of open) c.close();
      if (b && b.child.exitCode === null && b.child.signalCode === null) b.child.kill("SIGTERM");
      if (b) await childExited(b.child);
      await a?.close();
    }, 60_000);

    it("runs a call's side effect once across the processes and reaches sockets on both", async () => {
      const setup = await createBranchWithService(a.ctx, company);
      const branchId = setup.branch.id;
      const serviceId = setup.services[0]!.id;
      const op = await createQueueOperator(a.ctx, company, { branchId, serviceIds: [serviceId] });
      const onB = async (path: string, body: unknown) => {
        const res = await fetch(`${b.address}/api/c/${slug}/queue${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${op.token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        expect(res.status, await res.clone().text()).toBeLessThan(300);
        return (await res.json()) as { ticket: { id: string } };
      };
      await call(a.app, "POST", `/api/c/${slug}/queue/session`, {
        token: op.token,
        body: { counterId: setup.counters[0]!.id },
      });
      const log = () =>
        companyDb(a.ctx.db, company)
          .selectFrom("ticket_events")
          .select(["id", "type"])
          .orderBy("id")
          .execute();
      // Tickets issued through both processes, each delivered before the next is issued.
      for (const via of ["A", "B", "A"]) {
        if (via === "A") {
          const r = await call(a.app, "POST", `/api/c/${slug}/queue/tickets`, {
            token: op.token,
            body: { branchId, serviceId },
          });
          expect(r.statusCode, r.body).toBeLessThan(300);
        } else await onB("/tickets", { branchId, serviceId });
        const n = (await log()).length;
        await until(`delivery of ${n} events`, () => handled.length >= n);
      }
      const aUrl = `http://127.0.0.1:${(a.app.server.address() as AddressInfo).port}`;
      const socketA = connectClient(aUrl, { slug, token: op.token });
      const socketB = connectClient(b.address, { slug, token: op.token });
      open.push(socketA, socketB);
      await Promise.all([socketA.next("snapshot"), socketB.next("snapshot", undefined, 10_000)]);

      // The call is made on B; A is woken for the same company at the same moment.
      const id = (await onB("/call-next", {})).ticket.id;
      for (let i = 0; i < 5; i++) a.ctx.events.poke(company);
      const isCall = (x: { event: string; ticket: { id: string } }) =>
        x.event === "CALL" && x.ticket.id === id;
      await Promise.all([
        socketA.next("ticket.changed", isCall, 10_000),
        socketB.next("ticket.changed", isCall, 10_000),
      ]);

      const events = await log();
      expect(events.map((e) => e.type)).toEqual(["ISSUE", "ISSUE", "ISSUE", "CALL"]);
      await until("every event handled", () => handled.length >= events.length);
      // Two more sweeps of B and any poke of A have passed: nothing is handled a second time.
      await new Promise((r) => setTimeout(r, 2_500));
      await a.ctx.events.idle();
      expect(handled.map((h) => h.eventId).sort((x, y) => x - y)).toEqual(events.map((e) => e.id));
      // B's deliveries reached the test, so the count covers both processes.
      expect(handled.some((h) => h.node === "B")).toBe(true);
    }, 120_000);
  },
);
