import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";
import { BookingSetups } from "./booking-setups";
import { book, bookableBranch, nextPhone, slotsOf, type Slot } from "./booking.test-helpers";

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(async () => p?.close());

/** Counts the statements the app sends through ctx.db (BEGIN and COMMIT are not among them). */
function countStatements(platform: TestPlatform) {
  const seen = { n: 0 };
  const plugin: KyselyPlugin = {
    transformQuery: (args) => {
      seen.n++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  const { db: plain, bookings } = platform.ctx;
  platform.ctx.db = plain.withPlugin(plugin) as typeof plain;
  // Its own set-up cache on the counted handle, empty: the first booking reads the set-up.
  platform.ctx.bookings = new BookingSetups(platform.ctx.db);
  return {
    seen,
    restore: () => {
      platform.ctx.db = plain;
      platform.ctx.bookings = bookings;
    },
  };
}

describe("the statements of a booking", () => {
  it("are the lock and the guarded insert when the branch's set-up is kept", async () => {
    const b = await bookableBranch(p, { operators: 1 });
    const kassa = b.services[0]!;
    const slots = (await slotsOf(p, b.slug, b.branch.slug, kassa.id)).json().slots as Slot[];
    const body = { branchId: b.branch.id, serviceId: kassa.id };
    const counter = countStatements(p);
    try {
      const cold = await book(p, b.slug, {
        ...body,
        startsAt: slots[12]!.startsAt,
        phone: nextPhone(),
      });
      expect(cold.statusCode, cold.body).toBe(201);
      // branch, then service + staff + exceptions; the phone's bookings that day; then lock,
      // count + insert.
      expect(counter.seen.n).toBe(7);
      counter.seen.n = 0;
      const kept = await book(p, b.slug, {
        ...body,
        startsAt: slots[13]!.startsAt,
        phone: nextPhone(),
      });
      expect(kept.statusCode, kept.body).toBe(201);
      expect(kept.json().booking).toMatchObject({ status: "BOOKED", label: "O-002" });
      expect(counter.seen.n).toBe(3);
      counter.seen.n = 0;
      // A full slot is refused by the same three: the count under the lock writes nothing.
      const full = await book(p, b.slug, {
        ...body,
        startsAt: slots[13]!.startsAt,
        phone: nextPhone(),
      });
      expect([full.statusCode, full.json().error.code]).toEqual([409, "SLOT_FULL"]);
      expect(counter.seen.n).toBe(3);
    } finally {
      counter.restore();
    }
  }, 60_000);
});
