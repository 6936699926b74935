import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { book, bookableBranch, nextPhone, slotsOf, type Slot } from "./booking.test-helpers";

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(async () => p?.close());

describe("a day the branch closes, or shortens, after customers booked it", () => {
  it("cancels the bookings it has no room for and tells each customer why", async () => {
    const b = await bookableBranch(p, { operators: 1 });
    const slots = (await slotsOf(p, b.slug, b.branch.slug, b.services[0]!.id)).json()
      .slots as Slot[];
    // Two days after today, so nothing on them has started: 10:00 and 16:00, and 11:00 the day after.
    const days = [...new Set(slots.map((s) => s.localDate))];
    const [short, closed] = [days[2]!, days[3]!];
    const at = (day: string, time: string) =>
      slots.find((s) => s.localDate === day && s.localTime === time)!;
    const booked: Record<string, { ticketId: string; phone: string }> = {};
    for (const [name, slot] of [
      ["morning", at(short, "10:00")],
      ["evening", at(short, "16:00")],
      ["closed", at(closed, "11:00")],
    ] as const) {
      const phone = nextPhone();
      const res = await book(p, b.slug, {
        branchId: b.branch.id,
        serviceId: b.services[0]!.id,
        startsAt: slot.startsAt,
        phone,
      });
      expect(res.statusCode, res.body).toBe(201);
      booked[name] = { ticketId: res.json().booking.ticketId ?? res.json().booking.id, phone };
    }
    const exceptions = `/api/c/${b.slug}/admin/branches/${b.branch.id}/exceptions`;
    const shortened = await call(p.app, "POST", exceptions, {
      token: b.adminToken,
      body: {
        day: short,
        kind: "SHORT_DAY",
        opensAt: "09:00",
        closesAt: "13:00",
        note: "Inventarizatsiya",
      },
    });
    expect(shortened.statusCode, shortened.body).toBe(201);
    expect(shortened.json()).toMatchObject({ kind: "SHORT_DAY", cancelledBookings: 1 });
    const holiday = await call(p.app, "POST", exceptions, {
      token: b.adminToken,
      body: { day: closed, kind: "CLOSED", note: "Bayram" },
    });
    expect(holiday.json()).toMatchObject({ kind: "CLOSED", cancelledBookings: 1 });

    const status = async (phone: string) =>
      (
        await b.db
          .selectFrom("tickets")
          .select("status")
          .where("customer_phone", "=", phone)
          .executeTakeFirstOrThrow()
      ).status;
    expect(await status(booked.morning!.phone)).toBe("BOOKED");
    expect(await status(booked.evening!.phone)).toBe("CANCELLED");
    expect(await status(booked.closed!.phone)).toBe("CANCELLED");

    // Each cancelled customer gets the booking-cancelled text with the day's note.
    await p.ctx.events.idle();
    const texts = await p.ctx.db
      .selectFrom("platform.outbox")
      .select(["recipient", "body_text"])
      .where("channel", "=", "sms")
      .where("dedupe_key", "like", "%BOOKING_CANCELLED%")
      .execute();
    const to = (phone: string) =>
      texts.filter((t) => t.recipient === phone).map((t) => t.body_text);
    expect(to(booked.evening!.phone)).toEqual([expect.stringContaining("Inventarizatsiya")]);
    expect(to(booked.closed!.phone)).toEqual([expect.stringContaining("Bayram")]);
    expect(to(booked.morning!.phone)).toEqual([]);

    // A repeat finds nothing more to cancel; an exception on a day with no bookings cancels none.
    await call(p.app, "DELETE", `${exceptions}/${holiday.json().id}`, { token: b.adminToken });
    const again = await call(p.app, "POST", exceptions, {
      token: b.adminToken,
      body: { day: closed, kind: "CLOSED" },
    });
    expect(again.json().cancelledBookings).toBe(0);
  });
});
