import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "./testing";
import { startFakeSmsGateway } from "./testing/fake-sms-gateway";
import { enqueueMessage } from "./modules/outbox";

const CREDS = { email: "bot@e-queue.test", password: "gateway-secret" };
const onPostgres = Boolean(process.env.TEST_DATABASE_URL ?? process.env.TEST_CITUS_URL);
const HOLD_S = 2;

/** Keeps `n` connections of a pool busy for HOLD_S seconds. */
const occupy = (db: TestPlatform["ctx"]["db"], n: number) =>
  Promise.all(Array.from({ length: n }, () => sql`select pg_sleep(${HOLD_S})`.execute(db)));

describe("background work has its own connections", () => {
  let gateway: Awaited<ReturnType<typeof startFakeSmsGateway>>;
  let p: TestPlatform;
  beforeAll(async () => {
    gateway = await startFakeSmsGateway(CREDS);
    p = await createTestPlatform(
      {
        SMS_GATEWAY_URL: gateway.url,
        SMS_GATEWAY_EMAIL: CREDS.email,
        SMS_GATEWAY_PASSWORD: CREDS.password,
        DATABASE_POOL_SIZE: "2",
        DATABASE_BACKGROUND_POOL_SIZE: "1",
      },
      { dayEndWorker: false },
    );
  });
  afterAll(async () => {
    await p.close();
    await gateway.close();
  });

  it.skipIf(!onPostgres)(
    "sends from the outbox while requests hold every request connection",
    async () => {
      const id = await enqueueMessage(p.ctx.db, { channel: "sms", to: "+998901110001", text: "x" });
      const busy = occupy(p.ctx.db, 2);
      await new Promise((r) => setTimeout(r, 100));
      const started = performance.now();
      expect(await p.ctx.outbox.tick()).toBe(1);
      const ms = performance.now() - started;
      console.info(
        `background pool: outbox tick in ${Math.round(ms)} ms with the request pool held`,
      );
      expect(ms).toBeLessThan(HOLD_S * 1000 - 500);
      expect(gateway.sent.map((s) => s.user_sms_id)).toContain(id);
      await busy;
    },
  );

  it.skipIf(!onPostgres)(
    "answers requests while background work holds its connection",
    async () => {
      const busy = occupy(p.ctx.backgroundDb, 1);
      await new Promise((r) => setTimeout(r, 100));
      const started = performance.now();
      const res = await call(p.app, "GET", "/api/ready");
      const ms = performance.now() - started;
      expect(res.statusCode).toBe(200);
      expect(ms).toBeLessThan(HOLD_S * 1000 - 500);
      await busy;
    },
  );

  it("on the embedded database, background work shares its one connection", async () => {
    if (onPostgres) {
      expect(p.ctx.backgroundDb).not.toBe(p.ctx.db);
      return;
    }
    expect(p.ctx.backgroundDb).toBe(p.ctx.db);
    // Interleaved: a request, the dispatcher and the outbox, without waiting on each other forever.
    await enqueueMessage(p.ctx.db, { channel: "sms", to: "+998901110002", text: "y" });
    const [tick] = await Promise.all([p.ctx.outbox.tick(), p.ctx.events.sweep()]);
    expect(tick).toBe(1);
  });
});
