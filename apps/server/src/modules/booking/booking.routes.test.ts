import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { bookableOnline, JUST_STARTED_GRACE_MS, onlineSlotAt } from "./booking-slots.service";
import {
  book,
  bookableBranch,
  nextAddress,
  nextPhone,
  slotsOf,
  type Slot,
} from "./booking.test-helpers";

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(async () => p?.close());

describe("the slots of a service", () => {
  it("lists the week's times from the branch's hours and staff, with the places left", async () => {
    const { slug, branch, services } = await bookableBranch(p, { operators: 3 });
    const res = await slotsOf(p, slug, branch.slug, services[0]!.id);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.branch).toMatchObject({ id: branch.id, timeZone: "Asia/Tashkent" });
    expect(body.service).toMatchObject({ id: services[0]!.id, durationMinutes: 5 });
    expect(body.firstDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const slots = body.slots as Slot[];
    expect(slots.length).toBeGreaterThan(100);
    expect(slots.every((s) => s.available === 3)).toBe(true);
    expect(new Date(slots[0]!.startsAt).getTime()).toBeGreaterThan(Date.now());
    // The week from today: the six days after it have times; today only while some are left
    // (in its last minutes none are, and the week then shows six days).
    const week = Array.from({ length: 7 }, (_, i) =>
      new Date(Date.parse(`${body.firstDay}T00:00:00Z`) + i * 86_400_000)
        .toISOString()
        .slice(0, 10),
    );
    const days = new Set(slots.map((s) => s.localDate));
    expect([...days].every((d) => week.includes(d))).toBe(true);
    expect(week.slice(1).every((d) => days.has(d))).toBe(true);
    const oneDay = await slotsOf(
      p,
      slug,
      branch.slug,
      services[0]!.id,
      `&from=${body.lastDay}&to=${body.lastDay}`,
    );
    expect(oneDay.json().slots).toHaveLength(288);
  });

  it("offers nothing without hours or scheduled staff, and refuses services not online", async () => {
    const { slug, branch, services, db, operators } = await bookableBranch(p, { operators: 1 });
    await db
      .updateTable("staff")
      .set({ weekly_schedule: "{}" })
      .where("id", "=", operators[0]!.id)
      .execute();
    expect((await slotsOf(p, slug, branch.slug, services[0]!.id)).json().slots).toEqual([]);
    await db
      .updateTable("services")
      .set({ online_booking: false })
      .where("id", "=", services[1]!.id)
      .execute();
    const offline = await slotsOf(p, slug, branch.slug, services[1]!.id);
    expect(offline.statusCode).toBe(409);
    expect(offline.json().error.code).toBe("SERVICE_NOT_OFFERED");
  });

  it("answers 400 with the field for bad days and ids", async () => {
    const { slug, branch, services } = await bookableBranch(p);
    const cases: [string, string][] = [
      [`?serviceId=nope`, "serviceId"],
      [`?serviceId=${services[0]!.id}&from=2026-02-30`, "from"],
      [`?serviceId=${services[0]!.id}&to=tomorrow`, "to"],
      [`?serviceId=${services[0]!.id}&from=2026-01-01&to=2026-03-01`, "to"],
      [`?serviceId=${services[0]!.id}&from=2026-03-01&to=2026-01-01`, "to"],
      [`?serviceId=${services[0]!.id}&extra=1`, ""],
    ];
    for (const [query, path] of cases) {
      const res = await call(
        p.app,
        "GET",
        `/api/c/${slug}/portal/branches/${branch.slug}/slots${query}`,
      );
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
      if (path) expect(res.json().error.details[0].path, query).toBe(path);
    }
  });

  it("answers the calendar's last days with no times, not an error", async () => {
    const { slug, branch, services } = await bookableBranch(p);
    for (const query of [
      "&from=9999-12-31",
      "&from=9999-12-26",
      "&from=9999-12-25&to=9999-12-31",
    ]) {
      const res = await slotsOf(p, slug, branch.slug, services[0]!.id, query);
      expect(res.statusCode, query).toBe(200);
      expect(res.json().slots, query).toEqual([]);
    }
  });

  it("answers 404 for another company's branch or service", async () => {
    const a = await bookableBranch(p);
    const b = await bookableBranch(p);
    const foreignBranch = await slotsOf(p, a.slug, b.branch.slug, a.services[0]!.id);
    expect(foreignBranch.statusCode).toBe(404);
    expect(foreignBranch.json().error.message).toContain("The branch");
    const foreignService = await slotsOf(p, a.slug, a.branch.slug, b.services[0]!.id);
    expect(foreignService.statusCode).toBe(404);
    // The branch is there: it is the service that is not (the message names the right one).
    expect(foreignService.json().error.message).toContain("The service");
    const noCompany = await slotsOf(p, "no-such-company", a.branch.slug, a.services[0]!.id);
    expect(noCompany.statusCode).toBe(404);
  });
});

describe("booking a time", () => {
  it("creates a BOOKED online ticket at the slot, with its link, and takes one place", async () => {
    const { slug, branch, services, db } = await bookableBranch(p, { operators: 2 });
    const slot = (
      (await slotsOf(p, slug, branch.slug, services[0]!.id)).json().slots as Slot[]
    )[3]!;
    const res = await book(p, slug, {
      branchId: branch.id,
      serviceId: services[0]!.id,
      startsAt: slot.startsAt,
      phone: "90 111 22 33",
      name: "Dilnoza",
    });
    expect(res.statusCode).toBe(201);
    const { booking } = res.json();
    expect(booking).toMatchObject({
      label: "O-001",
      status: "BOOKED",
      startsAt: slot.startsAt,
      localDate: slot.localDate,
      localTime: slot.localTime,
      timeZone: "Asia/Tashkent",
      customerName: "Dilnoza",
      canChange: true,
      trackPath: `/t/${booking.token}`,
    });
    const row = await db
      .selectFrom("tickets")
      .select(["source", "status", "customer_phone", "appointment_at", "queued_at"])
      .where("token", "=", booking.token)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      source: "ONLINE",
      status: "BOOKED",
      customer_phone: "+998901112233",
      appointment_at: new Date(slot.startsAt),
      queued_at: null,
    });
    const after = (await slotsOf(p, slug, branch.slug, services[0]!.id)).json().slots as Slot[];
    expect(after.find((s) => s.startsAt === slot.startsAt)?.available).toBe(1);
    const read = await call(p.app, "GET", `/api/c/${slug}/portal/bookings/${booking.token}`);
    expect(read.json().booking.label).toBe("O-001");
    const tracked = await call(p.app, "GET", `/api/c/${slug}/public/tickets/${booking.token}`);
    expect(tracked.json()).toMatchObject({ status: "BOOKED", appointmentAt: slot.startsAt });
  });

  it("books the last time of the horizon's last day, and nothing after it", async () => {
    const { slug, branch, services } = await bookableBranch(p);
    const first = (await slotsOf(p, slug, branch.slug, services[0]!.id)).json();
    const last = first.lastDay as string;
    const lastDay = (
      await slotsOf(p, slug, branch.slug, services[0]!.id, `&from=${last}&to=${last}`)
    ).json().slots as Slot[];
    const body = { branchId: branch.id, serviceId: services[0]!.id, phone: nextPhone() };
    const res = await book(p, slug, { ...body, startsAt: lastDay.at(-1)!.startsAt });
    expect(res.statusCode, res.body).toBe(201);
    const beyond = new Date(new Date(lastDay.at(-1)!.startsAt).getTime() + 10 * 60_000);
    const refused = await book(p, slug, { ...body, startsAt: beyond.toISOString() });
    expect(refused.json().error.code).toBe("SLOT_NOT_AVAILABLE");
  });

  it("refuses a second booking of one phone at one time, and times off the grid", async () => {
    const { slug, branch, services } = await bookableBranch(p, { operators: 2 });
    const slot = (
      (await slotsOf(p, slug, branch.slug, services[0]!.id)).json().slots as Slot[]
    )[5]!;
    const body = { branchId: branch.id, serviceId: services[0]!.id, startsAt: slot.startsAt };
    expect((await book(p, slug, { ...body, phone: "+998 90 777 00 11" })).statusCode).toBe(201);
    const again = await book(p, slug, { ...body, phone: "907770011" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("ALREADY_BOOKED");
    const offGrid = new Date(new Date(slot.startsAt).getTime() + 60_000).toISOString();
    const odd = await book(p, slug, { ...body, startsAt: offGrid, phone: nextPhone() });
    expect(odd.statusCode).toBe(409);
    expect(odd.json().error.code).toBe("SLOT_NOT_AVAILABLE");
    const past = await book(p, slug, {
      ...body,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      phone: nextPhone(),
    });
    expect(past.json().error.code).toBe("SLOT_NOT_AVAILABLE");
  });

  it("answers 400 with the field for bad input", async () => {
    const { slug, branch, services } = await bookableBranch(p);
    const good = {
      branchId: branch.id,
      serviceId: services[0]!.id,
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      phone: nextPhone(),
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...good, phone: "12" }, "phone"],
      [{ ...good, phone: undefined }, "phone"],
      [{ ...good, startsAt: "tomorrow at nine" }, "startsAt"],
      [{ ...good, startsAt: "2026-12-01T09:00:00" }, "startsAt"],
      // Valid ISO date-times whose day, in UTC or the branch's zone, is off the calendar.
      [{ ...good, startsAt: "9999-12-31T23:00:00-05:00" }, "startsAt"],
      [{ ...good, startsAt: "9999-12-31T23:00:00+05:00" }, "startsAt"],
      [{ ...good, startsAt: "0000-01-01T00:00:00+05:00" }, "startsAt"],
      [{ ...good, branchId: "x" }, "branchId"],
      [{ ...good, serviceId: 5 }, "serviceId"],
      [{ ...good, name: "" }, "name"],
      [{ ...good, name: "x".repeat(101) }, "name"],
      [{ ...good, priority: 9 }, ""],
    ];
    for (const [body, path] of cases) {
      const res = await book(p, slug, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (path) expect(res.json().error.details[0].path, path).toBe(path);
    }
  });

  it("answers 404 for another company's branch or service, and an unknown token", async () => {
    const a = await bookableBranch(p);
    const b = await bookableBranch(p);
    const slot = (
      (await slotsOf(p, b.slug, b.branch.slug, b.services[0]!.id)).json().slots as Slot[]
    )[2]!;
    for (const body of [
      { branchId: b.branch.id, serviceId: b.services[0]!.id },
      { branchId: a.branch.id, serviceId: b.services[0]!.id },
    ]) {
      const res = await book(p, a.slug, { ...body, startsAt: slot.startsAt, phone: nextPhone() });
      expect(res.statusCode).toBe(404);
    }
    const mine = await book(p, b.slug, {
      branchId: b.branch.id,
      serviceId: b.services[0]!.id,
      startsAt: slot.startsAt,
      phone: nextPhone(),
    });
    const token = mine.json().booking.token as string;
    for (const [method, suffix] of [
      ["GET", ""],
      ["GET", "/calendar.ics"],
      ["POST", "/check-in"],
      ["POST", "/cancel"],
    ] as const) {
      const foreign = await call(
        p.app,
        method,
        `/api/c/${a.slug}/portal/bookings/${token}${suffix}`,
      );
      expect(foreign.statusCode, `${method} ${suffix}`).toBe(404);
      const unknown = await call(
        p.app,
        method,
        `/api/c/${b.slug}/portal/bookings/x${token}${suffix}`,
      );
      expect(unknown.statusCode, `${method} ${suffix} unknown`).toBe(404);
    }
    const moved = await call(
      p.app,
      "POST",
      `/api/c/${a.slug}/portal/bookings/${token}/reschedule`,
      {
        body: { startsAt: slot.startsAt },
      },
    );
    expect(moved.statusCode).toBe(404);
  });

  it("limits bookings per phone number and per client address", async () => {
    const { slug, branch, services } = await bookableBranch(p, { operators: 3 });
    const slots = (await slotsOf(p, slug, branch.slug, services[0]!.id)).json().slots as Slot[];
    const phone = nextPhone();
    const byPhone = [];
    // One a day: the rate per phone number is what stops the fourth.
    const days = [...new Set(slots.map((s) => s.localDate))].slice(1, 5);
    for (const day of days) {
      const s = slots.find((x) => x.localDate === day)!;
      const body = { branchId: branch.id, serviceId: services[0]!.id, startsAt: s.startsAt, phone };
      byPhone.push((await book(p, slug, body)).statusCode);
    }
    expect(byPhone).toEqual([201, 201, 201, 429]);
    // Two open bookings a day at a branch per phone number from the portal; not a third.
    const hoarder = nextPhone();
    const sameDay = slots.filter((s) => s.localDate === days[3]).slice(5, 8);
    const third = [];
    for (const s of sameDay) {
      const body = {
        branchId: branch.id,
        serviceId: services[0]!.id,
        startsAt: s.startsAt,
        phone: hoarder,
      };
      third.push(await book(p, slug, body));
    }
    expect(third.map((r) => r.statusCode)).toEqual([201, 201, 409]);
    expect(third[2]!.json().error).toMatchObject({
      code: "ALREADY_BOOKED",
      message: expect.stringContaining("already has 2 bookings"),
    });
    const ip = nextAddress();
    const limit = p.ctx.config.PORTAL_PLACES_PER_ADDRESS;
    const byAddress = [];
    for (const s of slots.slice(10, 11 + limit)) {
      const body = {
        branchId: branch.id,
        serviceId: services[0]!.id,
        startsAt: s.startsAt,
        phone: nextPhone(),
      };
      byAddress.push((await book(p, slug, body, ip)).statusCode);
    }
    expect(byAddress).toHaveLength(limit + 1);
    expect(byAddress.slice(0, limit).every((c) => c === 201)).toBe(true);
    expect(byAddress[limit]).toBe(429);
  });
});

describe("the booking as a calendar file", () => {
  it("is an RFC 5545 event at the booked time that a calendar parser reads", async () => {
    const { slug, branch, services } = await bookableBranch(p);
    const slot = (
      (await slotsOf(p, slug, branch.slug, services[0]!.id)).json().slots as Slot[]
    )[4]!;
    const { booking } = (
      await book(p, slug, {
        branchId: branch.id,
        serviceId: services[0]!.id,
        startsAt: slot.startsAt,
        phone: nextPhone(),
      })
    ).json();
    expect(booking.calendarPath).toBe(
      `/api/c/${slug}/portal/bookings/${booking.token}/calendar.ics`,
    );
    const res = await call(p.app, "GET", `${booking.calendarPath}?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(1);
    const event = new ICAL.Event(events[0]!);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(slot.startsAt).toISOString());
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(
      5 * 60_000,
    );
    expect(event.summary).toContain("Kassa");
    expect(event.summary).toContain(booking.label);
    expect(event.uid).toBe(`${booking.token}@equeue`);
    expect(event.description).toContain(`/t/${booking.token}`);
    expect(events[0]!.getFirstPropertyValue("status")).toBe("CONFIRMED");
    await p.app.inject({
      method: "POST",
      url: `/api/c/${slug}/portal/bookings/${booking.token}/cancel`,
    });
    const gone = await call(p.app, "GET", booking.calendarPath);
    const cancelled = new ICAL.Component(ICAL.parse(gone.body)).getFirstSubcomponent("vevent")!;
    expect(cancelled.getFirstPropertyValue("status")).toBe("CANCELLED");
  });
});

// The list offers the next slot however soon it starts; a customer who picked it and then typed
// a phone number on a slow phone books it a little after it started.
describe("a slot that has just started", () => {
  it("can still be booked for two minutes after its start, and not after", async () => {
    const { slug, branch, services } = await bookableBranch(p);
    const company = (await p.ctx.directory.findBySlug(slug))!;
    const slot = (
      (await slotsOf(p, slug, branch.slug, services[0]!.id)).json().slots as Slot[]
    )[3]!;
    const start = new Date(slot.startsAt);
    const setup = bookableOnline(
      await p.ctx.bookings.get(company, { id: branch.id }, services[0]!.id, start),
    );
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(onlineSlotAt(setup, start, at(-60_000)).start).toEqual(start);
    expect(onlineSlotAt(setup, start, at(60_000)).start).toEqual(start);
    expect(onlineSlotAt(setup, start, at(JUST_STARTED_GRACE_MS)).start).toEqual(start);
    expect(() => onlineSlotAt(setup, start, at(JUST_STARTED_GRACE_MS + 1000))).toThrow(
      expect.objectContaining({ code: "SLOT_NOT_AVAILABLE" }),
    );
  });
});
