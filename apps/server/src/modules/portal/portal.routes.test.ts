import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  createTestPlatform,
  setBranchHours,
  tashkentTuesday,
  TUESDAY_WITH_LUNCH,
  type TestPlatform,
} from "../../testing";
import { companyDb, type CompanyRecord } from "../tenancy/company-directory";
import { companyPage } from "./portal.service";

let p: TestPlatform;

async function setStatus(slug: string, status: "ACTIVE" | "INACTIVE" | "SUSPENDED" | "DELETED") {
  await p.ctx.db
    .updateTable("platform.companies")
    .set({ status })
    .where("slug", "=", slug)
    .execute();
  p.ctx.directory.invalidate(slug);
  return (await p.ctx.directory.findBySlug(slug))!;
}

async function publicCompany(opts: Parameters<typeof createBranchWithService>[2] = {}) {
  const { slug } = await createQueueCompany(p);
  const company = await setStatus(slug, "ACTIVE");
  const seeded = await createBranchWithService(p.ctx, company, {
    services: [
      { letter: "K", name: "Kassa", durationMinutes: 10 },
      { letter: "C", name: "Kredit" },
    ],
    ...opts,
  });
  return { slug, company, ...seeded };
}

let clients = 0;
/** Each join comes from its own client address unless one is given (the per-address limit). */
const join = (
  slug: string,
  body: Record<string, unknown>,
  ip = `10.0.${++clients >> 8}.${clients & 255}`,
) =>
  p.app.inject({
    method: "POST",
    url: `/api/c/${slug}/portal/tickets`,
    headers: { "content-type": "application/json" },
    payload: JSON.stringify(body),
    remoteAddress: ip,
  });

beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p?.close());

describe("the customer portal of a company", () => {
  it("shows an active company's branches with today's hours and open-now", async () => {
    const { slug, branch } = await publicCompany();
    const res = await call(p.app, "GET", `/api/c/${slug}/portal`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.company.slug).toBe(slug);
    expect(body.branches).toHaveLength(1);
    const b = body.branches[0];
    expect(b).toMatchObject({
      id: branch.id,
      slug: branch.slug,
      openNow: true,
      closedReason: null,
    });
    expect(b.week).toHaveLength(7);
    expect(b.today.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("says a branch on its lunch break opens again at the break's end, not that it is closed", async () => {
    const { company, branch } = await publicCompany();
    await setBranchHours(p.ctx, company, branch.id, TUESDAY_WITH_LUNCH);
    const at = async (hhmm: string) =>
      (await companyPage(companyDb(p.ctx.db, company), company, tashkentTuesday(hhmm)))
        .branches[0]!;
    expect(await at("13:30")).toMatchObject({ openNow: false, breakUntil: "14:00" });
    expect(await at("10:00")).toMatchObject({ openNow: true, breakUntil: null });
    expect(await at("18:30")).toMatchObject({ openNow: false, breakUntil: null });
  });

  it("finds active companies in the directory by name, and never inactive ones", async () => {
    const { slug } = await publicCompany();
    const hidden = await publicCompany();
    await setStatus(hidden.slug, "INACTIVE");
    const all = await call(p.app, "GET", `/api/public/companies`);
    const slugs = all.json().items.map((c: { slug: string }) => c.slug);
    expect(slugs).toContain(slug);
    expect(slugs).not.toContain(hidden.slug);
    const found = await call(p.app, "GET", `/api/public/companies?search=${slug.toUpperCase()}`);
    expect(found.json().items.map((c: { slug: string }) => c.slug)).toEqual([slug]);
    const none = await call(p.app, "GET", `/api/public/companies?search=%25`);
    expect(none.json().items).toEqual([]);
  });

  it("is invisible for inactive, suspended and deleted companies", async () => {
    for (const status of ["INACTIVE", "SUSPENDED", "DELETED"] as const) {
      const { slug, branch } = await publicCompany();
      await setStatus(slug, status);
      for (const url of [
        `/api/c/${slug}/portal`,
        `/api/c/${slug}/portal/branches/${branch.slug}`,
      ]) {
        const res = await call(p.app, "GET", url);
        expect(res.statusCode, `${status} ${url}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect([403, 404]).toContain(res.statusCode);
      }
    }
  });

  it("lists a branch's services with the people waiting, operators serving and a wait range", async () => {
    const { slug, company, branch, services, counters } = await publicCompany();
    const kassa = services[0]!;
    const op = await createQueueOperator(p.ctx, company, {
      branchId: branch.id,
      serviceIds: [kassa.id],
    });
    await call(p.app, "POST", `/api/c/${slug}/queue/session`, {
      token: op.token,
      body: { counterId: counters[0]!.id },
    });
    for (const phone of ["+998901111111", "+998902222222"]) {
      expect(
        (await join(slug, { branchId: branch.id, serviceId: kassa.id, phone })).statusCode,
      ).toBe(201);
    }
    const res = await call(p.app, "GET", `/api/c/${slug}/portal/branches/${branch.slug}`);
    expect(res.statusCode).toBe(200);
    const line = res.json().services.find((s: { id: string }) => s.id === kassa.id);
    expect(line).toMatchObject({ waiting: 2, operatorsServing: 1, joinOnline: true });
    // Numbered by source: a place taken online is O-…, whatever the service's letter.
    expect(line).toMatchObject({ letter: "K", ticketSeries: "O" });
    expect(line.wait.highMinutes).toBeGreaterThanOrEqual(line.wait.lowMinutes);
    expect(line.wait.minutes).toBe(20);
  });

  it("answers 404 for a branch of another company", async () => {
    const a = await publicCompany();
    const b = await publicCompany();
    const res = await call(p.app, "GET", `/api/c/${a.slug}/portal/branches/${b.branch.slug}`);
    expect(res.statusCode).toBe(404);
    const joinOther = await join(a.slug, {
      branchId: b.branch.id,
      serviceId: b.services[0]!.id,
      phone: "+998903333333",
    });
    expect(joinOther.statusCode).toBe(404);
  });
});

describe("taking a place now", () => {
  it("issues an ONLINE ticket O-001 through the queue, with its tracking link", async () => {
    const { slug, company, branch, services } = await publicCompany();
    const res = await join(slug, {
      branchId: branch.id,
      serviceId: services[0]!.id,
      phone: "90 123 45 67",
      name: "Aziz Karimov",
    });
    expect(res.statusCode).toBe(201);
    const { ticket } = res.json();
    expect(ticket.label).toBe("O-001");
    expect(ticket.status).toBe("WAITING");
    expect(ticket.trackPath).toBe(`/t/${ticket.token}`);
    const row = await companyDb(p.ctx.db, company as CompanyRecord)
      .selectFrom("tickets")
      .select(["source", "customer_phone", "customer_name"])
      .where("token", "=", ticket.token)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      source: "ONLINE",
      customer_phone: "+998901234567",
      customer_name: "Aziz Karimov",
    });
    const tracked = await call(p.app, "GET", `/api/c/${slug}/public/tickets/${ticket.token}`);
    expect(tracked.statusCode).toBe(200);
  });

  it("refuses a second open place for the same phone in the same line, whatever its format", async () => {
    const { slug, branch, services } = await publicCompany();
    const body = { branchId: branch.id, serviceId: services[0]!.id };
    expect((await join(slug, { ...body, phone: "+998 90 555 44 33" })).statusCode).toBe(201);
    const again = await join(slug, { ...body, phone: "905554433" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("ALREADY_IN_QUEUE");
    // Another line of the same branch is fine.
    const other = await join(slug, { ...body, serviceId: services[1]!.id, phone: "905554433" });
    expect(other.statusCode).toBe(201);
  });

  it("never gives one phone two places when it asks twice at once", async () => {
    const { slug, company, branch, services } = await publicCompany();
    const body = { branchId: branch.id, serviceId: services[0]!.id, phone: "+998907776655" };
    const results = await Promise.all(Array.from({ length: 5 }, () => join(slug, body)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    // The rest are refused: the database (409) or, past three tries, the per-phone limit (429).
    expect(results.every((r) => [201, 409, 429].includes(r.statusCode))).toBe(true);
    const rows = await companyDb(p.ctx.db, company as CompanyRecord)
      .selectFrom("tickets")
      .select("id")
      .where("customer_phone", "=", "+998907776655")
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("refuses with a reason: service not online, branch closed, daily limit, bad phone", async () => {
    const closed = await publicCompany({ status: "CLOSED" });
    const r1 = await join(closed.slug, {
      branchId: closed.branch.id,
      serviceId: closed.services[0]!.id,
      phone: "+998901010101",
    });
    expect(r1.statusCode).toBe(409);
    expect(r1.json().error.code).toBe("BRANCH_CLOSED");

    const limited = await publicCompany({ dailyLimit: 1 });
    const base = { branchId: limited.branch.id, serviceId: limited.services[0]!.id };
    expect((await join(limited.slug, { ...base, phone: "+998901010102" })).statusCode).toBe(201);
    const r2 = await join(limited.slug, { ...base, phone: "+998901010103" });
    expect(r2.json().error.code).toBe("DAILY_LIMIT_REACHED");

    const offline = await publicCompany();
    await companyDb(p.ctx.db, offline.company as CompanyRecord)
      .updateTable("services")
      .set({ online_booking: false })
      .where("id", "=", offline.services[0]!.id)
      .execute();
    const r3 = await join(offline.slug, {
      branchId: offline.branch.id,
      serviceId: offline.services[0]!.id,
      phone: "+998901010104",
    });
    expect(r3.statusCode).toBe(409);
    expect(r3.json().error.code).toBe("SERVICE_NOT_OFFERED");
    const page = await call(
      p.app,
      "GET",
      `/api/c/${offline.slug}/portal/branches/${offline.branch.slug}`,
    );
    expect(
      page.json().services.find((s: { id: string }) => s.id === offline.services[0]!.id),
    ).toMatchObject({ joinOnline: false, bookOnline: false });

    for (const phone of ["12", "+7 912 345 67 89", "a\u0000b", ""]) {
      const bad = await join(offline.slug, {
        branchId: offline.branch.id,
        serviceId: offline.services[1]!.id,
        phone,
      });
      expect(bad.statusCode, phone).toBe(400);
      expect(bad.json().error.details[0].path).toBe("phone");
    }
  });

  it("limits places per phone number over a window", async () => {
    const { slug, branch, services } = await publicCompany({
      services: [{ letter: "A" }, { letter: "B" }, { letter: "C" }, { letter: "D" }],
    });
    const phone = "+998909998877";
    const statuses = [];
    for (const s of services) {
      statuses.push(
        (await join(slug, { branchId: branch.id, serviceId: s.id, phone }, "10.9.9.9")).statusCode,
      );
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it("counts places taken per address, not mistyped forms", async () => {
    const { slug, branch, services } = await publicCompany();
    const ip = "10.8.8.8";
    const base = { branchId: branch.id, serviceId: services[0]!.id };
    for (let i = 0; i < 12; i++) {
      const bad = await join(slug, { ...base, phone: "90 12" }, ip);
      expect(bad.statusCode).toBe(400);
    }
    const limit = p.ctx.config.PORTAL_PLACES_PER_ADDRESS;
    // A hall of customers on the branch's guest Wi-Fi: one address, many people.
    expect(limit).toBe(30);
    const taken = [];
    for (let i = 0; i <= limit; i++) {
      taken.push(
        (await join(slug, { ...base, phone: `+99890555${String(i).padStart(4, "0")}` }, ip))
          .statusCode,
      );
    }
    expect(taken.slice(0, limit)).toEqual(Array(limit).fill(201));
    expect(taken[limit]).toBe(429);
    // The refusal says how long is left, as its Retry-After does (not "a minute" of ten).
    const refused = await join(slug, { ...base, phone: "+998905559999" }, ip);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(500);
    expect(refused.json().error.message).toMatch(/^Too many requests; try again in 10 minutes\.$/);
    // The budget is this company's: the same address still takes a place at another one.
    const other = await publicCompany();
    const elsewhere = await join(
      other.slug,
      { branchId: other.branch.id, serviceId: other.services[0]!.id, phone: "+998905550001" },
      ip,
    );
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
  });

  it("counts an IPv6 client by its /64: a new address of the same prefix is no fresh budget", async () => {
    const { slug, branch, services } = await publicCompany();
    const base = { branchId: branch.id, serviceId: services[0]!.id };
    const limit = p.ctx.config.PORTAL_PLACES_PER_ADDRESS;
    const taken = [];
    for (let i = 0; i <= limit; i++) {
      const ip = `2001:db8:77:1::${(i + 1).toString(16)}`;
      const phone = `+99890556${String(i).padStart(4, "0")}`;
      taken.push((await join(slug, { ...base, phone }, ip)).statusCode);
    }
    expect(taken.slice(0, limit)).toEqual(Array(limit).fill(201));
    expect(taken[limit]).toBe(429);
    // Another prefix is another client.
    const next = await join(slug, { ...base, phone: "+998905569999" }, "2001:db8:77:2::1");
    expect(next.statusCode, next.body).toBe(201);
  });
});
