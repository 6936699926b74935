import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTestPlatform, deviceAuth, type TestPlatform } from "../testing";
import { companyDb } from "../modules/tenancy";
import { DEMO_PASSWORD, seedDemo, type DemoCompany } from "./seed-demo";

describe("demo seed", () => {
  let p: TestPlatform;
  let seeded: DemoCompany[];
  const lines: string[] = [];
  let seedMs = 0;
  let rollupMs = 0;

  beforeAll(async () => {
    p = await createTestPlatform();
    const started = Date.now();
    seeded = await seedDemo(p.ctx, { log: (l) => lines.push(l) });
    seedMs = Date.now() - started;
    await p.ctx.events.idle();
    rollupMs = Date.now() - started - seedMs;
  }, 120_000);
  afterAll(() => p.close());

  it("creates the plan's three banks, active and public, and prints how to get in", async () => {
    expect(seeded.map((c) => [c.slug, c.skipped])).toEqual([
      ["hamkorbank", false],
      ["kapitalbank", false],
      ["aloqabank", false],
    ]);
    const pub = await call(p.app, "GET", "/api/public/companies");
    expect(
      pub
        .json()
        .items.map((c: { slug: string }) => c.slug)
        .sort(),
    ).toEqual(["aloqabank", "hamkorbank", "kapitalbank"]);
    const text = lines.join("\n");
    expect(text).toContain(DEMO_PASSWORD);
    expect(text).toContain("aziza@hamkorbank.uz");
    expect(text).toMatch(/kiosk +http:\/\/localhost:3000\/k\/hamkorbank\/toshkent +token: dev_/);
  });

  it("lets the admin and the operators log in with the demo password, set up as the plan says", async () => {
    const login = async (email: string) => {
      const res = await call(p.app, "POST", "/api/c/hamkorbank/auth/login", {
        body: { email, password: DEMO_PASSWORD },
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().user.mustChangePassword).toBe(false);
      return res.json().accessToken as string;
    };
    const admin = await login("admin@hamkorbank.uz");
    const overview = (
      await call(p.app, "GET", "/api/c/hamkorbank/admin/overview", { token: admin })
    ).json();
    expect(overview).toMatchObject({
      status: "ACTIVE",
      counts: { branches: 2, services: 3, counters: 8, operators: 6, pairedDevices: 4 },
    });
    expect(overview.checklist.every((i: { done: boolean }) => i.done)).toBe(true);
    const branches = (
      await call(p.app, "GET", "/api/c/hamkorbank/admin/branches", { token: admin })
    ).json();
    expect(
      branches.items.map((b: { code: string; name: { uz: string } }) => [b.code, b.name.uz]),
    ).toEqual([
      ["SMQ", "Samarqand filiali"],
      ["TSH", "Toshkent filiali"],
    ]);
    expect(branches.items[0].weeklyHours["1"]).toEqual({
      open: "09:00",
      close: "18:00",
      breaks: [{ start: "13:00", end: "14:00" }],
    });
    const aziza = await login("aziza@hamkorbank.uz");
    const me = (await call(p.app, "GET", "/api/c/hamkorbank/staff/me", { token: aziza })).json();
    expect(me).toMatchObject({ branch: { code: "TSH" }, counter: { number: 1 } });
    expect(me.services.map((s: { name: { uz: string } }) => s.name.uz)).toEqual(["Kassa xizmati"]);
    const malika = await login("malika@hamkorbank.uz");
    expect(
      (await call(p.app, "GET", "/api/c/hamkorbank/staff/me", { token: malika })).json().role,
    ).toBe("BRANCH_MANAGER");
  });

  it("pairs a kiosk and a display board per branch", async () => {
    const kiosk = seeded[1]!.devices.find((d) => d.kind === "KIOSK" && d.branch === "samarqand")!;
    const me = await call(p.app, "GET", "/api/c/kapitalbank/device/me", {
      headers: deviceAuth(kiosk.token),
    });
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json()).toMatchObject({ device: { kind: "KIOSK", branch: { slug: "samarqand" } } });
    expect(me.json().services.map((s: { letter: string }) => s.letter)).toEqual(["C", "D", "K"]);
  });

  describe("at any hour", () => {
    afterEach(() => vi.useRealTimers());
    const ids = async (token: string) => {
      const get = (url: string) => call(p.app, "GET", `/api/c/hamkorbank${url}`, { token });
      const branches = (await get("/admin/branches")).json().items as {
        id: string;
        code: string;
      }[];
      const services = (await get("/admin/services")).json().items as {
        id: string;
        letter: string;
      }[];
      return {
        branch: (code: string) => branches.find((b) => b.code === code)!.id,
        kassa: services.find((s) => s.letter === "K")!.id,
      };
    };

    // Tashkent is UTC+5: 03:00 on Sunday 29 November 2026 there, and 03:00 on a Wednesday.
    it.each([
      ["03:00 on a Sunday", "2026-11-28T22:00:00Z"],
      ["03:00 on a Wednesday", "2026-11-24T22:00:00Z"],
      ["23:30 on a Sunday", "2026-11-29T18:30:00Z"],
      // "23:59" closes at midnight: the last minute of the day takes customers too.
      ["23:59:30 on a Sunday", "2026-11-29T18:59:30Z"],
    ])("issues tickets at the main branch at %s; Samarkand keeps bank hours", async (_, at) => {
      vi.useFakeTimers({ toFake: ["Date"], now: new Date(at) });
      const login = async (email: string) =>
        (
          await call(p.app, "POST", "/api/c/hamkorbank/auth/login", {
            body: { email, password: DEMO_PASSWORD },
          })
        ).json().accessToken as string;
      const aziza = await login("aziza@hamkorbank.uz");
      const { branch, kassa } = await ids(await login("admin@hamkorbank.uz"));
      const walkIn = await call(p.app, "POST", "/api/c/hamkorbank/queue/tickets", {
        token: aziza,
        body: { branchId: branch("TSH"), serviceId: kassa },
      });
      expect(walkIn.statusCode, walkIn.body).toBe(201);
      const kioskAt = (slug: string) =>
        call(p.app, "POST", "/api/c/hamkorbank/kiosk/tickets", {
          headers: deviceAuth(
            seeded[0]!.devices.find((d) => d.kind === "KIOSK" && d.branch === slug)!.token,
          ),
          body: { serviceId: kassa },
        });
      const atKiosk = await kioskAt("toshkent");
      expect(atKiosk.statusCode, atKiosk.body).toBe(201);
      // The hours are checked at that moment: Samarkand, a bank's week, is closed then.
      const closed = await kioskAt("samarqand");
      expect(closed.statusCode, closed.body).toBe(409);
      expect(closed.json().error.code).toBe("BRANCH_CLOSED");
    });
  });

  const adminToken = async () =>
    (
      await call(p.app, "POST", "/api/c/hamkorbank/auth/login", {
        body: { email: "admin@hamkorbank.uz", password: DEMO_PASSWORD },
      })
    ).json().accessToken as string;
  const lastDays = (n: number) => {
    const day = (ms: number) => new Date(ms + 5 * 3600_000).toISOString().slice(0, 10);
    return { from: day(Date.now() - (n - 1) * 86_400_000), to: day(Date.now()) };
  };

  it("writes four weeks of history that the reports read through the roll-ups", async () => {
    console.log(`demo seed: ${seedMs} ms, roll-ups after it: ${rollupMs} ms`);
    expect(seeded[0]!.history!.tickets).toBeGreaterThan(1000);
    const { from, to } = lastDays(28);
    const res = await call(p.app, "GET", `/api/c/hamkorbank/admin/reports?from=${from}&to=${to}`, {
      token: await adminToken(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    // Tashkent works every day; most of the 28 days have served customers.
    const servedDays = r.daily.filter((d: { served: number }) => d.served > 0).length;
    expect(servedDays).toBeGreaterThanOrEqual(24);
    expect(r.totals.served).toBeGreaterThan(1000);
    expect(r.totals.noShow).toBeGreaterThan(0);
    expect(r.totals.cancelled).toBeGreaterThan(0);
    // A bank's wait: minutes, not zero and not hours.
    expect(r.wait.p50).toBeGreaterThan(60);
    expect(r.wait.p50).toBeLessThan(3600);
    expect(r.service.p50).toBeGreaterThan(5 * 60);
    expect(r.ratings.count).toBeGreaterThan(100);
    expect(r.ratings.comments.length).toBeGreaterThan(0);
    // The ratings page's average counts the same ratings it lists.
    const ratings = await call(p.app, "GET", "/api/c/hamkorbank/admin/ratings?pageSize=1", {
      token: await adminToken(),
    });
    expect(ratings.json().summary.count).toBe(ratings.json().total);
    expect(ratings.json().summary.average).toBeGreaterThan(1);
    expect(r.appointments.booked).toBeGreaterThan(0);
    expect(r.quotes.count).toBeGreaterThan(100);
    expect(r.operators.length).toBe(6);
    expect(r.operators.every((o: { breakSeconds: number }) => o.breakSeconds > 0)).toBe(true);
    // Morning and after-lunch peaks: 11:00 busier than 09:00, 15:00 busier than 13:00.
    const byHour = new Map<number, number>();
    for (const h of r.heatmap as { hour: number; entered: number }[])
      byHour.set(h.hour, (byHour.get(h.hour) ?? 0) + h.entered);
    expect(byHour.get(11)!).toBeGreaterThan(byHour.get(9)!);
    expect(byHour.get(15)!).toBeGreaterThan(byHour.get(13)!);
  });

  it("has customers waiting now at the Tashkent branch", async () => {
    const company = (await p.ctx.directory.findBySlug("hamkorbank"))!;
    const waiting = await companyDb(p.ctx.db, company)
      .selectFrom("tickets")
      .innerJoin("branches", "branches.id", "tickets.branch_id")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("branches.code", "=", "TSH")
      .where("tickets.status", "=", "WAITING")
      .executeTakeFirstOrThrow();
    expect(Number(waiting.n)).toBeGreaterThanOrEqual(5);
  });

  it("is idempotent: a second run skips the companies that exist and adds no history", async () => {
    const company = (await p.ctx.directory.findBySlug("kapitalbank"))!;
    const counts = async () => {
      const q = companyDb(p.ctx.db, company);
      const n = async (table: "tickets" | "ticket_events" | "ratings" | "report_days") =>
        Number(
          (
            await q
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return [
        await n("tickets"),
        await n("ticket_events"),
        await n("ratings"),
        await n("report_days"),
      ];
    };
    const before = await counts();
    const again = await seedDemo(p.ctx, { log: () => {} });
    expect(again.every((c) => c.skipped)).toBe(true);
    await p.ctx.events.idle();
    const companies = await p.ctx.db.selectFrom("platform.companies").select("slug").execute();
    expect(companies).toHaveLength(3);
    expect(await counts()).toEqual(before);
  });
});
