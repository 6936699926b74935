import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createQueueOperator, createTestPlatform, type TestPlatform } from "../../testing";
import { apiCompany } from "../public-api/v1.test-helpers";
import { verifyWebhook } from "./webhook-signature";

async function until(check: () => boolean | Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/*
 * The poll is a minute here, so whatever arrives within seconds was sent because the worker was
 * woken: by a commit that queued deliveries, by an admin resuming the endpoint, or by its own
 * pass having freed a ticket's next event.
 */
describe("the webhook worker sends what is due without waiting for its poll", () => {
  let p: TestPlatform;
  let a: Awaited<ReturnType<typeof apiCompany>>;
  let secret = "";
  const received: { type: string; ticketId: string }[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const ok = verifyWebhook(secret, body, String(req.headers["x-equeue-signature"] ?? ""));
      if (ok) {
        const e = JSON.parse(body) as { type: string; data: { ticketId: string } };
        received.push({ type: e.type, ticketId: e.data.ticketId });
      }
      res.statusCode = ok ? 200 : 401;
      res.end();
    });
  });

  beforeAll(async () => {
    p = await createTestPlatform({ WEBHOOKS_ALLOW_PRIVATE: "true", WEBHOOK_POLL_MS: "60000" });
    a = await apiCompany(p, "hooks-wake");
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
    const created = await call(p.app, "POST", `/api/c/${a.slug}/admin/webhooks`, {
      token: a.adminToken,
      body: { url, eventTypes: ["ticket.issued", "ticket.called", "ticket.served"] },
    });
    expect(created.statusCode, created.body).toBe(201);
    secret = created.json().secret;
  }, 240_000);
  afterAll(async () => {
    await p.close();
    await new Promise((r) => receiver.close(r));
  });

  it("sends a resumed endpoint's waiting events at once, each ticket's one after another in order", async () => {
    const endpoint = (await call(p.app, "GET", `/api/c/${a.slug}/admin/webhooks`, {
      token: a.adminToken,
    }).then((r) => r.json().items[0])) as { id: string };
    const patch = (status: "PAUSED" | "ACTIVE") =>
      call(p.app, "PATCH", `/api/c/${a.slug}/admin/webhooks/${endpoint.id}`, {
        token: a.adminToken,
        body: { status },
      });
    expect((await patch("PAUSED")).statusCode).toBe(200);
    const op = await createQueueOperator(p.ctx, a.company, {
      branchId: a.branch.id,
      serviceIds: [a.service.id],
    });
    const queue = (path: string, body: unknown = {}) =>
      call(p.app, "POST", `/api/c/${a.slug}/queue${path}`, { token: op.token, body });
    expect((await queue("/session", { counterId: a.counter.id })).statusCode).toBe(200);
    const issued = await queue("/tickets", { branchId: a.branch.id, serviceId: a.service.id });
    expect(issued.statusCode, issued.body).toBe(201);
    const id = issued.json().ticket.id as string;
    expect((await queue("/call-next")).json().ticket.id).toBe(id);
    await queue(`/tickets/${id}/start`);
    expect((await queue(`/tickets/${id}/finish`)).statusCode).toBe(200);
    // All three wait, queued while the endpoint was paused.
    const waiting = () =>
      p.ctx.db
        .selectFrom("platform.webhook_deliveries")
        .select("status")
        .where("ticket_id", "=", id)
        .execute();
    await until(async () => (await waiting()).length === 3, 10_000);
    expect(received).toEqual([]);

    expect((await patch("ACTIVE")).statusCode).toBe(200);
    // The called event may go only once the issued one was answered, the served one after it.
    // Three rounds of send, record and wake: 15 s leaves a loaded machine room and is still far
    // from the minute's poll that would send them without a wake.
    await until(() => received.length === 3, 15_000);
    expect(received).toEqual([
      { type: "ticket.issued", ticketId: id },
      { type: "ticket.called", ticketId: id },
      { type: "ticket.served", ticketId: id },
    ]);
  });
});
