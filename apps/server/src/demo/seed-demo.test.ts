import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTestPlatform, deviceAuth, type TestPlatform } from "../testing";
import { DEMO_PASSWORD, seedDemo, type DemoCompany } from "./seed-demo";

describe("demo seed", () => {
  let p: TestPlatform;
  let seeded: DemoCompany[];
  const lines: string[] = [];

  beforeAll(async () => {
    p = await createTestPlatform();
    seeded = await seedDemo(p.ctx, { log: (l) => lines.push(l) });
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
      counts: { branches: 2, services: 3, counters: 8, operators: 4, pairedDevices: 4 },
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

  it("is idempotent: a second run skips the companies that exist", async () => {
    const again = await seedDemo(p.ctx, { log: () => {} });
    expect(again.every((c) => c.skipped)).toBe(true);
    const companies = await p.ctx.db.selectFrom("platform.companies").select("slug").execute();
    expect(companies).toHaveLength(3);
  });
});
