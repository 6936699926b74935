import net from "node:net";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createBranchWithService,
  createPublicCompany,
  createTestPlatform,
  type TestPlatform,
} from "../../testing";
import { startSecondNode, type SecondNode } from "../../testing/second-node";
import { isRedisReachable, TEST_REDIS_URL } from "../../testing/test-redis";
import { SHARED_COUNT_TIMEOUT_MS, SharedWindowLimiter } from "../../shared/window-limiter";
import { AppError } from "../../shared/app-error";

const redisUp = await isRedisReachable(TEST_REDIS_URL);
const SECRET = Buffer.from("phone-limit test secret");

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: unknown) => {
      if (!(err instanceof AppError)) throw err;
      return err;
    },
  );

describe.skipIf(!redisUp)("the per-phone limits across nodes", () => {
  let a: TestPlatform;
  let b: SecondNode;
  let probe: Redis;

  beforeAll(async () => {
    a = await createTestPlatform({ REDIS_URL: TEST_REDIS_URL }, { dayEndWorker: false });
    await a.app.listen({ host: "127.0.0.1", port: 0 });
    b = await startSecondNode(a);
    probe = new Redis(TEST_REDIS_URL);
  }, 60_000);
  afterAll(async () => {
    probe?.disconnect();
    await b?.close();
    await a?.close();
  });

  it("counts one phone's places on every node: the fourth is refused wherever it lands", async () => {
    const { slug, company } = await createPublicCompany(a);
    const { branch, services } = await createBranchWithService(a.ctx, company, {
      services: [{ letter: "A" }, { letter: "B" }, { letter: "C" }, { letter: "D" }],
    });
    const phone = "+998907776655";
    // Each from its own address, as a phone moving between Wi-Fi and mobile data would.
    const join = (node: "a" | "b", i: number) =>
      (node === "a" ? a.app : b.app).inject({
        method: "POST",
        url: `/api/c/${slug}/portal/tickets`,
        headers: { "content-type": "application/json" },
        payload: JSON.stringify({ branchId: branch.id, serviceId: services[i]!.id, phone }),
        remoteAddress: `10.77.0.${i + 1}`,
      });
    const statuses = [
      (await join("a", 0)).statusCode,
      (await join("a", 1)).statusCode,
      (await join("b", 2)).statusCode,
    ];
    expect(statuses).toEqual([201, 201, 201]);
    // Node B has seen one of them itself; counted per node, it would take this one too.
    const fourth = await join("b", 3);
    expect(fourth.statusCode, fourth.body).toBe(429);
    expect(fourth.json().error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(fourth.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    // Redis holds this window under a keyed digest of company and phone, never the number.
    const counted = new SharedWindowLimiter(
      "phone-join",
      3,
      600_000,
      () => null,
      a.ctx.limitKeySecret,
    );
    const key = counted.redisKey(`${company.id}:${phone}`);
    expect(key).not.toContain("998907776655");
    expect(await probe.get(key)).toBe("4");
    const ttl = await probe.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600_000);
    expect((await probe.keys("equeue:limit:*")).join(" ")).not.toContain("998907776655");
  });

  it("ends the window with the key's time in Redis", async () => {
    const limit = new SharedWindowLimiter(
      "test-window",
      1,
      300,
      () => a.ctx.realtime.sharedRedis,
      a.ctx.limitKeySecret,
    );
    const key = `window-${Date.now()}-${Math.random()}`;
    await limit.hit(key, "too many");
    const refused = await refusal(limit.hit(key, "too many"));
    expect(refused?.code).toBe("RATE_LIMITED");
    expect(refused?.headers?.["retry-after"]).toBe("1");
    await new Promise((r) => setTimeout(r, 350));
    expect(await refusal(limit.hit(key, "too many"))).toBeNull();
  });

  it("counts on the node while Redis is away, and says so once", async () => {
    // A connection that is not up and queues nothing: every command fails at once.
    const away = new Redis("redis://127.0.0.1:1", {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    away.on("error", () => {});
    const warnings: unknown[] = [];
    const limit = new SharedWindowLimiter(
      "test-away",
      2,
      60_000,
      () => away,
      SECRET,
      (err) => warnings.push(err),
    );
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await refusal(limit.hit("k", "too many")))?.code);
    expect(results).toEqual([undefined, undefined, "RATE_LIMITED"]);
    expect(warnings).toHaveLength(1);
    away.disconnect();
  });

  it("does not keep a customer waiting on a Redis that stopped answering", async () => {
    // Answers the connection's set-up, then never a count: a stalled server or a half-open link.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => {
      sockets.push(socket);
      socket.on("data", (chunk) => {
        const text = chunk.toString();
        if (/eval/i.test(text)) return;
        const commands = text.split("\r\n").filter((l) => l.startsWith("*")).length;
        socket.write("+OK\r\n".repeat(commands));
      });
    });
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as net.AddressInfo).port;
    const stalled = new Redis(port, "127.0.0.1", { enableReadyCheck: false });
    stalled.on("error", () => {});
    await new Promise((r) => stalled.once("ready", r));
    const warnings: unknown[] = [];
    const limit = new SharedWindowLimiter(
      "test-stalled",
      1,
      60_000,
      () => stalled,
      SECRET,
      (e) => warnings.push(e),
    );
    const began = Date.now();
    expect(await refusal(limit.hit("k", "too many"))).toBeNull();
    expect(Date.now() - began).toBeLessThan(SHARED_COUNT_TIMEOUT_MS + 500);
    expect((await refusal(limit.hit("k", "too many")))?.code).toBe("RATE_LIMITED");
    expect(String(warnings[0])).toContain("no answer from Redis");
    stalled.disconnect();
    for (const s of sockets) s.destroy();
    silent.close();
  });
});
