import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { book, bookableBranch, nextPhone, slotsOf, type Slot } from "./booking.test-helpers";

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(async () => p?.close());

type Branch = Awaited<ReturnType<typeof branchWithAdmin>>;

/** A booking made by staff at reception: POST /queue/tickets with an appointment time. */
const staffBook = (b: Branch, startsAt: string, phone = nextPhone()) =>
  call(p.app, "POST", `/api/c/${b.slug}/queue/tickets`, {
    token: b.operators[0]!.token,
    body: {
      branchId: b.branch.id,
      serviceId: b.services[0]!.id,
      customerPhone: phone,
      appointmentAt: startsAt,
    },
  });

const portalBook = (b: Branch, startsAt: string) =>
  book(p, b.slug, {
    branchId: b.branch.id,
    serviceId: b.services[0]!.id,
    startsAt,
    phone: nextPhone(),
  });

const held = async (b: Branch, startsAt: string) =>
  (
    await b.db
      .selectFrom("tickets")
      .select(["source", "status"])
      .where("service_id", "=", b.services[0]!.id)
      .where("appointment_at", "=", new Date(startsAt))
      .where("status", "<>", "CANCELLED")
      .execute()
  ).map((t) => t.source);

const setCap = (b: Branch, cap: number | null) =>
  call(p.app, "PATCH", `/api/c/${b.slug}/admin/branches/${b.branch.id}`, {
    token: b.adminToken,
    body: { settings: { onlineCapPerSlot: cap } },
  });

async function branchWithAdmin(operators: number) {
  const b = await bookableBranch(p, { operators });
  const admin = await b.db
    .selectFrom("staff")
    .select(["id", "email"])
    .where("role", "=", "COMPANY_ADMIN")
    .executeTakeFirstOrThrow();
  const adminToken = await p.ctx.tokens.sign({
    realm: "company",
    sub: admin.id,
    email: admin.email,
    role: "COMPANY_ADMIN",
    companyId: b.company.id,
    mustChangePassword: false,
  });
  return { ...b, adminToken };
}

describe("the online cap per slot", () => {
  it("offers the portal at most the cap, refuses it beyond, and lets staff fill the slot", async () => {
    const b = await branchWithAdmin(3);
    const kassa = b.services[0]!;
    const before = (await slotsOf(p, b.slug, b.branch.slug, kassa.id)).json().slots as Slot[];
    const slot = before[12]!;
    expect(slot).toMatchObject({ available: 3 });
    // The admin sets the cap through the branch settings; the portal sees it at once.
    const patched = await setCap(b, 2);
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().settings.onlineCapPerSlot).toBe(2);
    const capped = (await slotsOf(p, b.slug, b.branch.slug, kassa.id)).json();
    const s = capped.slots.find((x: Slot) => x.startsAt === slot.startsAt);
    expect(s).toMatchObject({ capacity: 2, available: 2 });
    expect((await portalBook(b, slot.startsAt)).statusCode).toBe(201);
    expect((await portalBook(b, slot.startsAt)).statusCode).toBe(201);
    const third = await portalBook(b, slot.startsAt);
    expect([third.statusCode, third.json().error.code]).toEqual([409, "SLOT_FULL"]);
    // Staff may use the place the cap keeps for walk-ins — and no more.
    const staff = await staffBook(b, slot.startsAt);
    expect(staff.statusCode, staff.body).toBe(201);
    expect(staff.json().ticket).toMatchObject({ status: "BOOKED", source: "WALK_IN" });
    const fourth = await staffBook(b, slot.startsAt);
    expect([fourth.statusCode, fourth.json().error.code]).toEqual([409, "SLOT_FULL"]);
    expect((await held(b, slot.startsAt)).sort()).toEqual(["ONLINE", "ONLINE", "WALK_IN"]);
    // Staff bookings count against the portal too: a slot staff half-filled offers less.
    const next = before[13]!;
    expect((await staffBook(b, next.startsAt)).statusCode).toBe(201);
    expect((await staffBook(b, next.startsAt)).statusCode).toBe(201);
    const late = await portalBook(b, next.startsAt);
    expect([late.statusCode, late.json().error.code]).toEqual([409, "SLOT_FULL"]);
    // Empty again: every operator scheduled is a place online.
    expect((await setCap(b, null)).statusCode).toBe(200);
    expect((await portalBook(b, next.startsAt)).statusCode).toBe(201);
    const bad = await setCap(b, 0);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("settings.onlineCapPerSlot");
  }, 120_000);

  it("refuses staff bookings off the slot grid, as the portal's, and one phone twice", async () => {
    const b = await branchWithAdmin(2);
    const slots = (await slotsOf(p, b.slug, b.branch.slug, b.services[0]!.id)).json()
      .slots as Slot[];
    const off = new Date(Date.parse(slots[12]!.startsAt) + 60_000).toISOString();
    const res = await staffBook(b, off);
    expect([res.statusCode, res.json().error.code]).toEqual([409, "SLOT_NOT_AVAILABLE"]);
    const phone = nextPhone();
    expect((await staffBook(b, slots[12]!.startsAt, phone)).statusCode).toBe(201);
    const again = await staffBook(b, slots[12]!.startsAt, phone);
    expect([again.statusCode, again.json().error.code]).toEqual([409, "ALREADY_BOOKED"]);
  });
});

describe("staff and portal bookings racing for one slot", () => {
  it("give exactly its capacity (2), whoever asks", async () => {
    const b = await branchWithAdmin(2);
    const slots = (await slotsOf(p, b.slug, b.branch.slug, b.services[0]!.id)).json()
      .slots as Slot[];
    const slot = slots[12]!;
    expect(slot.available).toBe(2);
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 2 === 0 ? staffBook(b, slot.startsAt) : portalBook(b, slot.startsAt),
      ),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(2);
    const refusals = results.filter((r) => r.statusCode !== 201);
    expect(new Set(refusals.map((r) => `${r.statusCode} ${r.json().error.code}`))).toEqual(
      new Set(["409 SLOT_FULL"]),
    );
    expect(await held(b, slot.startsAt)).toHaveLength(2);
  }, 120_000);
});
