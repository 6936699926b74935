import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createQueueOperator,
  createTestPlatform,
  issueTickets,
  type TestPlatform,
} from "../../testing";
import { apiCompany, v1 } from "../public-api/v1.test-helpers";
import { signWebhook, verifyWebhook } from "./webhook-signature";

type Received = {
  id: string;
  type: string;
  ticketId: string;
  status: number;
  delivery: string;
  data: Record<string, unknown>;
};

/**
 * A receiver written from docs/api.md alone: it checks `X-EQueue-Signature: t=…,v1=…` (HMAC-SHA256
 * of "t.body" with the endpoint's secret, timestamp within five minutes) before accepting, and
 * answers 500 to as many deliveries of an event type as `fail` was told.
 */
function startReceiver() {
  const received: Received[] = [];
  const failures = new Map<string, number>();
  let secret = "";
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const header = String(req.headers["x-equeue-signature"] ?? "");
      const parts = Object.fromEntries(header.split(",").map((kv) => kv.split("=")));
      const t = Number(parts.t);
      const mac = createHmac("sha256", secret).update(`${parts.t}.${body}`).digest();
      const given = Buffer.from(String(parts.v1 ?? ""), "hex");
      const fresh = Math.abs(Date.now() / 1000 - t) <= 300;
      if (!fresh || given.length !== mac.length || !timingSafeEqual(given, mac)) {
        res.statusCode = 401;
        return res.end();
      }
      const event = JSON.parse(body) as {
        id: string;
        type: string;
        data: { ticketId: string } & Record<string, unknown>;
      };
      const left = failures.get(event.type) ?? 0;
      if (left > 0) failures.set(event.type, left - 1);
      const status = left > 0 ? 500 : 200;
      received.push({
        id: event.id,
        type: event.type,
        ticketId: event.data.ticketId,
        data: event.data,
        status,
        delivery: String(req.headers["x-equeue-delivery"]),
      });
      res.statusCode = status;
      res.end();
    });
  });
  let url = "";
  return {
    received,
    url: () => url,
    fail: (type: string, times: number) => failures.set(type, times),
    clearFailures: () => failures.clear(),
    setSecret: (s: string) => (secret = s),
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () => {
          url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
          resolve(url);
        }),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function until(check: () => boolean | Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("signed webhooks from the durable event stream", () => {
  let p: TestPlatform;
  let a: Awaited<ReturnType<typeof apiCompany>>;
  const receiver = startReceiver();
  let endpointId: string;
  const accepted = () => receiver.received.filter((r) => r.status === 200);

  beforeAll(async () => {
    p = await createTestPlatform({
      WEBHOOKS_ALLOW_PRIVATE: "true",
      WEBHOOK_RETRY_BASE_MS: "50",
      WEBHOOK_POLL_MS: "50",
      WEBHOOK_PAUSE_AFTER_FAILURES: "3",
    });
    a = await apiCompany(p, "hooks-a");
    const url = await receiver.listen();
    const created = await call(p.app, "POST", `/api/c/${a.slug}/admin/webhooks`, {
      token: a.adminToken,
      body: { url, eventTypes: ["ticket.issued", "booking.made", "booking.cancelled"] },
    });
    expect(created.statusCode, created.body).toBe(201);
    receiver.setSecret(created.json().secret);
    endpointId = created.json().endpoint.id;
  }, 240_000);
  afterAll(async () => {
    await p.close();
    await receiver.close();
  });

  it("delivers a subscribed event, signed, once", async () => {
    const issued = await v1(p, "POST", "/tickets", a.key.secret, {
      branchId: a.branch.id,
      serviceId: a.service.id,
    });
    expect(issued.statusCode, issued.body).toBe(201);
    await until(() => accepted().length === 1);
    expect(accepted()[0]).toMatchObject({ type: "ticket.issued", ticketId: issued.json().id });
    const log = () =>
      call(p.app, "GET", `/api/c/${a.slug}/admin/webhooks/${endpointId}/deliveries`, {
        token: a.adminToken,
      });
    // The worker records the answer just after the receiver has sent it.
    await until(async () => (await log()).json().items[0].status !== "PENDING");
    const entry = (await log()).json().items[0];
    expect(entry).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200 });
    // One name for the delivery in the header, the admin's log and the body: the event's number
    // in the company's own log, not a platform-wide counter.
    const sent = accepted()[0]!;
    expect(sent.id).toBe(`${a.company.id}.${entry.id}`);
    expect(sent.delivery).toBe(`${endpointId}.${entry.id}`);
  });

  it("retries after a 500 with back-off, and keeps a ticket's events in order", async () => {
    receiver.fail("booking.made", 1);
    const slots = await v1(
      p,
      "GET",
      `/branches/${a.branch.id}/slots?serviceId=${a.service.id}`,
      a.key.secret,
    );
    const booked = await v1(p, "POST", "/bookings", a.key.secret, {
      branchId: a.branch.id,
      serviceId: a.service.id,
      startsAt: slots.json().slots[5].startsAt,
      phone: "+998901230000",
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const id = booked.json().ticketId;
    expect((await v1(p, "POST", `/bookings/${id}/cancel`, a.key.secret)).statusCode).toBe(200);
    await until(() => accepted().some((r) => r.type === "booking.cancelled"));
    const forTicket = receiver.received.filter((r) => r.ticketId === id);
    // The failed attempt, its retry, then the cancel: never the cancel before the booking.
    expect(forTicket.map((r) => [r.type, r.status])).toEqual([
      ["booking.made", 500],
      ["booking.made", 200],
      ["booking.cancelled", 200],
    ]);
    expect(forTicket[0]!.delivery).toBe(forTicket[1]!.delivery);
  });

  it("never queues an event twice when the stream hands it over again (a crash before the cursor)", async () => {
    const before = await p.ctx.db
      .selectFrom("platform.webhook_deliveries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const sentBefore = accepted().length;
    await sql`update ${sql.id(a.company.schema_name, "event_cursors")}
      set last_tx = '0'::xid8, last_id = 0 where subscriber = 'webhooks'`.execute(p.ctx.db);
    p.ctx.events.poke(a.company);
    await new Promise((r) => setTimeout(r, 100));
    await p.ctx.events.idle();
    await new Promise((r) => setTimeout(r, 300));
    const after = await p.ctx.db
      .selectFrom("platform.webhook_deliveries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(accepted().length).toBe(sentBefore);
    const ids = accepted().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sends a delivery again when the admin asks, under the same delivery and event id", async () => {
    const log = await call(
      p.app,
      "GET",
      `/api/c/${a.slug}/admin/webhooks/${endpointId}/deliveries`,
      {
        token: a.adminToken,
      },
    );
    const entry = log.json().items.at(-1);
    const sent = accepted().find((r) => r.delivery === `${endpointId}.${entry.id}`)!;
    const before = accepted().length;
    // The admin sends it again by that id: same delivery, same body id.
    const resent = await call(
      p.app,
      "POST",
      `/api/c/${a.slug}/admin/webhooks/${endpointId}/deliveries/${entry.id}/resend`,
      { token: a.adminToken },
    );
    expect(resent.statusCode, resent.body).toBe(200);
    await until(() => accepted().length === before + 1);
    expect(accepted()[before]).toMatchObject({ id: sent.id, delivery: sent.delivery });
    const unknown = await call(
      p.app,
      "POST",
      `/api/c/${a.slug}/admin/webhooks/${endpointId}/deliveries/999999/resend`,
      { token: a.adminToken },
    );
    expect(unknown.statusCode).toBe(404);
  });

  it("tells of a customer's rating (rating.received) with its stars and comment, signed", async () => {
    const r = await apiCompany(p, "hooks-rate");
    const ratings = startReceiver();
    try {
      const created = await call(p.app, "POST", `/api/c/${r.slug}/admin/webhooks`, {
        token: r.adminToken,
        body: { url: await ratings.listen(), eventTypes: ["rating.received"] },
      });
      ratings.setSecret(created.json().secret);
      const op = await createQueueOperator(p.ctx, r.company, {
        branchId: r.branch.id,
        serviceIds: [r.service.id],
      });
      const queue = (path: string, body: unknown = {}) =>
        call(p.app, "POST", `/api/c/${r.slug}/queue${path}`, { token: op.token, body });
      expect((await queue("/session", { counterId: r.counter.id })).statusCode).toBe(200);
      const [ticket] = await issueTickets(p.ctx, r.company, {
        branchId: r.branch.id,
        serviceId: r.service.id,
        count: 1,
      });
      await queue("/call-next");
      await queue(`/tickets/${ticket!.id}/start`);
      expect((await queue(`/tickets/${ticket!.id}/finish`)).statusCode).toBe(200);
      const rated = await call(
        p.app,
        "POST",
        `/api/c/${r.slug}/public/tickets/${ticket!.token}/rating`,
        { body: { stars: 2, comment: "Uzoq kutdim" } },
      );
      expect(rated.statusCode, rated.body).toBe(201);
      await until(() => ratings.received.length > 0);
      // Issued, called and served went by unsent: the endpoint asked for ratings only.
      expect(ratings.received).toEqual([
        expect.objectContaining({
          type: "rating.received",
          ticketId: ticket!.id,
          status: 200,
          data: expect.objectContaining({
            label: ticket!.label,
            status: "COMPLETED",
            rating: { stars: 2, comment: "Uzoq kutdim" },
          }),
        }),
      ]);
    } finally {
      await ratings.close();
    }
  });

  it("pauses an endpoint that keeps failing, tells the admin once, and resumes on their word", async () => {
    receiver.fail("ticket.issued", 100);
    const issuedBefore = accepted().filter((r) => r.type === "ticket.issued").length;
    // Five tickets: five deliveries fail side by side, so failures count past the pause.
    for (let i = 0; i < 5; i++) {
      await v1(p, "POST", "/tickets", a.key.secret, {
        branchId: a.branch.id,
        serviceId: a.service.id,
      });
    }
    const list = async () =>
      (await call(p.app, "GET", `/api/c/${a.slug}/admin/webhooks`, { token: a.adminToken })).json()
        .items[0];
    await until(async () => (await list()).status === "PAUSED");
    expect(await list()).toMatchObject({
      consecutiveFailures: expect.any(Number),
      pausedReason: "The endpoint answered 500.",
    });
    expect((await list()).consecutiveFailures).toBeGreaterThanOrEqual(3);
    // No delivery is in flight any more (a claimed one is leased two minutes ahead).
    const inFlight = () =>
      p.ctx.db
        .selectFrom("platform.webhook_deliveries")
        .select("id")
        .where("endpoint_id", "=", endpointId)
        .where("status", "=", "PENDING")
        .where("next_attempt_at", ">", new Date(Date.now() + 60_000))
        .execute();
    await until(async () => (await inFlight()).length === 0);
    const notices = await p.ctx.db
      .selectFrom("platform.outbox")
      .select(["recipient", "subject", "body_text"])
      .where("company_id", "=", a.company.id)
      .where("channel", "=", "email")
      .where("body_text", "like", `%${receiver.url()}%`)
      .execute();
    const admin = await p.ctx.db
      .withSchema(a.company.schema_name)
      .selectFrom("staff")
      .select("email")
      .where("role", "=", "COMPANY_ADMIN")
      .executeTakeFirstOrThrow();
    expect(notices).toHaveLength(1);
    expect(notices[0]!.recipient).toBe(admin.email);
    expect(notices[0]!.body_text).toContain(`/c/${a.slug}/admin/webhooks`);
    expect(notices[0]!.body_text).toContain("500");

    receiver.clearFailures();
    const resumed = await call(p.app, "PATCH", `/api/c/${a.slug}/admin/webhooks/${endpointId}`, {
      token: a.adminToken,
      body: { status: "ACTIVE" },
    });
    expect(resumed.json()).toMatchObject({
      status: "ACTIVE",
      consecutiveFailures: 0,
      pausedReason: null,
    });
    await until(
      () => accepted().filter((r) => r.type === "ticket.issued").length === issuedBefore + 5,
    );
  });
  it("sends a company's events from its first endpoint on, though its runs went idle before", async () => {
    const b = await apiCompany(p, "hooks-b");
    const issueB = async () => {
      const r = await v1(p, "POST", "/tickets", b.key.secret, {
        branchId: b.branch.id,
        serviceId: b.service.id,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    };
    // No endpoint yet: the run finds none, and the company's webhook runs turn idle.
    const before = await issueB();
    await p.ctx.events.idle();
    const created = await call(p.app, "POST", `/api/c/${b.slug}/admin/webhooks`, {
      token: b.adminToken,
      body: { url: receiver.url(), eventTypes: ["ticket.issued"] },
    });
    expect(created.statusCode, created.body).toBe(201);
    // The receiver checks one secret: this company's, for now.
    receiver.setSecret(created.json().secret);
    const after = await issueB();
    await until(() => accepted().some((r) => r.ticketId === after));
    expect(receiver.received.some((r) => r.ticketId === before)).toBe(false);
  });
});

describe("webhook signatures", () => {
  it("verify the body and timestamp they were made for, within the replay window only", () => {
    const body = JSON.stringify({ id: "c.1", type: "ticket.issued" });
    const now = 1_790_000_000;
    const header = signWebhook("whsec_test", body, now);
    expect(header).toMatch(/^t=1790000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook("whsec_test", body, header, now + 299)).toBe(true);
    expect(verifyWebhook("whsec_test", body, header, now + 301)).toBe(false);
    expect(verifyWebhook("whsec_test", `${body} `, header, now)).toBe(false);
    expect(verifyWebhook("whsec_other", body, header, now)).toBe(false);
    expect(verifyWebhook("whsec_test", body, "t=x,v1=00", now)).toBe(false);
  });
});
