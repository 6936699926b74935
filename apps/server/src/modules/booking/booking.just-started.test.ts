import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";
import { bookableOnline, JUST_STARTED_GRACE_MS, onlineSlotAt } from "./booking-slots.service";
import { bookableBranch, slotsOf, type Slot } from "./booking.test-helpers";

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(async () => p?.close());

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
