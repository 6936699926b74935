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
import { connectClient, type RecordingSocket } from "../../testing/socket-client";
import {
  startThrowawayRedis,
  throwawayRedisUnavailable,
  type ThrowawayRedis,
} from "../../testing/throwaway-redis";

const noRedis = throwawayRedisUnavailable();
if (noRedis) console.warn(`Skipping the Redis restart test: ${noRedis}.`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(noRedis !== null)("Redis restarts under two nodes", () => {
  let redis: ThrowawayRedis;
  let a: TestPlatform;
  let b: SecondNode;
  let aUrl: string;
  let slug: string;
  let token: string;
  let branchId: string;
  let serviceId: string;
  let board: RecordingSocket;

  beforeAll(async () => {
    redis = await startThrowawayRedis();
    a = await createTestPlatform({ REDIS_URL: redis.url }, { dayEndWorker: false });
    await a.app.listen({ host: "127.0.0.1", port: 0 });
    aUrl = `http://127.0.0.1:${(a.app.server.address() as AddressInfo).port}`;
    b = await startSecondNode(a);
    const q = await createQueueCompany(a);
    slug = q.slug;
    const setup = await createBranchWithService(a.ctx, q.company);
    branchId = setup.branch.id;
    serviceId = setup.services[0]!.id;
    token = (await createQueueOperator(a.ctx, q.company, { branchId, serviceIds: [serviceId] }))
      .token;
    await call(a.app, "POST", `/api/c/${slug}/queue/session`, {
      token,
      body: { counterId: setup.counters[0]!.id },
    });
    board = connectClient(b.url, {
      slug,
      deviceToken: await createDisplayDevice(a.ctx, q.company, branchId),
    });
    await board.next("snapshot", undefined, 10_000);
  });
  afterAll(async () => {
    board?.close();
    await b?.close();
    await a?.close();
    await redis?.destroy();
  });

  const issue = async () => {
    const res = await call(a.app, "POST", `/api/c/${slug}/queue/tickets`, {
      token,
      body: { branchId, serviceId },
    });
    expect(res.statusCode).toBe(201);
    return res.json().ticket as { id: string; label: string };
  };
  /** Node A issues and calls a ticket (then cancels it); returns the called label. */
  const issueAndCall = async () => {
    const t = await issue();
    const called = await call(a.app, "POST", `/api/c/${slug}/queue/call-next`, {
      token,
      body: {},
    });
    expect(called.statusCode).toBe(200);
    await call(a.app, "POST", `/api/c/${slug}/queue/tickets/${t.id}/cancel`, { token, body: {} });
    return t.label;
  };
  const seenOnB = (label: string, timeoutMs: number) =>
    board.next<{ call: { label: string } }>(
      "display.call",
      (x) => x.call.label === label,
      timeoutMs,
    );
  const readyOfA = async () => {
    const res = await fetch(`${aUrl}/api/ready`);
    return { status: res.status, body: (await res.json()) as unknown };
  };

  it("keeps the API working, reports Redis down, and relays events between nodes again once it is back", async () => {
    await seenOnB(await issueAndCall(), 3000);
    expect((await readyOfA()).status).toBe(200);

    await redis.stop();
    for (let i = 0; i < 100 && a.ctx.realtime.redisStatus === "up"; i++) await sleep(20);
    const down = await readyOfA();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ error: { code: "NOT_READY", details: [{ path: "redis" }] } });
    // The API does not need Redis: issuing, calling and closing still answer.
    await issueAndCall();

    await redis.start();
    const deadline = Date.now() + 10_000;
    while ((await readyOfA()).status !== 200 || b.ctx.realtime.redisStatus !== "up") {
      expect(Date.now()).toBeLessThan(deadline);
      await sleep(100);
    }
    await seenOnB(await issueAndCall(), 3000);
  });
});
