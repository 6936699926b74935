import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { book, bookableBranch, nextPhone, slotsOf, type Slot } from "./booking.test-helpers";

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(async () => p?.close());

/** Two operators all day; on the day after tomorrow 10:00 and 15:00 booked twice, 11:00 once. */
async function twoOperatorsBooked() {
  const b = await bookableBranch(p, { operators: 2 });
  const serviceId = b.services[0]!.id;
  const slots = (await slotsOf(p, b.slug, b.branch.slug, serviceId)).json().slots as Slot[];
  const day = [...new Set(slots.map((s) => s.localDate))][2]!;
  for (const time of ["10:00", "10:00", "11:00", "15:00", "15:00"]) {
    const slot = slots.find((s) => s.localDate === day && s.localTime === time)!;
    const res = await book(p, b.slug, {
      branchId: b.branch.id,
      serviceId,
      startsAt: slot.startsAt,
      phone: nextPhone(),
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const check = (staffId: string, body: Record<string, unknown>, token = b.adminToken) =>
    call(p.app, "POST", `/api/c/${b.slug}/admin/staff/${staffId}/bookings-check`, {
      token,
      body,
    });
  return { ...b, serviceId, day, check };
}

const everyDay = (open: string, close: string) =>
  Object.fromEntries(["1", "2", "3", "4", "5", "6", "7"].map((d) => [d, { open, close }]));

describe("checking a staff member's edit against the bookings", () => {
  it("names the booked times a new schedule leaves with fewer operators than bookings", async () => {
    const b = await twoOperatorsBooked();
    const aziza = b.operators[0]!;
    // Mornings only: 15:00 (two booked) keeps one operator; 10:00 and 11:00 keep both.
    const mornings = await b.check(aziza.id, { weeklySchedule: everyDay("08:00", "13:00") });
    expect(mornings.statusCode, mornings.body).toBe(200);
    expect(mornings.json()).toEqual({
      bookingsShort: 1,
      slots: [
        {
          branchId: b.branch.id,
          serviceId: b.serviceId,
          serviceName: expect.objectContaining({ uz: "Kassa" }),
          day: b.day,
          time: "15:00",
          booked: 2,
          places: 1,
        },
      ],
    });
    // Deactivating her, or taking the service away, leaves 10:00 and 15:00 short; 11:00 (one
    // booking) still has a place.
    for (const body of [{ active: false }, { serviceIds: [b.services[1]!.id] }]) {
      const res = await b.check(aziza.id, body);
      expect(res.json().bookingsShort, JSON.stringify(body)).toBe(2);
      expect(res.json().slots.map((s: { time: string }) => s.time)).toEqual(["10:00", "15:00"]);
    }
    // An edit that keeps her hours and services leaves nothing short; asking saves nothing.
    const same = await b.check(aziza.id, { weeklySchedule: everyDay("00:00", "23:59") });
    expect(same.json()).toEqual({ bookingsShort: 0, slots: [] });
    const again = await b.check(aziza.id, { weeklySchedule: everyDay("08:00", "13:00") });
    expect(again.json().bookingsShort).toBe(1);
  });

  it("refuses bodies that are not an edit, and callers the person is not theirs", async () => {
    const b = await twoOperatorsBooked();
    const aziza = b.operators[0]!;
    const bad = await b.check(aziza.id, { active: "no", weeklySchedule: { "9": {} } });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.code).toBe("VALIDATION_FAILED");
    const other = await bookableBranch(p, { operators: 1 });
    const foreign = await b.check(aziza.id, {}, other.adminToken);
    expect([401, 403, 404]).toContain(foreign.statusCode);
    const stray = await call(
      p.app,
      "POST",
      `/api/c/${other.slug}/admin/staff/${aziza.id}/bookings-check`,
      { token: other.adminToken, body: {} },
    );
    expect(stray.statusCode).toBe(404);
    const asOperator = await b.check(aziza.id, {}, aziza.token);
    expect(asOperator.statusCode).toBe(403);
  });
});
