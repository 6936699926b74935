import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  companyWithAdmin,
  createBranch,
  createCounter,
  createService,
  createTestPlatform,
  loginSuperAdmin,
  WEEKDAY_HOURS,
  type TestPlatform,
} from "../../testing";

describe("company admin: branches", () => {
  let p: TestPlatform;
  let token: string;
  let otherToken: string;
  const slug = "hamkorbank";
  const url = (path = "") => `/api/c/${slug}/admin/branches${path}`;

  beforeAll(async () => {
    p = await createTestPlatform();
    const superToken = await loginSuperAdmin(p.app);
    token = (await companyWithAdmin(p, superToken, slug)).token;
    otherToken = (await companyWithAdmin(p, superToken, "aloqabank")).token;
  });
  afterAll(() => p.close());

  const count = async () =>
    (await call(p.app, "GET", url(), { token })).json().items.length as number;

  it("creates a branch with hours and settings, with sensible defaults", async () => {
    const res = await call(p.app, "POST", url(), {
      token,
      body: {
        name: { uz: "Toshkent filiali", ru: "Ташкентский филиал", en: "" },
        slug: "Toshkent",
        code: "tsh",
        address: { uz: "Amir Temur koʻchasi, 1" },
        latitude: 41.3111,
        longitude: 69.2797,
        phone: "+998 71 200 00 00",
        weeklyHours: WEEKDAY_HOURS,
        settings: { numberScheme: "BY_SERVICE", dailyTicketLimit: 500 },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(b).toMatchObject({
      slug: "toshkent",
      code: "TSH",
      name: { uz: "Toshkent filiali", ru: "Ташкентский филиал" },
      timeZone: "Asia/Tashkent",
      status: "OPEN",
      weeklyHours: {
        "1": { open: "09:00", close: "18:00", breaks: [{ start: "13:00", end: "14:00" }] },
      },
      settings: {
        numberScheme: "BY_SERVICE",
        noShowGraceSeconds: 120,
        dailyTicketLimit: 500,
        bookingHorizonDays: 14,
        onlineCapPerSlot: null,
        keepOvernight: false,
        checkInEarlyMinutes: 15,
        checkInLateMinutes: 15,
        lateArrival: "WALK_IN",
      },
    });
    expect(b.name.en).toBeUndefined();
    const got = await call(p.app, "GET", url(`/${b.id}`), { token });
    expect(got.json()).toEqual(b);
    const search = await call(p.app, "GET", url("?search=toshkent"), { token });
    expect(search.json().items.map((x: { id: string }) => x.id)).toEqual([b.id]);
  });

  it("refuses bad working hours with the path of the offending field, and creates nothing", async () => {
    const before = await count();
    const attempt = async (weeklyHours: unknown) => {
      const res = await call(p.app, "POST", url(), {
        token,
        body: { name: { uz: "X" }, slug: "x-branch", code: "XX", weeklyHours },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe("VALIDATION_FAILED");
      return res.json().error.details as { path: string; message: string }[];
    };
    const day = (breaks: { start: string; end: string }[], open = "09:00", close = "18:00") => ({
      open,
      close,
      breaks,
    });
    const overlap = await attempt({
      "1": day([
        { start: "13:00", end: "14:00" },
        { start: "13:30", end: "14:30" },
      ]),
    });
    expect(overlap).toEqual([
      {
        path: "weeklyHours.1.breaks.1",
        code: "overlaps",
        message: expect.stringContaining("overlap"),
      },
    ]);
    // Breaks end to end from opening to closing: no time left to serve anyone.
    const wholeDay = await attempt({
      "1": day([
        { start: "13:00", end: "18:00" },
        { start: "09:00", end: "13:00" },
      ]),
    });
    expect(wholeDay).toEqual([
      {
        path: "weeklyHours.1.breaks.0",
        code: "no_working_time",
        message: expect.stringContaining("take the whole day 09:00–18:00"),
      },
    ]);
    const outside = await attempt({ "1": day([{ start: "08:00", end: "09:30" }]) });
    expect(outside).toEqual([
      {
        path: "weeklyHours.1.breaks.0",
        code: "outside_hours",
        message: expect.stringContaining("within the opening hours"),
      },
    ]);
    const backwards = await attempt({ "1": day([{ start: "14:00", end: "13:00" }]) });
    expect(backwards[0]).toMatchObject({
      path: "weeklyHours.1.breaks.0",
      code: "ends_before_start",
    });
    const closesFirst = await attempt({ "3": day([], "18:00", "09:00") });
    expect(closesFirst).toEqual([
      {
        path: "weeklyHours.3.close",
        code: "ends_before_start",
        message: expect.stringContaining("after"),
      },
    ]);
    expect((await attempt({ "2": day([], "9:00") }))[0]!.path).toBe("weeklyHours.2.open");
    expect((await attempt({ "8": day([]) }))[0]!.path).toBe("weeklyHours.8");
    expect(await count()).toBe(before);
  });

  it("validates the other fields: slug, code, coordinates, time zone, unknown fields", async () => {
    const before = await count();
    const base = { name: { uz: "Samarqand filiali" }, slug: "samarqand", code: "SMQ" };
    const fails = async (body: Record<string, unknown>, path: string) => {
      const res = await call(p.app, "POST", url(), { token, body: { ...base, ...body } });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    };
    await fails({ slug: "Samar qand" }, "slug");
    await fails({ code: "S1" }, "code");
    await fails({ code: "SAMARQ" }, "code");
    await fails({ latitude: 91, longitude: 60 }, "latitude");
    await fails({ latitude: 39.65 }, "longitude");
    await fails({ timeZone: "Mars/Olympus" }, "timeZone");
    await fails({ timeZone: "+05:00" }, "timeZone");
    await fails({ name: { uz: "" } }, "name.uz");
    await fails({ name: { ru: "Самарканд" } }, "name.uz");
    await fails({ colour: "red" }, "colour");
    await fails({ settings: { numberScheme: "RANDOM" } }, "settings.numberScheme");
    await fails({ settings: { noShowGraceSeconds: 99999 } }, "settings.noShowGraceSeconds");
    await fails({ settings: { checkInLateMinutes: 241 } }, "settings.checkInLateMinutes");
    await fails({ settings: { lateArrival: "NEVER" } }, "settings.lateArrival");
    await fails({ settings: { onlineCapPerSlot: 0 } }, "settings.onlineCapPerSlot");
    expect(await count()).toBe(before);
  });

  it("keeps slug and code unique in the company (409 with the field), but not across companies", async () => {
    const first = await createBranch(p.app, slug, token, { slug: "buxoro", code: "BUX" });
    const dupSlug = await call(p.app, "POST", url(), {
      token,
      body: { name: { uz: "Buxoro 2" }, slug: "buxoro", code: "BXR" },
    });
    expect(dupSlug.statusCode).toBe(409);
    expect(dupSlug.json().error).toMatchObject({
      code: "ALREADY_EXISTS",
      details: [{ path: "slug", message: expect.stringContaining("buxoro") }],
    });
    const dupCode = await call(p.app, "POST", url(), {
      token,
      body: { name: { uz: "Buxoro 2" }, slug: "buxoro-2", code: "bux" },
    });
    expect(dupCode.statusCode).toBe(409);
    expect(dupCode.json().error.details[0].path).toBe("code");
    const rename = await call(p.app, "PATCH", url(`/${first.id}`), {
      token,
      body: { code: "TSH" },
    });
    expect(rename.statusCode).toBe(409);
    const elsewhere = await call(p.app, "POST", "/api/c/aloqabank/admin/branches", {
      token: otherToken,
      body: { name: { uz: "Buxoro" }, slug: "buxoro", code: "BUX" },
    });
    expect(elsewhere.statusCode).toBe(201);
  });

  it("edits, closes and reopens a branch; every change is audited", async () => {
    const b = await createBranch(p.app, slug, token, { slug: "navoiy", code: "NAV" });
    const edited = await call(p.app, "PATCH", url(`/${b.id}`), {
      token,
      body: {
        name: { uz: "Navoiy filiali" },
        settings: {
          keepOvernight: true,
          bookingHorizonDays: 30,
          onlineCapPerSlot: 2,
          checkInLateMinutes: 5,
          lateArrival: "EXPIRE",
        },
        weeklyHours: { "6": { open: "10:00", close: "14:00" } },
        latitude: 40.1,
        longitude: 65.37,
      },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      name: { uz: "Navoiy filiali" },
      settings: {
        keepOvernight: true,
        bookingHorizonDays: 30,
        onlineCapPerSlot: 2,
        numberScheme: "BY_SOURCE",
        checkInEarlyMinutes: 15,
        checkInLateMinutes: 5,
        lateArrival: "EXPIRE",
      },
      weeklyHours: { "6": { open: "10:00", close: "14:00", breaks: [] } },
    });
    expect(Object.keys(edited.json().weeklyHours)).toEqual(["6"]);
    const halfPin = await call(p.app, "PATCH", url(`/${b.id}`), {
      token,
      body: { longitude: null },
    });
    expect(halfPin.statusCode).toBe(400);

    const closed = await call(p.app, "POST", url(`/${b.id}/close`), { token });
    expect(closed.json().status).toBe("CLOSED");
    expect((await call(p.app, "POST", url(`/${b.id}/close`), { token })).statusCode).toBe(409);
    expect((await call(p.app, "GET", url("?status=CLOSED"), { token })).json().items).toHaveLength(
      1,
    );
    expect((await call(p.app, "POST", url(`/${b.id}/reopen`), { token })).json().status).toBe(
      "OPEN",
    );

    const audit = await p.ctx.db
      .selectFrom("platform.audit_log")
      .select(["action", "actor_email"])
      .where("target_id", "=", b.id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "branch.create",
      "branch.update",
      "branch.close",
      "branch.reopen",
    ]);
    expect(audit[0]!.actor_email).toBe("admin@hamkorbank.uz");
  });

  it("deletes a branch that never issued a ticket", async () => {
    const b = await createBranch(p.app, slug, token);
    expect((await call(p.app, "DELETE", url(`/${b.id}`), { token })).statusCode).toBe(204);
    expect((await call(p.app, "GET", url(`/${b.id}`), { token })).statusCode).toBe(404);
  });

  it("starts a branch with another's services and counters, of this company only", async () => {
    const first = await createBranch(p.app, slug, token);
    const kassa = await createService(p.app, slug, token, { branchIds: [first.id] });
    const kredit = await createService(p.app, slug, token, { branchIds: [first.id] });
    await call(p.app, "PUT", url(`/${first.id}/services`), {
      token,
      body: {
        services: [
          { serviceId: kassa.id, enabled: true },
          { serviceId: kredit.id, enabled: false },
        ],
      },
    });
    await createCounter(p.app, slug, token, first.id, { number: 1, name: "Kassa" });
    await createCounter(p.app, slug, token, first.id, { number: 2 });
    const copy = await createBranch(p.app, slug, token, { copyFrom: first.id });
    const services = (await call(p.app, "GET", url(`/${copy.id}/services`), { token })).json();
    expect(
      (services.items as { serviceId: string; enabled: boolean }[])
        .map((s) => [s.serviceId, s.enabled])
        .sort(),
    ).toEqual(
      [
        [kassa.id, true],
        [kredit.id, false],
      ].sort(),
    );
    const counters = await call(p.app, "GET", `/api/c/${slug}/admin/branches/${copy.id}/counters`, {
      token,
    });
    expect(
      counters.json().items.map((c: { number: number; name: string | null }) => [c.number, c.name]),
    ).toEqual([
      [1, "Kassa"],
      [2, null],
    ]);

    // Another company's branch (or none) is not a source: 400 on the field, nothing created.
    const before = await count();
    const foreign = await createBranch(p.app, "aloqabank", otherToken);
    const refused = await call(p.app, "POST", url(), {
      token,
      body: { name: { uz: "Nusxa" }, slug: "nusxa", code: "NSX", copyFrom: foreign.id },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ path: "copyFrom", code: "not_found" }),
    ]);
    expect(await count()).toBe(before);
  });

  it("answers not-found for missing ids and other companies' branches", async () => {
    const mine = await createBranch(p.app, slug, token);
    const missing = await call(p.app, "GET", url("/00000000-0000-4000-8000-000000000000"), {
      token,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("NOT_FOUND");
    const foreign = await call(p.app, "GET", `/api/c/aloqabank/admin/branches/${mine.id}`, {
      token: otherToken,
    });
    expect(foreign.statusCode).toBe(404);
    const badId = await call(p.app, "GET", url("/not-a-uuid"), { token });
    expect(badId.statusCode).toBe(400);
  });
});
