import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createBranchWithService,
  createDisplayDevice,
  createQueueCompany,
  createTestPlatform,
  deviceAuth,
  type TestPlatform,
} from "../../testing";
import { startSecondNode, type SecondNode } from "../../testing/second-node";
import { connectClient, refusedWith, type RecordingSocket } from "../../testing/socket-client";
import { TEST_REDIS_URL, isRedisReachable } from "../../testing/test-redis";
import { deviceTokenHash } from "../access";
import { companyDb, type CompanyRecord } from "../tenancy/company-directory";

const urlOf = (p: TestPlatform) =>
  `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;

/** A company with a branch and a paired kiosk; the kiosk's token and device id. */
async function kioskOf(p: TestPlatform) {
  const q = await createQueueCompany(p);
  const { branch } = await createBranchWithService(p.ctx, q.company);
  const token = await createDisplayDevice(p.ctx, q.company, branch.id, "KIOSK");
  const { id } = await companyDb(p.ctx.db, q.company)
    .selectFrom("devices")
    .select("id")
    .where("token_hash", "=", deviceTokenHash(token))
    .executeTakeFirstOrThrow();
  return { ...q, company: q.company as CompanyRecord, token, deviceId: id };
}

const snapshotOn = (app: TestPlatform["app"], slug: string, token: string) =>
  call(app, "GET", `/api/c/${slug}/kiosk/snapshot`, { headers: deviceAuth(token) });

/** Polls `probe` every 50 ms until it is true; how long that took (ms), or fails after `ms`. */
async function within(ms: number, probe: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await probe()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${ms} ms`);
}

describe("device settings and revokes reach the device at once", () => {
  let p: TestPlatform;
  const open: RecordingSocket[] = [];
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    await p.app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await p?.close();
  });

  it("a kiosk's socket hears its new settings, then its revoke, and is closed and refused", async () => {
    const k = await kioskOf(p);
    const other = await kioskOf(p);
    const kiosk = connectClient(urlOf(p), { slug: k.slug, deviceToken: k.token });
    const bystander = connectClient(urlOf(p), { slug: other.slug, deviceToken: other.token });
    open.push(kiosk, bystander);
    expect(await kiosk.next("snapshot")).toMatchObject({ audience: "kiosk", deviceId: k.deviceId });
    await bystander.next("snapshot");

    const admin = { token: k.adminToken };
    const patched = await call(p.app, "PATCH", `/api/c/${k.slug}/admin/devices/${k.deviceId}`, {
      ...admin,
      body: { settings: { idleResetSeconds: 60 } },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(await kiosk.next("device.settings")).toMatchObject({ deviceId: k.deviceId });
    // The snapshot the event asks for has the new setting.
    expect((await snapshotOn(p.app, k.slug, k.token)).json().settings.idleResetSeconds).toBe(60);
    // A rename is not a settings change; nothing reaches another company's kiosk.
    await call(p.app, "PATCH", `/api/c/${k.slug}/admin/devices/${k.deviceId}`, {
      ...admin,
      body: { name: "Zal" },
    });

    const revoked = await call(
      p.app,
      "POST",
      `/api/c/${k.slug}/admin/devices/${k.deviceId}/revoke`,
      admin,
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await kiosk.next("device.revoked")).toMatchObject({ deviceId: k.deviceId });
    await within(2000, async () => !kiosk.socket.connected);
    expect((await snapshotOn(p.app, k.slug, k.token)).statusCode).toBe(401);
    expect(await refusedWith(urlOf(p), { slug: k.slug, deviceToken: k.token })).toBe(
      "UNAUTHENTICATED",
    );
    expect(kiosk.events.filter((e) => e.name === "device.settings")).toHaveLength(1);
    expect(bystander.events.map((e) => e.name)).toEqual(["snapshot"]);
    expect(bystander.socket.connected).toBe(true);
  });
});

const redisUp = await isRedisReachable(TEST_REDIS_URL);
if (!redisUp)
  console.warn(`Skipping the two-node device test: Redis is not reachable at ${TEST_REDIS_URL}.`);

describe.skipIf(!redisUp)("device revokes and settings across two nodes (Redis)", () => {
  let a: TestPlatform;
  let b: SecondNode;
  const open: RecordingSocket[] = [];
  beforeAll(async () => {
    a = await createTestPlatform({ REDIS_URL: TEST_REDIS_URL }, { dayEndWorker: false });
    await a.app.listen({ host: "127.0.0.1", port: 0 });
    b = await startSecondNode(a);
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await b?.close();
    await a?.close();
  });

  it("a kiosk on node B hears settings changed on node A, and its revoke there stops it on B within 2 s", async () => {
    const k = await kioskOf(a);
    const kiosk = connectClient(b.url, { slug: k.slug, deviceToken: k.token });
    open.push(kiosk);
    await kiosk.next("snapshot");
    // Node B has checked the token and keeps it for its cache time (10 s)...
    expect((await snapshotOn(b.app, k.slug, k.token)).statusCode).toBe(200);
    expect(b.ctx.deviceTokens.ttlMs).toBeGreaterThan(5000);

    const admin = { token: k.adminToken };
    await call(a.app, "PATCH", `/api/c/${k.slug}/admin/devices/${k.deviceId}`, {
      ...admin,
      body: { settings: { autoPrint: false } },
    });
    expect(await kiosk.next("device.settings")).toMatchObject({ deviceId: k.deviceId });

    // ...but the revoke on node A reaches it: the next request through B fails within 2 s.
    const revoked = await call(
      a.app,
      "POST",
      `/api/c/${k.slug}/admin/devices/${k.deviceId}/revoke`,
      admin,
    );
    expect(revoked.statusCode, revoked.body).toBe(200);
    const took = await within(
      2000,
      async () => (await snapshotOn(b.app, k.slug, k.token)).statusCode === 401,
    );
    expect(took).toBeLessThan(2000);
    expect(await kiosk.next("device.revoked")).toMatchObject({ deviceId: k.deviceId });
    await within(2000, async () => !kiosk.socket.connected);
  });
});
