import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createDisplayDevice,
  createQueueCompany,
  createQueueOperator,
} from "../../testing/queue-factories";
import { startSecondNode, type SecondNode } from "../../testing/second-node";
import { TEST_REDIS_URL, isRedisReachable } from "../../testing/test-redis";
import { connectClient, type RecordingSocket } from "../../testing/socket-client";

const REDIS_URL = TEST_REDIS_URL;
const redisUp = await isRedisReachable(REDIS_URL);
if (!redisUp)
  console.warn(
    `Skipping the two-node test: Redis is not reachable at ${REDIS_URL} (set TEST_REDIS_URL).`,
  );

describe.skipIf(!redisUp)("two server nodes sharing events through Redis", () => {
  let a: TestPlatform;
  let b: SecondNode;
  let aUrl: string;
  let slug: string;
  let op: { token: string };
  let display: string;
  let branchId: string;
  let serviceId: string;
  const open: RecordingSocket[] = [];

  beforeAll(async () => {
    a = await createTestPlatform({ REDIS_URL }, { dayEndWorker: false });
    await a.app.listen({ host: "127.0.0.1", port: 0 });
    aUrl = `http://127.0.0.1:${(a.app.server.address() as AddressInfo).port}`;
    b = await startSecondNode(a);
    const q = await createQueueCompany(a);
    slug = q.slug;
    const setup = await createBranchWithService(a.ctx, q.company);
    branchId = setup.branch.id;
    serviceId = setup.services[0]!.id;
    op = await createQueueOperator(a.ctx, q.company, { branchId, serviceIds: [serviceId] });
    await call(a.app, "POST", `/api/c/${slug}/queue/session`, {
      token: op.token,
      body: { counterId: setup.counters[0]!.id },
    });
    display = await createDisplayDevice(a.ctx, q.company, branchId);
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await b?.close();
    await a?.close();
  });

  it("delivers a call made on node A to a board and a tracker connected to node B, and back", async () => {
    const issue = async () =>
      (
        await call(a.app, "POST", `/api/c/${slug}/queue/tickets`, {
          token: op.token,
          body: { branchId, serviceId },
        })
      ).json().ticket as { id: string; label: string; trackingToken: string };
    const first = await issue();
    const second = await issue();
    const board = connectClient(b.url, { slug, deviceToken: display });
    const tracker = connectClient(b.url, { slug, ticketToken: second.trackingToken });
    const staffOnA = connectClient(aUrl, { slug, token: op.token });
    open.push(board, tracker, staffOnA);
    await Promise.all([
      board.next("snapshot"),
      tracker.next("snapshot"),
      staffOnA.next("snapshot"),
    ]);

    // The action is taken on A; the screens listen on B. Timed from the call's answer (its
    // commit): how long call-next itself takes on a loaded machine is not the relay's delay.
    await call(a.app, "POST", `/api/c/${slug}/queue/call-next`, { token: op.token, body: {} });
    const sent = Date.now();
    const onBoard = await board.next<{ call: { label: string } }>("display.call");
    expect(onBoard.call.label).toBe(first.label);
    const tracked = await tracker.next<{ ticket: { peopleAhead: number } }>(
      "ticket.tracking",
      (x) => x.ticket.peopleAhead === 0,
    );
    expect(tracked.ticket.peopleAhead).toBe(0);
    expect(Date.now() - sent).toBeLessThan(1000);

    // And the other way: an action through node B reaches a staff screen on node A.
    await call(b.app, "POST", `/api/c/${slug}/queue/tickets/${first.id}/start`, {
      token: op.token,
      body: {},
    });
    const changed = await staffOnA.next<{ ticket: { id: string; status: string } }>(
      "ticket.changed",
      (x) => x.ticket.id === first.id && x.ticket.status === "SERVING",
    );
    expect(changed.ticket.status).toBe("SERVING");
  });
});
