import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";
import { book, bookableBranch, nextPhone, slotsOf, type Slot } from "./booking.test-helpers";

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(async () => p?.close());

describe("booking the last places of a slot", () => {
  it("gives exactly its capacity to 200 customers asking at once", async () => {
    const { slug, branch, services, db } = await bookableBranch(p, { operators: 2 });
    const kassa = services[0]!;
    const slots = (await slotsOf(p, slug, branch.slug, kassa.id)).json().slots as Slot[];
    // An hour ahead: far from "too soon" however slowly 200 requests go.
    const slot = slots[12]!;
    expect(slot.available).toBe(2);
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        book(p, slug, {
          branchId: branch.id,
          serviceId: kassa.id,
          startsAt: slot.startsAt,
          phone: nextPhone(),
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(2);
    expect(codes.filter((c) => c !== 201).every((c) => c === 409)).toBe(true);
    expect(
      new Set(results.filter((r) => r.statusCode === 409).map((r) => r.json().error.code)),
    ).toEqual(new Set(["SLOT_FULL"]));
    const held = await db
      .selectFrom("tickets")
      .select("status")
      .where("service_id", "=", kassa.id)
      .where("appointment_at", "=", new Date(slot.startsAt))
      .execute();
    expect(held).toEqual([{ status: "BOOKED" }, { status: "BOOKED" }]);
    const after = (await slotsOf(p, slug, branch.slug, kassa.id)).json().slots as Slot[];
    expect(after.find((s) => s.startsAt === slot.startsAt)?.available).toBe(0);
  }, 120_000);
});
