import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createBranchWithService,
  createDisplayDevice,
  createTestPlatform,
  deviceAuth,
  issueTickets,
  type TestPlatform,
} from "../../testing";
import { checkInCodeOf } from "../booking";
import {
  book,
  bookableBranch,
  nextPhone,
  slotsOf,
  type Slot,
} from "../booking/booking.test-helpers";

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(async () => p?.close());

const MINUTE = 60_000;

/** A bookable branch with a paired kiosk, and a booking at its first slot (a few minutes away). */
async function bookedAtKiosk(opts: Parameters<typeof bookableBranch>[1] = {}) {
  const f = await bookableBranch(p, opts);
  const kiosk = await createDisplayDevice(p.ctx, f.company, f.branch.id, "KIOSK");
  const slots = (await slotsOf(p, f.slug, f.branch.slug, f.services[0]!.id)).json().slots as Slot[];
  const res = await book(p, f.slug, {
    branchId: f.branch.id,
    serviceId: f.services[0]!.id,
    startsAt: slots[0]!.startsAt,
    phone: nextPhone(),
  });
  expect(res.statusCode, res.body).toBe(201);
  const booking = res.json().booking as { token: string; checkInCode: string; label: string };
  return { ...f, kiosk, booking };
}

const checkIn = (slug: string, device: string | null, body: unknown) =>
  call(p.app, "POST", `/api/c/${slug}/kiosk/check-in`, {
    body,
    ...(device && { headers: deviceAuth(device) }),
  });

const statusOf = async (f: Awaited<ReturnType<typeof bookedAtKiosk>>) =>
  (
    await f.db
      .selectFrom("tickets")
      .select("status")
      .where("token", "=", f.booking.token)
      .executeTakeFirstOrThrow()
  ).status;

async function appointmentIn(f: Awaited<ReturnType<typeof bookedAtKiosk>>, minutes: number) {
  await f.db
    .updateTable("tickets")
    .set({ appointment_at: new Date(Date.now() + minutes * MINUTE) })
    .where("token", "=", f.booking.token)
    .execute();
}

describe("checking a booking in at the kiosk", () => {
  it("by the code on the booking: the ticket is WAITING, checked in by the kiosk", async () => {
    const f = await bookedAtKiosk();
    expect(f.booking.checkInCode).toBe(checkInCodeOf(f.booking.token));
    expect(f.booking.checkInCode).toMatch(/^\d{6}$/);
    const res = await checkIn(f.slug, f.kiosk, { code: f.booking.checkInCode });
    expect(res.statusCode, res.body).toBe(200);
    const { ticket } = res.json();
    expect(ticket).toMatchObject({
      label: f.booking.label,
      status: "WAITING",
      trackPath: `/t/${f.booking.token}`,
      late: false,
      peopleAhead: 0,
    });
    expect(ticket.localTime).toMatch(/^\d\d:\d\d$/);
    expect(await statusOf(f)).toBe("WAITING");
    const event = await f.db
      .selectFrom("ticket_events as e")
      .innerJoin("tickets as t", "t.id", "e.ticket_id")
      .select(["e.type", "e.data"])
      .where("t.token", "=", f.booking.token)
      .where("e.type", "=", "CHECK_IN")
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ by: "KIOSK" });
    // Twice is refused: it is no longer a booking waiting for its customer.
    const again = await checkIn(f.slug, f.kiosk, { code: f.booking.checkInCode });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("INVALID_STATE");
  });

  it("by the scanned QR's token", async () => {
    const f = await bookedAtKiosk();
    const res = await checkIn(f.slug, f.kiosk, { token: f.booking.token });
    expect(res.statusCode, res.body).toBe(200);
    expect(await statusOf(f)).toBe("WAITING");
  });

  it("too early says when check-in opens; too late under the EXPIRE rule is closed", async () => {
    const early = await bookedAtKiosk();
    await appointmentIn(early, 90);
    const res = await checkIn(early.slug, early.kiosk, { code: early.booking.checkInCode });
    expect(res.statusCode).toBe(409);
    const { error } = res.json();
    expect(error.code).toBe("CHECK_IN_NOT_OPEN");
    const opensAt = Date.parse(error.details[0].message);
    expect(error.details[0].path).toBe("opensAt");
    expect(Math.abs(opensAt - (Date.now() + 75 * MINUTE))).toBeLessThan(MINUTE);
    expect(await statusOf(early)).toBe("BOOKED");

    const late = await bookedAtKiosk({ lateArrival: "EXPIRE" });
    await appointmentIn(late, -30);
    const closed = await checkIn(late.slug, late.kiosk, { token: late.booking.token });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe("CHECK_IN_CLOSED");
  });

  it("late under the WALK_IN rule joins now and says so", async () => {
    const f = await bookedAtKiosk();
    await appointmentIn(f, -30);
    const res = await checkIn(f.slug, f.kiosk, { code: f.booking.checkInCode });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().ticket.late).toBe(true);
  });

  it("refuses another branch's booking (404), a walk-in ticket (409), unknown codes and bad input", async () => {
    const f = await bookedAtKiosk();
    const second = await createBranchWithService(p.ctx, f.company, { services: [{ letter: "D" }] });
    const there = await createDisplayDevice(p.ctx, f.company, second.branch.id, "KIOSK");
    for (const body of [{ code: f.booking.checkInCode }, { token: f.booking.token }]) {
      const res = await checkIn(f.slug, there, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(404);
    }
    expect(await statusOf(f)).toBe("BOOKED");

    const [walkIn] = await issueTickets(p.ctx, f.company, {
      branchId: f.branch.id,
      serviceId: f.services[0]!.id,
      count: 1,
      source: "WALK_IN",
    });
    const notBooking = await checkIn(f.slug, f.kiosk, { token: walkIn!.token });
    expect(notBooking.statusCode).toBe(409);
    expect(notBooking.json().error.code).toBe("INVALID_STATE");

    const wrong = String((Number(f.booking.checkInCode) + 1) % 1_000_000).padStart(6, "0");
    expect((await checkIn(f.slug, f.kiosk, { code: wrong })).statusCode).toBe(404);

    const bad = await checkIn(f.slug, f.kiosk, { code: "12ab" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("code");
    expect((await checkIn(f.slug, f.kiosk, {})).statusCode).toBe(400);
    const both = await checkIn(f.slug, f.kiosk, { code: "123456", token: f.booking.token });
    expect(both.statusCode).toBe(400);
  });

  it("refuses anonymous callers, display boards and another company's kiosk", async () => {
    const f = await bookedAtKiosk();
    const other = await bookedAtKiosk();
    const board = await createDisplayDevice(p.ctx, f.company, f.branch.id, "DISPLAY");
    const body = { code: f.booking.checkInCode };
    expect((await checkIn(f.slug, null, body)).statusCode).toBe(401);
    expect((await checkIn(f.slug, board, body)).statusCode).toBe(403);
    expect((await checkIn(f.slug, other.kiosk, body)).statusCode).toBe(401);
    // Its own company's kiosk at its own branch never reaches another company's booking.
    const cross = await checkIn(other.slug, other.kiosk, { token: f.booking.token });
    expect(cross.statusCode).toBe(404);
    expect(await statusOf(f)).toBe("BOOKED");
  });
});
