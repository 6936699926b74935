import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  issuerFor,
  openForBookings,
} from "../../testing/queue-factories";
import {
  book,
  bookableBranch,
  holder,
  nextPhone,
  slotsOf,
  type Slot,
} from "../booking/booking.test-helpers";
import { issueTicket } from "../queue";
import type { CompanyRecord } from "../tenancy/company-directory";
import { smsSegments } from "./notification-texts";

describe("notifications from queue events", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  let adminToken: string;
  beforeAll(async () => {
    p = await createTestPlatform(
      { PUBLIC_URL: "https://navbat.example.uz" },
      { dayEndWorker: false },
    );
    ({ company, slug, adminToken } = await createQueueCompany(p));
  });
  afterAll(() => p.close());

  const outbox = () =>
    p.ctx.db
      .selectFrom("platform.outbox")
      .selectAll()
      .where("company_id", "=", company.id)
      .orderBy("created_at")
      .execute();
  const smsTo = async (phone: string) =>
    (await outbox()).filter((m) => m.channel === "sms" && m.recipient === phone);

  it("tells each customer with a phone once per trigger, in Uzbek folded for GSM-7", async () => {
    const setup = await createBranchWithService(p.ctx, company, {
      services: [
        { letter: "A", name: "Kassa" },
        { letter: "B", name: "Kredit" },
      ],
      counters: 2,
      graceSeconds: 0,
    });
    const [kassa, kredit] = setup.services;
    const op = await createQueueOperator(p.ctx, company, {
      branchId: setup.branch.id,
      serviceIds: [kassa!.id, kredit!.id],
    });
    const post = (path: string, body: object = {}) =>
      call(p.app, "POST", `/api/c/${slug}/queue${path}`, { token: op.token, body });
    expect((await post("/session", { counterId: setup.counters[0]!.id })).statusCode).toBe(200);
    const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
    const phones = [
      "+998901000001",
      "+998901000002",
      "+998901000003",
      "+998901000004",
      "+998901000005",
    ];
    const tickets = [];
    for (const phone of phones) {
      tickets.push(
        await issueTicket(p.ctx, company, issuer, {
          branchId: setup.branch.id,
          serviceId: kassa!.id,
          customerPhone: phone.replace("+998", "+998 "),
        }),
      );
    }
    // A ticket without a phone: nobody to tell.
    await issueTicket(p.ctx, company, issuer, { branchId: setup.branch.id, serviceId: kassa!.id });
    await p.ctx.events.idle();

    const taken = await smsTo(phones[0]!);
    expect(taken).toHaveLength(1);
    expect(taken[0]!.body_text).toBe(
      `Navbatingiz ${tickets[0]!.label} (Kassa, Filial ${setup.branch.code}). Kuzatish: https://navbat.example.uz/t/${tickets[0]!.token}`,
    );
    expect(taken[0]!.segments).toBe(1);

    // Call the first: "go to counter N"; the next three are now within 3 of the counter.
    expect((await post("/call-next")).statusCode).toBe(200);
    await p.ctx.events.idle();
    const called = (await smsTo(phones[0]!)).map((m) => m.body_text);
    expect(called[1]).toBe(
      `${tickets[0]!.label}: navbatingiz keldi, ${setup.counters[0]!.number}-oynaga o'ting.`,
    );
    for (const phone of phones.slice(1, 4)) {
      expect((await smsTo(phone)).filter((m) => m.body_text.includes("yaqinlashdi"))).toHaveLength(
        1,
      );
    }
    expect(
      (await smsTo(phones[4]!)).filter((m) => m.body_text.includes("yaqinlashdi")),
    ).toHaveLength(0);

    // No-show of the first (grace 0), then the second is called: the fifth is nearly up, once.
    expect((await post(`/tickets/${tickets[0]!.id}/no-show`)).statusCode).toBe(200);
    expect((await post("/call-next")).statusCode).toBe(200);
    await p.ctx.events.idle();
    expect((await smsTo(phones[0]!)).map((m) => m.body_text).at(-1)).toContain("kelmadingiz");
    for (const phone of phones.slice(1)) {
      expect((await smsTo(phone)).filter((m) => m.body_text.includes("yaqinlashdi"))).toHaveLength(
        1,
      );
    }

    // The second is transferred to Kredit: told its new number.
    const moved = await post(`/tickets/${tickets[1]!.id}/transfer`, { serviceId: kredit!.id });
    expect(moved.statusCode).toBe(200);
    // The company cancels the fifth.
    const cancelled = await call(
      p.app,
      "POST",
      `/api/c/${slug}/queue/tickets/${tickets[4]!.id}/cancel`,
      { token: adminToken, body: { reason: "Filial erta yopildi" } },
    );
    expect(cancelled.statusCode).toBe(200);
    await p.ctx.events.idle();
    expect((await smsTo(phones[1]!)).map((m) => m.body_text).at(-1)).toContain(
      `${moved.json().to.label} raqami bilan "Kredit" xizmatiga o'tkazildi`,
    );
    expect((await smsTo(phones[4]!)).map((m) => m.body_text).at(-1)).toContain("bekor qilindi");

    // Replaying the whole log (a crash before the cursor moved) queues nothing new.
    const before = (await outbox()).length;
    await p.ctx.db
      .withSchema(company.schema_name)
      .updateTable("event_cursors")
      .set({ last_id: 0, last_tx: "0" })
      .where("subscriber", "=", "notifications")
      .execute();
    await p.ctx.events.sweep();
    await p.ctx.events.idle();
    expect(await outbox()).toHaveLength(before);
    // Every notification is an SMS to a phone in E.164 and fits GSM-7.
    for (const m of (await outbox()).filter((m) => m.dedupe_key)) {
      expect(m.channel).toBe("sms");
      expect(m.recipient).toMatch(/^\+998\d{9}$/);
      expect(smsSegments(m.body_text).encoding).toBe("GSM-7");
    }
  });

  it("confirms and cancels a booking, in the company's language", async () => {
    await p.ctx.db
      .updateTable("platform.companies")
      .set({ default_language: "ru" })
      .where("id", "=", company.id)
      .execute();
    // Written behind the API's back: the notification runs' kept texts are dropped by hand.
    p.ctx.notificationTexts.invalidate(company.id);
    const setup = await createBranchWithService(p.ctx, company);
    await openForBookings(p.ctx, company, setup.branch.id, [setup.services[0]!.id]);
    const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
    const at = new Date(Date.now() + 2 * 86_400_000);
    at.setUTCHours(9, 30, 0, 0);
    const booked = await issueTicket(p.ctx, company, issuer, {
      branchId: setup.branch.id,
      serviceId: setup.services[0]!.id,
      customerPhone: "+998907770011",
      appointmentAt: at,
    });
    expect(booked.status).toBe("BOOKED");
    const res = await call(p.app, "POST", `/api/c/${slug}/queue/tickets/${booked.id}/cancel`, {
      token: adminToken,
      body: {},
    });
    expect(res.statusCode).toBe(200);
    await p.ctx.events.idle();
    const texts = (await smsTo("+998907770011")).map((m) => m.body_text);
    const day = String(at.getUTCDate()).padStart(2, "0");
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(new RegExp(`^Вы записаны: ${day}\\.\\d\\d 14:30`));
    expect(texts[1]).toContain(`запись на ${day}.`);
    expect(texts[1]).toContain("отменена");
  });
});

describe("the nearly-up place per service", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
  });
  afterAll(() => p.close());

  it("is set per service by the company admin; 0 turns the message off", async () => {
    const { company, slug, adminToken } = await createQueueCompany(p);
    const setup = await createBranchWithService(p.ctx, company);
    const service = setup.services[0]!;
    const url = `/api/c/${slug}/admin/services/${service.id}`;
    const bad = await call(p.app, "PATCH", url, {
      token: adminToken,
      body: { nearlyUpPosition: 99 },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain("nearlyUpPosition");
    const off = await call(p.app, "PATCH", url, {
      token: adminToken,
      body: { nearlyUpPosition: 0 },
    });
    expect(off.json()).toMatchObject({ nearlyUpPosition: 0 });

    const op = await createQueueOperator(p.ctx, company, {
      branchId: setup.branch.id,
      serviceIds: [service.id],
    });
    await call(p.app, "POST", `/api/c/${slug}/queue/session`, {
      token: op.token,
      body: { counterId: setup.counters[0]!.id },
    });
    const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
    for (const phone of ["+998935550001", "+998935550002"]) {
      await issueTicket(p.ctx, company, issuer, {
        branchId: setup.branch.id,
        serviceId: service.id,
        customerPhone: phone,
      });
    }
    await call(p.app, "POST", `/api/c/${slug}/queue/call-next`, { token: op.token, body: {} });
    await p.ctx.events.idle();
    const texts = await p.ctx.db
      .selectFrom("platform.outbox")
      .select("body_text")
      .where("recipient", "=", "+998935550002")
      .execute();
    expect(texts).toHaveLength(1); // "taken" only
  });
});

describe("booking notifications from the portal", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
  });
  afterAll(() => p.close());

  it("confirms, reschedules (each time) and cancels a portal booking, one SMS each", async () => {
    const f = await bookableBranch(p);
    const slots = (await slotsOf(p, f.slug, f.branch.slug, f.services[0]!.id)).json()
      .slots as Slot[];
    const phone = nextPhone();
    const res = await book(p, f.slug, {
      branchId: f.branch.id,
      serviceId: f.services[0]!.id,
      startsAt: slots[2]!.startsAt,
      phone,
    });
    expect(res.statusCode, res.body).toBe(201);
    const token = res.json().booking.token as string;
    for (const slot of [slots[5]!, slots[7]!]) {
      const moved = await holder(p, f.slug, token, "reschedule", { startsAt: slot.startsAt });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    expect((await holder(p, f.slug, token, "cancel")).statusCode).toBe(200);
    await p.ctx.events.idle();
    // A replay after a crash changes nothing.
    await p.ctx.db
      .withSchema(f.company.schema_name)
      .updateTable("event_cursors")
      .set({ last_id: 0, last_tx: "0" })
      .where("subscriber", "=", "notifications")
      .execute();
    await p.ctx.events.sweep();
    await p.ctx.events.idle();
    const texts = (
      await p.ctx.db
        .selectFrom("platform.outbox")
        .select("body_text")
        .where("recipient", "=", phone)
        .where("dedupe_key", "is not", null)
        .orderBy("created_at")
        .execute()
    ).map((r) => r.body_text);
    expect(texts).toEqual([
      expect.stringMatching(/^Yozildingiz: /),
      expect.stringMatching(/^Yozuvingiz ko'chirildi: /),
      expect.stringMatching(/^Yozuvingiz ko'chirildi: /),
      expect.stringContaining("yozuvingiz bekor qilindi"),
    ]);
  });

  it("speaks the language the customer took the ticket in, over the company's", async () => {
    const f = await bookableBranch(p);
    const phone = nextPhone();
    const res = await call(p.app, "POST", `/api/c/${f.slug}/portal/tickets`, {
      body: { branchId: f.branch.id, serviceId: f.services[0]!.id, phone, language: "en" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const bad = await call(p.app, "POST", `/api/c/${f.slug}/portal/tickets`, {
      body: { branchId: f.branch.id, serviceId: f.services[0]!.id, phone, language: "de" },
    });
    expect(bad.statusCode).toBe(400);
    await p.ctx.events.idle();
    const [sms] = await p.ctx.db
      .selectFrom("platform.outbox")
      .select("body_text")
      .where("recipient", "=", phone)
      .where("dedupe_key", "is not", null)
      .execute();
    expect(sms!.body_text).toMatch(/^Your ticket /);
  });
});
