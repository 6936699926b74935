import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { apiCompany, createApiKey, v1 } from "./v1.test-helpers";

describe("the public API /api/v1", () => {
  let p: TestPlatform;
  let a: Awaited<ReturnType<typeof apiCompany>>;
  let b: Awaited<ReturnType<typeof apiCompany>>;

  beforeAll(async () => {
    p = await createTestPlatform();
    a = await apiCompany(p, "v1-a");
    b = await apiCompany(p, "v1-b");
  }, 240_000);
  afterAll(() => p.close());

  it("lists a branch's services with the line and the wait now", async () => {
    const res = await v1(p, "GET", `/branches/${a.branch.id}/services`, a.key.secret);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().branch.id).toBe(a.branch.id);
    expect(res.json().services[0]).toMatchObject({
      id: a.service.id,
      waiting: 0,
      bookable: true,
      wait: { minutes: expect.any(Number), noOperators: true },
    });
  });

  it("issues an API ticket through the queue's command and follows it", async () => {
    const issued = await v1(p, "POST", "/tickets", a.key.secret, {
      branchId: a.branch.id,
      serviceId: a.service.id,
      phone: "+998901234567",
      name: "Aziza",
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const ticket = issued.json();
    expect(ticket).toMatchObject({ source: "API", status: "WAITING", label: "A-001" });
    expect(ticket.trackUrl).toMatch(/\/t\/\S+$/);
    const again = await v1(p, "POST", "/tickets", a.key.secret, {
      branchId: a.branch.id,
      serviceId: a.service.id,
    });
    expect(again.json().label).toBe("A-002");
    const status = await v1(p, "GET", `/tickets/${again.json().id}`, a.key.secret);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ status: "WAITING", peopleAhead: 1 });
    const stored = await p.ctx.db
      .withSchema(a.company.schema_name)
      .selectFrom("tickets")
      .select(["source"])
      .where("id", "=", ticket.id)
      .executeTakeFirstOrThrow();
    expect(stored.source).toBe("API");
    // Another company's key does not find it.
    expect((await v1(p, "GET", `/tickets/${ticket.id}`, b.key.secret)).statusCode).toBe(404);
    // Nor may it issue at this company's branch.
    const foreign = await v1(p, "POST", "/tickets", b.key.secret, {
      branchId: a.branch.id,
      serviceId: a.service.id,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it("gives one phone one open place in a line, through the API and the portal alike", async () => {
    const phone = "+998907770001";
    const body = { branchId: a.branch.id, serviceId: a.service.id, phone };
    const tries = await Promise.all(
      Array.from({ length: 5 }, () => v1(p, "POST", "/tickets", a.key.secret, body)),
    );
    expect(tries.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    const refused = tries.find((r) => r.statusCode === 409)!.json().error;
    expect(refused).toMatchObject({
      code: "ALREADY_IN_QUEUE",
      message: expect.stringContaining("already has a place in this queue"),
    });
    // The same person on the company's portal is told so too, not given a second place.
    await p.ctx.db
      .updateTable("platform.companies")
      .set({ status: "ACTIVE" })
      .where("id", "=", a.company.id)
      .execute();
    p.ctx.directory.invalidate(a.slug);
    const portal = await call(p.app, "POST", `/api/c/${a.slug}/portal/tickets`, { body });
    expect(portal.statusCode, portal.body).toBe(409);
    expect(portal.json().error.code).toBe("ALREADY_IN_QUEUE");
    // Once that place is over, the number may take another.
    const taken = tries.find((r) => r.statusCode === 201)!.json();
    const cancelled = await call(
      p.app,
      "POST",
      `/api/c/${a.slug}/public/tickets/${taken.trackUrl.split("/t/")[1]}/cancel`,
    );
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await v1(p, "POST", "/tickets", a.key.secret, body)).statusCode).toBe(201);
  });

  it("takes the customer's language, Uzbek in Cyrillic too: their SMS is written in it", async () => {
    const issued = await v1(p, "POST", "/tickets", a.key.secret, {
      branchId: a.branch.id,
      serviceId: a.service.id,
      phone: "+998901110011",
      language: "uz-Cyrl",
    });
    expect(issued.statusCode, issued.body).toBe(201);
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
      phone: "+998901110012",
      language: "uz-Cyrl",
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const stored = await p.ctx.db
      .withSchema(a.company.schema_name)
      .selectFrom("tickets")
      .select("language")
      .where("id", "in", [issued.json().id, booked.json().ticketId])
      .execute();
    expect(stored.map((t) => t.language)).toEqual(["uz-Cyrl", "uz-Cyrl"]);
    await p.ctx.events.idle();
    const sms = await p.ctx.db
      .selectFrom("platform.outbox")
      .select("body_text")
      .where("channel", "=", "sms")
      .where("recipient", "=", "+998901110011")
      .execute();
    expect(sms.length).toBeGreaterThan(0);
    expect(sms[0]!.body_text).toContain("Навбатингиз");
    const unknown = await v1(p, "POST", "/tickets", a.key.secret, {
      branchId: a.branch.id,
      serviceId: a.service.id,
      language: "uz-Latn",
    });
    expect(unknown.statusCode).toBe(400);
  });

  it("books an offered time and cancels it; the place is free again", async () => {
    const slots = await v1(
      p,
      "GET",
      `/branches/${a.branch.id}/slots?serviceId=${a.service.id}`,
      a.key.secret,
    );
    expect(slots.statusCode, slots.body).toBe(200);
    const slot = slots.json().slots[3];
    expect(slot.available).toBe(1);
    const booked = await v1(p, "POST", "/bookings", a.key.secret, {
      branchId: a.branch.id,
      serviceId: a.service.id,
      startsAt: slot.startsAt,
      phone: "+998907654321",
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(booked.json()).toMatchObject({ status: "BOOKED", startsAt: slot.startsAt });
    const full = await v1(p, "POST", "/bookings", a.key.secret, {
      branchId: a.branch.id,
      serviceId: a.service.id,
      startsAt: slot.startsAt,
      phone: "+998907654322",
    });
    expect(full.statusCode).toBe(409);
    const id = booked.json().ticketId;
    expect((await v1(p, "POST", `/bookings/${id}/cancel`, b.key.secret)).statusCode).toBe(404);
    const cancelled = await v1(p, "POST", `/bookings/${id}/cancel`, a.key.secret);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe("CANCELLED");
    const after = await v1(
      p,
      "GET",
      `/branches/${a.branch.id}/slots?serviceId=${a.service.id}&from=${slot.localDate}&to=${slot.localDate}`,
      a.key.secret,
    );
    const same = after.json().slots.find((s: { startsAt: string }) => s.startsAt === slot.startsAt);
    expect(same.available).toBe(1);
  });

  it("exports the reports as JSON and CSV", async () => {
    const day = new Date().toISOString().slice(0, 10);
    const json = await v1(p, "GET", `/reports?from=${day}&to=${day}`, a.key.secret);
    expect(json.statusCode, json.body).toBe(200);
    expect(json.json().range).toEqual({ from: day, to: day });
    const csv = await v1(p, "GET", `/reports?from=${day}&to=${day}&format=csv`, a.key.secret);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("Summary");
    const wrong = await v1(p, "GET", `/reports?from=${day}&to=2020-01-01`, a.key.secret);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.details[0].path).toBe("to");
    const feb30 = await v1(p, "GET", `/reports?from=2026-02-30&to=2026-03-01`, a.key.secret);
    expect(feb30.json().error.details).toEqual([expect.objectContaining({ path: "from" })]);
  });

  it("every /api/v1 operation refuses anonymous callers, revoked keys and staff tokens (401), and another company's ids (404)", async () => {
    const revoked = await createApiKey(p, a.slug, a.adminToken);
    await call(p.app, "POST", `/api/c/${a.slug}/admin/api-keys/${revoked.id}/revoke`, {
      token: a.adminToken,
    });
    const routes = p.app.routeTable.filter(
      (r) => r.url.startsWith("/api/v1/") && r.url !== "/api/v1/openapi.json",
    );
    expect(routes.length).toBeGreaterThanOrEqual(8);
    const fill = (url: string) =>
      url.replace(":branchId", a.branch.id).replace(":ticketId", a.branch.id);
    for (const r of routes) {
      const method = r.method as "GET" | "POST";
      const body = method === "POST" ? {} : undefined;
      for (const key of [undefined, revoked.secret, a.adminToken]) {
        const res = await v1(p, method, fill(r.url).slice(7), key, body);
        expect.soft(res.statusCode, `${r.method} ${r.url} ${String(key).slice(0, 8)}`).toBe(401);
        expect.soft(res.json().error.code).toBe("UNAUTHENTICATED");
      }
    }
    // Company b's key, on company a's objects: not found, in the one error shape.
    const foreign = [
      await v1(p, "GET", `/branches/${a.branch.id}/services`, b.key.secret),
      await v1(p, "GET", `/branches/${a.branch.id}/slots?serviceId=${a.service.id}`, b.key.secret),
      await v1(p, "POST", "/bookings", b.key.secret, {
        branchId: a.branch.id,
        serviceId: a.service.id,
        startsAt: new Date(Date.now() + 3_600_000).toISOString(),
        phone: "+998901112233",
      }),
    ];
    for (const res of foreign) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().error).toMatchObject({ code: "NOT_FOUND", message: expect.any(String) });
    }
  });

  it("refuses unknown fields and bad ids with 400 and the field", async () => {
    const res = await v1(p, "POST", "/tickets", a.key.secret, {
      branchId: "x",
      serviceId: a.service.id,
      source: "WALK_IN",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("answers days and times at the calendar's ends as input, not with a 500", async () => {
    const lastDays = await v1(
      p,
      "GET",
      `/branches/${a.branch.id}/slots?serviceId=${a.service.id}&from=9999-12-31`,
      a.key.secret,
    );
    expect(lastDays.statusCode, lastDays.body).toBe(200);
    expect(lastDays.json().slots).toEqual([]);
    const offCalendar = await v1(p, "POST", "/bookings", a.key.secret, {
      branchId: a.branch.id,
      serviceId: a.service.id,
      startsAt: "9999-12-31T23:00:00-05:00",
      phone: "+998907654322",
    });
    expect(offCalendar.statusCode, offCalendar.body).toBe(400);
    expect(offCalendar.json().error.details[0].path).toBe("startsAt");
  });
});
