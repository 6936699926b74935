import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
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
