import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { bookingSweep } from "./booking-sweep";
import { book, bookableBranch, nextPhone, slotsOf, type Slot } from "./booking.test-helpers";

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(async () => p?.close());

/** A branch with bookings of its two services: `counts[i]` of service i, each its own customer. */
async function bookedServices(counts: [kassa: number, kredit: number]) {
  const b = await bookableBranch(p, { operators: 2 });
  const phones: string[][] = [[], []];
  for (const [i, service] of b.services.entries()) {
    const slots = (await slotsOf(p, b.slug, b.branch.slug, service.id)).json().slots as Slot[];
    for (const slot of slots.slice(20, 20 + counts[i]!)) {
      const phone = nextPhone();
      const res = await book(p, b.slug, {
        branchId: b.branch.id,
        serviceId: service.id,
        startsAt: slot.startsAt,
        phone,
      });
      expect(res.statusCode, res.body).toBe(201);
      phones[i]!.push(phone);
    }
  }
  const statuses = async (i: number) =>
    (
      await b.db
        .selectFrom("tickets")
        .select("status")
        .where("customer_phone", "in", phones[i]!)
        .execute()
    ).map((t) => t.status);
  const told = async (phone: string) => {
    await p.ctx.events.idle();
    const rows = await p.ctx.db
      .selectFrom("platform.outbox")
      .select("body_text")
      .where("channel", "=", "sms")
      .where("recipient", "=", phone)
      .where("dedupe_key", "like", "%BOOKING_CANCELLED%")
      .execute();
    return rows.map((r) => r.body_text);
  };
  const admin = (method: "GET" | "PATCH" | "PUT", path: string, body?: object) =>
    call(p.app, method, `/api/c/${b.slug}/admin${path}`, { token: b.adminToken, body });
  return { ...b, phones, statuses, told, admin };
}

describe("bookings of a service the branch stops offering", () => {
  it("are counted per service, cancelled when it is paused there, and their customers told why", async () => {
    const b = await bookedServices([2, 1]);
    const [kassa, kredit] = b.services;
    const listed = await b.admin("GET", `/branches/${b.branch.id}/services`);
    expect(
      listed.json().items.map((s: { letter: string; bookings: number }) => [s.letter, s.bookings]),
    ).toEqual([
      ["C", 1],
      ["K", 2],
    ]);

    const services = [
      { serviceId: kassa!.id, enabled: false },
      { serviceId: kredit!.id, enabled: true },
    ];
    const saved = await b.admin("PUT", `/branches/${b.branch.id}/services`, { services });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().cancelledBookings).toBe(2);
    // The list in the answer is read after the cancelling: what is left to each service.
    expect(
      saved.json().items.map((s: { letter: string; bookings: number }) => [s.letter, s.bookings]),
    ).toEqual([
      ["C", 1],
      ["K", 0],
    ]);
    expect(await b.statuses(0)).toEqual(["CANCELLED", "CANCELLED"]);
    expect(await b.statuses(1)).toEqual(["BOOKED"]);
    expect(await b.told(b.phones[0]![0]!)).toEqual([
      expect.stringMatching(/bekor qilindi .*Bu xizmat endi bu filialda ko'rsatilmaydi\.$/),
    ]);
    expect(await b.told(b.phones[1]![0]!)).toEqual([]);
    // Its page says so, and who did it.
    const { token } = await b.db
      .selectFrom("tickets")
      .select("token")
      .where("customer_phone", "=", b.phones[0]![0]!)
      .executeTakeFirstOrThrow();
    const page = await call(p.app, "GET", `/api/c/${b.slug}/portal/bookings/${token}`);
    expect(page.json().booking).toMatchObject({
      status: "CANCELLED",
      cancelled: { by: "COMPANY", reason: "SERVICE", message: null },
    });
    const standing = await b.db
      .selectFrom("tickets")
      .select("token")
      .where("customer_phone", "=", b.phones[1]![0]!)
      .executeTakeFirstOrThrow();
    const kept = await call(p.app, "GET", `/api/c/${b.slug}/portal/bookings/${standing.token}`);
    expect(kept.json().booking).toMatchObject({ status: "BOOKED", cancelled: null });
    // A customer's own cancel says it was theirs.
    const ownCancel = await call(
      p.app,
      "POST",
      `/api/c/${b.slug}/portal/bookings/${standing.token}/cancel`,
    );
    expect(ownCancel.json().booking.cancelled).toEqual({
      by: "CUSTOMER",
      reason: null,
      message: null,
    });
    const own = await call(p.app, "GET", `/api/c/${b.slug}/portal/bookings/${standing.token}`);
    expect(own.json().booking.cancelled).toEqual({ by: "CUSTOMER", reason: null, message: null });
    // Saving the same again cancels nothing more.
    const again = await b.admin("PUT", `/branches/${b.branch.id}/services`, { services });
    expect(again.json().cancelledBookings).toBe(0);
  });

  it("are cancelled when the service is retired or taken from the branch, and counted", async () => {
    const b = await bookedServices([1, 1]);
    const [kassa, kredit] = b.services;
    // Each branch of a service counts its bookings there (the form asks before they go).
    const read = await b.admin("GET", `/services/${kredit!.id}`);
    expect(read.json().branches).toEqual([{ branchId: b.branch.id, enabled: true, bookings: 1 }]);
    // An edit that keeps the service running leaves its bookings alone.
    const renamed = await b.admin("PATCH", `/services/${kredit!.id}`, { durationMinutes: 30 });
    expect(renamed.json()).toMatchObject({ cancelledBookings: 0 });
    expect(await b.statuses(1)).toEqual(["BOOKED"]);

    const retired = await b.admin("PATCH", `/services/${kredit!.id}`, { active: false });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ active: false, cancelledBookings: 1 });
    // Read after the cancelling: nothing is left booked there.
    expect(retired.json().branches).toEqual([
      { branchId: b.branch.id, enabled: true, bookings: 0 },
    ]);
    expect(await b.statuses(1)).toEqual(["CANCELLED"]);

    const moved = await b.admin("PUT", `/services/${kassa!.id}/branches`, { branches: [] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ branches: [], cancelledBookings: 1 });
    expect(await b.statuses(0)).toEqual(["CANCELLED"]);
    expect(await b.told(b.phones[0]![0]!)).toEqual([
      expect.stringContaining("Bu xizmat endi bu filialda"),
    ]);
  });

  it("are cancelled by the minute's sweep when the change's own cancelling never ran", async () => {
    const b = await bookedServices([1, 1]);
    // As if the database went away between saving the change and cancelling its bookings.
    await b.db
      .updateTable("branch_services")
      .set({ enabled: false })
      .where("branch_id", "=", b.branch.id)
      .where("service_id", "=", b.services[1]!.id)
      .execute();
    const sweep = bookingSweep(p.ctx, p.app.log);
    await sweep.runOnce(new Date());
    expect(await b.statuses(0)).toEqual(["BOOKED"]);
    expect(await b.statuses(1)).toEqual(["CANCELLED"]);
    await sweep.runOnce(new Date());
    expect(await b.statuses(0)).toEqual(["BOOKED"]);
  });
});
