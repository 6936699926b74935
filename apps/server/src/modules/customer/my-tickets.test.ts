import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, signInCustomer, type TestPlatform } from "../../testing";
import {
  bookableBranch,
  book,
  nextAddress,
  slotsOf,
  type Slot,
} from "../booking/booking.test-helpers";

let p: TestPlatform;

const join = (slug: string, body: Record<string, unknown>) =>
  p.app.inject({
    method: "POST",
    url: `/api/c/${slug}/portal/tickets`,
    headers: { "content-type": "application/json" },
    payload: JSON.stringify(body),
    remoteAddress: nextAddress(),
  });

beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(async () => p?.close());

type Listed = {
  id: string;
  label: string;
  status: string;
  company: { slug: string; name: string };
  branchName: { uz: string } | null;
  serviceName: { uz: string } | null;
  trackPath: string;
  canCancel: boolean;
};

describe("my tickets across companies", () => {
  const mine = "+998901110001";
  const theirs = "+998901110002";
  let a: Awaited<ReturnType<typeof bookableBranch>>;
  let b: Awaited<ReturnType<typeof bookableBranch>>;
  let tickets: {
    waitingA: string;
    waitingB: string;
    booked: string;
    foreign: string;
    walkIn: string;
  };

  beforeAll(async () => {
    a = await bookableBranch(p, { operators: 1 });
    b = await bookableBranch(p, { operators: 1 });
    // Taken as a guest, before any account exists: they belong to whoever proves the phone.
    const joinA = await join(a.slug, {
      branchId: a.branch.id,
      serviceId: a.services[0]!.id,
      phone: "90 111 00 01",
    });
    const joinB = await join(b.slug, {
      branchId: b.branch.id,
      serviceId: b.services[0]!.id,
      phone: mine,
    });
    const foreign = await join(a.slug, {
      branchId: a.branch.id,
      serviceId: a.services[0]!.id,
      phone: theirs,
    });
    const slot = (
      (await slotsOf(p, a.slug, a.branch.slug, a.services[1]!.id)).json().slots as Slot[]
    )[2]!;
    const booked = await book(p, a.slug, {
      branchId: a.branch.id,
      serviceId: a.services[1]!.id,
      startsAt: slot.startsAt,
      phone: mine,
    });
    // Reception types the number its own way; the index keeps it in E.164.
    const walkIn = await call(p.app, "POST", `/api/c/${a.slug}/queue/tickets`, {
      token: a.operators[0]!.token,
      body: {
        branchId: a.branch.id,
        serviceId: a.services[1]!.id,
        customerPhone: "+998 (90) 111-00-01",
      },
    });
    expect([joinA, joinB, foreign, booked, walkIn].map((r) => r.statusCode)).toEqual([
      201, 201, 201, 201, 201,
    ]);
    await p.ctx.events.idle();
    const idOf = async (token: string) =>
      (await p.ctx.db
        .selectFrom("platform.ticket_index")
        .select("ticket_id")
        .where("token", "=", token)
        .executeTakeFirstOrThrow())!.ticket_id;
    tickets = {
      waitingA: await idOf(joinA.json().ticket.token),
      waitingB: await idOf(joinB.json().ticket.token),
      booked: await idOf(booked.json().booking.token),
      foreign: await idOf(foreign.json().ticket.token),
      walkIn: walkIn.json().ticket.id,
    };
  });

  it("lists the phone's tickets of every company: in a line, booked, with names and totals", async () => {
    const { token } = await signInCustomer(p, mine);
    const res = await call(p.app, "GET", "/api/customer/tickets", { token });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { active: Listed[]; booked: Listed[]; history: Listed[] };
    expect(body.active.map((t) => t.id).sort()).toEqual(
      [tickets.waitingA, tickets.waitingB, tickets.walkIn].sort(),
    );
    expect(body.booked.map((t) => t.id)).toEqual([tickets.booked]);
    expect(body.history).toEqual([]);
    expect(res.json().totals).toEqual({ active: 3, booked: 1, history: 0 });
    expect(body.active.find((t) => t.id === tickets.walkIn)).toMatchObject({
      source: "WALK_IN",
    });
    const inA = body.active.find((t) => t.id === tickets.waitingA)!;
    expect(inA).toMatchObject({
      status: "WAITING",
      company: { slug: a.slug },
      serviceName: { uz: "Kassa" },
      timeZone: "Asia/Tashkent",
      canCancel: true,
    });
    expect(inA.branchName?.uz).toBeTruthy();
    expect(inA.trackPath).toMatch(new RegExp(`^/c/${a.slug}/t/`));
  });

  it("cancels my own ticket through its company's queue; it moves to the history", async () => {
    const { token } = await signInCustomer(p, mine);
    // Nothing is cancelled in a suspended company.
    const setStatus = async (status: "SUSPENDED" | "ACTIVE") => {
      await p.ctx.db
        .updateTable("platform.companies")
        .set({ status })
        .where("slug", "=", a.slug)
        .execute();
      p.ctx.directory.invalidate(a.slug);
    };
    await setStatus("SUSPENDED");
    try {
      const res = await call(p.app, "POST", `/api/customer/tickets/${tickets.waitingA}/cancel`, {
        token,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("COMPANY_SUSPENDED");
    } finally {
      await setStatus("ACTIVE");
    }
    const res = await call(p.app, "POST", `/api/customer/tickets/${tickets.waitingB}/cancel`, {
      token,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: tickets.waitingB, status: "CANCELLED" });
    // The company's own ticket changed, with an event (so boards and the index follow).
    const row = await b.db
      .selectFrom("tickets")
      .select("status")
      .where("id", "=", tickets.waitingB)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("CANCELLED");
    await p.ctx.events.idle();
    const list = (await call(p.app, "GET", "/api/customer/tickets", { token })).json();
    expect(list.history.map((t: Listed) => [t.id, t.status, t.canCancel])).toEqual([
      [tickets.waitingB, "CANCELLED", false],
    ]);
    // Twice is refused: it is over.
    const again = await call(p.app, "POST", `/api/customer/tickets/${tickets.waitingB}/cancel`, {
      token,
    });
    expect(again.statusCode).toBe(409);
    // A ticket reception took with the number typed its own way is mine too.
    const walkIn = await call(p.app, "POST", `/api/customer/tickets/${tickets.walkIn}/cancel`, {
      token,
    });
    expect(walkIn.json()).toMatchObject({ status: "CANCELLED" });
    // A booking is cancelled the same way.
    const booking = await call(p.app, "POST", `/api/customer/tickets/${tickets.booked}/cancel`, {
      token,
    });
    expect(booking.json()).toMatchObject({ status: "CANCELLED" });
  });

  it("refuses another customer's ticket (404), anonymous (401), staff tokens and bad ids (400)", async () => {
    const { token } = await signInCustomer(p, mine);
    const foreign = await call(p.app, "POST", `/api/customer/tickets/${tickets.foreign}/cancel`, {
      token,
    });
    expect(foreign.statusCode).toBe(404);
    const unknown = await call(
      p.app,
      "POST",
      "/api/customer/tickets/00000000-0000-4000-8000-000000000000/cancel",
      { token },
    );
    expect(unknown.statusCode).toBe(404);
    const bad = await call(p.app, "POST", "/api/customer/tickets/not-an-id/cancel", { token });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("ticketId");
    // The other customer sees only their own ticket and cannot cancel mine.
    const other = await signInCustomer(p, theirs);
    const theirList = (
      await call(p.app, "GET", "/api/customer/tickets", { token: other.token })
    ).json();
    expect(theirList.active.map((t: Listed) => t.id)).toEqual([tickets.foreign]);
    const mineByThem = await call(
      p.app,
      "POST",
      `/api/customer/tickets/${tickets.waitingA}/cancel`,
      { token: other.token },
    );
    expect(mineByThem.statusCode).toBe(404);
    expect((await call(p.app, "GET", "/api/customer/tickets")).statusCode).toBe(401);
    const staff = await call(p.app, "GET", "/api/customer/tickets", {
      token: a.operators[0]!.token,
    });
    expect(staff.statusCode).toBe(401);
    expect(staff.json().error.code).toBe("WRONG_REALM");
    // Untouched.
    const row = await a.db
      .selectFrom("tickets")
      .select("status")
      .where("id", "=", tickets.foreign)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("WAITING");
  });

  it("leads a bare tracking link to its company's ticket page; unknown tokens are 404", async () => {
    const entry = await p.ctx.db
      .selectFrom("platform.ticket_index")
      .select("token")
      .where("ticket_id", "=", tickets.waitingA)
      .executeTakeFirstOrThrow();
    const res = await call(p.app, "GET", `/api/public/tracking/${entry.token}`);
    expect(res.json()).toEqual({
      companySlug: a.slug,
      trackPath: `/c/${a.slug}/t/${entry.token}`,
    });
    // A link asked for before its ticket reached the index is answered when the row lands.
    const row = await p.ctx.db
      .deleteFrom("platform.ticket_index")
      .where("token", "=", entry.token)
      .returningAll()
      .executeTakeFirstOrThrow();
    const early = call(p.app, "GET", `/api/public/tracking/${entry.token}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    await p.ctx.db.insertInto("platform.ticket_index").values(row).execute();
    expect((await early).json()).toMatchObject({ companySlug: a.slug });
    // An unknown token is looked for a while, then not found.
    const asked = Date.now();
    expect((await call(p.app, "GET", "/api/public/tracking/nope")).statusCode).toBe(404);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(1500);
    const long = await call(p.app, "GET", `/api/public/tracking/${"x".repeat(200)}`);
    expect(long.statusCode).toBe(414);
    // A suspended company's links lead nowhere.
    await p.ctx.db
      .updateTable("platform.companies")
      .set({ status: "SUSPENDED" })
      .where("id", "=", a.company.id)
      .execute();
    expect((await call(p.app, "GET", `/api/public/tracking/${entry.token}`)).statusCode).toBe(404);
  });
});
