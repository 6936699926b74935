import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";
import {
  book,
  bookableBranch,
  holder,
  nextPhone,
  slotsOf,
  type Slot,
} from "./booking.test-helpers";

let p: TestPlatform;
beforeAll(async () => {
  // 200 bookings queue for one slot's lock: on a loaded machine the last of them may wait for a
  // connection longer than the default 5 s and be answered 503, which is not what this tests.
  p = await createTestPlatform({ DATABASE_CONNECT_TIMEOUT_MS: "30000" }, { dayEndWorker: false });
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

  it("never gives the last place twice when moves and new bookings race for it", async () => {
    const { slug, branch, services, db } = await bookableBranch(p, { operators: 1 });
    const kassa = services[0]!;
    const slots = (await slotsOf(p, slug, branch.slug, kassa.id)).json().slots as Slot[];
    const target = slots[12]!;
    const body = { branchId: branch.id, serviceId: kassa.id };
    // Ten bookings elsewhere that will all try to move to the target at once.
    const tokens: string[] = [];
    for (const s of slots.slice(20, 30)) {
      const res = await book(p, slug, { ...body, startsAt: s.startsAt, phone: nextPhone() });
      expect(res.statusCode, res.body).toBe(201);
      tokens.push(res.json().booking.token);
    }
    const results = await Promise.all([
      ...tokens.map((token) => holder(p, slug, token, "reschedule", { startsAt: target.startsAt })),
      ...Array.from({ length: 10 }, () =>
        book(p, slug, { ...body, startsAt: target.startsAt, phone: nextPhone() }),
      ),
    ]);
    const won = results.filter((r) => r.statusCode === 200 || r.statusCode === 201);
    expect(won).toHaveLength(1);
    expect(
      results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === "SLOT_FULL"),
    ).toBe(true);
    const holders = await db
      .selectFrom("tickets")
      .select("id")
      .where("service_id", "=", kassa.id)
      .where("appointment_at", "=", new Date(target.startsAt))
      .where("status", "<>", "CANCELLED")
      .execute();
    expect(holders).toHaveLength(1);
    // The losers kept their own times.
    const kept = await db
      .selectFrom("tickets")
      .select("appointment_at")
      .where("token", "in", tokens)
      .execute();
    expect(
      kept.filter((t) => t.appointment_at!.getTime() !== Date.parse(target.startsAt)).length,
    ).toBe(won[0]!.statusCode === 200 ? 9 : 10);
  }, 120_000);
});
