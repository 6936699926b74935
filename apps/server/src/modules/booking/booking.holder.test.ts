import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, issueTickets, type TestPlatform } from "../../testing";
import {
  book,
  bookableBranch,
  holder,
  nextPhone,
  slotsOf,
  type Slot,
} from "./booking.test-helpers";
import { expireLateBookings } from "./booking-sweep";

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(async () => p?.close());

const MINUTE = 60_000;

/** A branch, and a booking at its `index`-th slot from now (5-minute slots: index × 5 min). */
async function booked(index: number, opts: Parameters<typeof bookableBranch>[1] = {}) {
  const fixture = await bookableBranch(p, opts);
  const { slug, branch, services } = fixture;
  const slots = (await slotsOf(p, slug, branch.slug, services[0]!.id)).json().slots as Slot[];
  const res = await book(p, slug, {
    branchId: branch.id,
    serviceId: services[0]!.id,
    startsAt: slots[index]!.startsAt,
    phone: nextPhone(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { ...fixture, slots, booking: res.json().booking as { token: string; startsAt: string } };
}

/** Moves a booking's appointment `minutes` from now, as if time had passed. */
async function appointmentIn(f: Awaited<ReturnType<typeof booked>>, minutes: number) {
  await f.db
    .updateTable("tickets")
    .set({ appointment_at: new Date(Date.now() + minutes * MINUTE) })
    .where("token", "=", f.booking.token)
    .execute();
}

const ticketOf = (f: Awaited<ReturnType<typeof booked>>) =>
  f.db
    .selectFrom("tickets")
    .selectAll()
    .where("token", "=", f.booking.token)
    .executeTakeFirstOrThrow();

describe("checking in", () => {
  it("inside the window, queues the booking at its time, and call-next serves it first", async () => {
    const f = await booked(0);
    const read = await call(p.app, "GET", `/api/c/${f.slug}/portal/bookings/${f.booking.token}`);
    expect(read.json().booking.canCheckIn).toBe(true);
    // A walk-in who came earlier still waits behind a booking that is due.
    await issueTickets(p.ctx, f.company, {
      branchId: f.branch.id,
      serviceId: f.services[0]!.id,
      count: 1,
      source: "WALK_IN",
    });
    const res = await holder(p, f.slug, f.booking.token, "check-in");
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().booking.status).toBe("WAITING");
    const row = await ticketOf(f);
    expect(row.queued_at).toEqual(new Date(f.booking.startsAt));
    const events = await f.db
      .selectFrom("ticket_events")
      .select(["type", "from_status", "to_status"])
      .where("ticket_id", "=", row.id)
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.type)).toEqual(["ISSUE", "CHECK_IN"]);
    const op = f.operators[0]!;
    const seat = await call(p.app, "POST", `/api/c/${f.slug}/queue/session`, {
      token: op.token,
      body: { counterId: f.counters[0]!.id },
    });
    expect(seat.statusCode, seat.body).toBe(200);
    const next = await call(p.app, "POST", `/api/c/${f.slug}/queue/call-next`, { token: op.token });
    expect(next.json().ticket.id).toBe(row.id);
    const again = await holder(p, f.slug, f.booking.token, "check-in");
    expect(again.statusCode).toBe(409);
  });

  it("refuses before the window opens (15 minutes before by default)", async () => {
    const f = await booked(6);
    await appointmentIn(f, 16);
    const res = await holder(p, f.slug, f.booking.token, "check-in");
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("CHECK_IN_NOT_OPEN");
    // The time the customer can come back, on the branch's clock (Tashkent), not in UTC.
    const opensAt = new Date(res.json().error.details[0].message);
    const local = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Tashkent",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(opensAt);
    const day = (d: Date) => d.toLocaleDateString("sv-SE", { timeZone: "Asia/Tashkent" });
    const onDay = day(opensAt) === day(new Date()) ? "" : ` on ${day(opensAt)}`;
    expect(res.json().error.message).toBe(
      `Check-in opens 15 minutes before your time, at ${local}${onDay}; come back then.`,
    );
    // A booking of another day names the day: "at 11:45" alone reads as today.
    await appointmentIn(f, 3 * 24 * 60);
    const days = await holder(p, f.slug, f.booking.token, "check-in");
    const later = new Date(days.json().error.details[0].message);
    expect(days.json().error.message).toMatch(new RegExp(` on ${day(later)}; come back then\\.$`));
    await appointmentIn(f, 14);
    expect((await holder(p, f.slug, f.booking.token, "check-in")).statusCode).toBe(200);
  });

  it("after the window, a late customer joins now like a walk-in (the default rule)", async () => {
    const f = await booked(1);
    await appointmentIn(f, -20);
    // The sweep leaves WALK_IN branches alone: the customer may still come.
    expect(await expireLateBookings(p.ctx, f.company, new Date())).toBe(0);
    const before = Date.now();
    const res = await holder(p, f.slug, f.booking.token, "check-in");
    expect(res.statusCode, res.body).toBe(200);
    const row = await ticketOf(f);
    expect(row.status).toBe("WAITING");
    expect(row.queued_at!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("after the window, the EXPIRE rule refuses and the sweep expires the booking", async () => {
    const f = await booked(1, { lateArrival: "EXPIRE" });
    await appointmentIn(f, -14);
    expect(await expireLateBookings(p.ctx, f.company, new Date())).toBe(0);
    await appointmentIn(f, -16);
    const late = await holder(p, f.slug, f.booking.token, "check-in");
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe("CHECK_IN_CLOSED");
    expect(await expireLateBookings(p.ctx, f.company, new Date())).toBe(1);
    const row = await ticketOf(f);
    expect(row.status).toBe("EXPIRED");
    const event = await f.db
      .selectFrom("ticket_events")
      .select(["type", "data"])
      .where("ticket_id", "=", row.id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ type: "EXPIRE", data: { reason: "LATE_FOR_BOOKING" } });
    expect(await expireLateBookings(p.ctx, f.company, new Date())).toBe(0);
  });
});

describe("checking in at the counter", () => {
  const staffCheckIn = (f: Awaited<ReturnType<typeof booked>>, id: string) =>
    call(p.app, "POST", `/api/c/${f.slug}/queue/tickets/${id}/check-in`, {
      token: f.operators[0]!.token,
    });

  it("queues an early customer at the appointment time, as the portal does", async () => {
    const f = await booked(12);
    const row = await ticketOf(f);
    const res = await staffCheckIn(f, row.id);
    expect(res.statusCode, res.body).toBe(200);
    expect((await ticketOf(f)).queued_at).toEqual(new Date(f.booking.startsAt));
  });

  it("refuses a customer whose phone already waits in the line, at the counter as on the portal", async () => {
    const f = await booked(0);
    const row = await ticketOf(f);
    await issueTickets(p.ctx, f.company, {
      branchId: f.branch.id,
      serviceId: f.services[0]!.id,
      count: 1,
      source: "ONLINE",
      phone: row.customer_phone!,
    });
    const atCounter = await staffCheckIn(f, row.id);
    expect(atCounter.statusCode, atCounter.body).toBe(409);
    expect(atCounter.json().error.code).toBe("ALREADY_IN_QUEUE");
    const online = await holder(p, f.slug, f.booking.token, "check-in");
    expect(online.json().error.code).toBe("ALREADY_IN_QUEUE");
    expect((await ticketOf(f)).status).toBe("BOOKED");
  });

  it("refuses a late customer where the branch expires late bookings", async () => {
    const f = await booked(1, { lateArrival: "EXPIRE" });
    await appointmentIn(f, -30);
    const res = await staffCheckIn(f, (await ticketOf(f)).id);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("CHECK_IN_CLOSED");
  });
});

describe("moving and cancelling a booking", () => {
  it("cancel frees the place for someone else", async () => {
    const f = await booked(3, { operators: 1 });
    const slot = f.slots[3]!;
    const body = { branchId: f.branch.id, serviceId: f.services[0]!.id, startsAt: slot.startsAt };
    const full = await book(p, f.slug, { ...body, phone: nextPhone() });
    expect(full.json().error.code).toBe("SLOT_FULL");
    const cancelled = await holder(p, f.slug, f.booking.token, "cancel");
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().booking).toMatchObject({ status: "CANCELLED", canChange: false });
    expect((await book(p, f.slug, { ...body, phone: nextPhone() })).statusCode).toBe(201);
    const twice = await holder(p, f.slug, f.booking.token, "cancel");
    expect(twice.statusCode).toBe(409);
  });

  it("reschedule holds the new place and frees the old one; a full slot leaves it as it was", async () => {
    const f = await booked(3, { operators: 1 });
    const [old, target, taken] = [f.slots[3]!, f.slots[8]!, f.slots[9]!];
    const other = await book(p, f.slug, {
      branchId: f.branch.id,
      serviceId: f.services[0]!.id,
      startsAt: taken.startsAt,
      phone: nextPhone(),
    });
    expect(other.statusCode).toBe(201);
    const refused = await holder(p, f.slug, f.booking.token, "reschedule", {
      startsAt: taken.startsAt,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("SLOT_FULL");
    expect((await ticketOf(f)).appointment_at).toEqual(new Date(old.startsAt));

    const moved = await holder(p, f.slug, f.booking.token, "reschedule", {
      startsAt: target.startsAt,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().booking).toMatchObject({ status: "BOOKED", startsAt: target.startsAt });
    const slots = (await slotsOf(p, f.slug, f.branch.slug, f.services[0]!.id)).json()
      .slots as Slot[];
    const left = (s: Slot) => slots.find((x) => x.startsAt === s.startsAt)?.available;
    expect([left(old), left(target)]).toEqual([1, 0]);
    const types = await f.db
      .selectFrom("ticket_events")
      .select("type")
      .where("ticket_id", "=", (await ticketOf(f)).id)
      .orderBy("id")
      .execute();
    expect(types.map((t) => t.type)).toEqual(["ISSUE", "RESCHEDULE"]);

    for (const startsAt of ["soon", "9999-12-31T23:00:00-05:00"]) {
      const bad = await holder(p, f.slug, f.booking.token, "reschedule", { startsAt });
      expect(bad.statusCode, startsAt).toBe(400);
      expect(bad.json().error.details[0].path).toBe("startsAt");
    }
  });

  it("moving to another day takes that day's next number", async () => {
    const f = await booked(2);
    const later = (
      await slotsOf(
        p,
        f.slug,
        f.branch.slug,
        f.services[0]!.id,
        `&from=${f.slots.at(-1)!.localDate}`,
      )
    ).json().slots as Slot[];
    const before = await ticketOf(f);
    const res = await holder(p, f.slug, f.booking.token, "reschedule", {
      startsAt: later[10]!.startsAt,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await ticketOf(f);
    expect(after.day).toBe(later[10]!.localDate);
    expect(after.day).not.toBe(before.day);
    expect(after.label).toBe("O-001");
  });
});
