import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, loginSuperAdmin, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createDisplayDevice,
  createQueueCompany,
} from "../../testing/queue-factories";
import { connectClient, type RecordingSocket } from "../../testing/socket-client";
import { companyDb } from "../tenancy";
import { insertTicketHistory, served } from "../reports/reports.fixtures";
import type { PlatformFigures } from "./platform-figures.query";

const DAY = 86_400_000;
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10);

describe("platform figures", () => {
  let p: TestPlatform;
  let superToken: string;
  let adminToken: string;
  let brokenSlug: string;
  let board: RecordingSocket | null = null;
  const today = Date.UTC(
    new Date().getUTCFullYear(),
    new Date().getUTCMonth(),
    new Date().getUTCDate(),
  );

  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    await p.app.listen({ host: "127.0.0.1", port: 0 });
    const base = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;
    superToken = await loginSuperAdmin(p.app);
    const a = await createQueueCompany(p);
    const b = await createQueueCompany(p);
    const c = await createQueueCompany(p);
    adminToken = a.adminToken;
    brokenSlug = c.slug;
    // Tickets: A has two taken yesterday at 11:00 Tashkent, one served; B one booked two days
    // ago in Berlin (13:00 local).
    const ta = await createBranchWithService(p.ctx, a.company, { timeZone: "Asia/Tashkent" });
    const tb = await createBranchWithService(p.ctx, b.company, { timeZone: "Europe/Berlin" });
    const at = (t: number) => new Date(t).toISOString();
    const y = today - DAY + 6 * 3_600_000;
    await insertTicketHistory(p.ctx.db, a.company, {
      branchId: ta.branch.id,
      serviceId: ta.services[0]!.id,
      source: "KIOSK",
      events: served("", at(y), at(y + 60_000), at(y + 60_000), at(y + 360_000)).map((e) => ({
        ...e,
        operatorId: null,
      })),
    });
    await insertTicketHistory(p.ctx.db, a.company, {
      branchId: ta.branch.id,
      serviceId: ta.services[0]!.id,
      source: "WALK_IN",
      events: [{ at: at(y + 600_000), type: "ISSUE", from: null, to: "WAITING" }],
    });
    await insertTicketHistory(p.ctx.db, b.company, {
      branchId: tb.branch.id,
      serviceId: tb.services[0]!.id,
      source: "ONLINE",
      events: [
        { at: at(today - 2 * DAY + 12 * 3_600_000), type: "ISSUE", from: null, to: "BOOKED" },
      ],
    });
    for (const x of [a, b]) p.ctx.events.poke(x.company);
    await p.ctx.events.idle();
    for (const [x, status] of [
      [a, "ACTIVE"],
      [b, "SUSPENDED"],
      [c, "INACTIVE"],
    ] as const) {
      await p.ctx.db
        .updateTable("platform.companies")
        .set({ status })
        .where("id", "=", x.company.id)
        .execute();
      p.ctx.directory.invalidate(x.slug);
    }
    // C's schema is broken (its day roll-ups are gone): it is named, the others still count.
    await sql`drop table ${sql.id(c.company.schema_name, "report_days")}`.execute(p.ctx.db);

    // Devices: a board connected now, a kiosk paired but off, a revoked board.
    const display = await createDisplayDevice(p.ctx, a.company, ta.branch.id);
    await createDisplayDevice(p.ctx, a.company, ta.branch.id, "KIOSK");
    await createDisplayDevice(p.ctx, b.company, tb.branch.id);
    await companyDb(p.ctx.db, b.company)
      .updateTable("devices")
      .set({ revoked_at: new Date() })
      .execute();
    board = connectClient(base, { slug: a.slug, deviceToken: display });
    await board.next("snapshot", undefined, 30_000);
    // The outbox: one e-mail an hour old, one SMS that gave up.
    await p.ctx.db
      .insertInto("platform.outbox")
      .values([
        {
          channel: "email",
          recipient: "old@example.uz",
          subject: "Old",
          body_text: "Old",
          created_at: new Date(Date.now() - 3_600_000),
          // Not due for the worker during the test.
          next_attempt_at: new Date(Date.now() + 86_400_000),
        },
        {
          channel: "sms",
          recipient: "+998901112233",
          subject: "",
          body_text: "Gave up",
          status: "FAILED",
        },
      ])
      .execute();
  }, 240_000);
  afterAll(async () => {
    board?.close();
    await p.close();
  });

  const figures = (token: string, query = "") =>
    call(p.app, "GET", `/api/platform/figures${query}`, { token });

  it("counts companies by status, tickets per day, devices and the outbox", async () => {
    const res = await figures(superToken, "?days=7");
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json<PlatformFigures>();
    expect(f.companies).toEqual({
      byStatus: { INACTIVE: 1, ACTIVE: 1, SUSPENDED: 1, DELETED: 0 },
      total: 3,
    });
    expect(f.tickets.from).toBe(dayOf(today - 6 * DAY));
    expect(f.tickets.days).toHaveLength(7);
    const byDay = Object.fromEntries(f.tickets.days.map((d) => [d.day, d]));
    expect(byDay[dayOf(today - DAY)]).toMatchObject({ tickets: 2, served: 1 });
    expect(byDay[dayOf(today - 2 * DAY)]).toMatchObject({ tickets: 1, served: 0 });
    expect(f.tickets.days.reduce((n, d) => n + d.tickets, 0)).toBe(3);
    expect(f.tickets.unreadCompanies.map((c) => c.slug)).toEqual([brokenSlug]);
    expect(f.devices).toEqual({
      paired: { DISPLAY: 1, KIOSK: 1 },
      online: { DISPLAY: 1, KIOSK: 0 },
    });
    // The hour-old e-mail is the oldest pending one (provisioning queued invites too).
    const email = f.outbox.find((o) => o.channel === "email")!;
    expect(email.pending).toBeGreaterThanOrEqual(1);
    expect(email.oldestPendingSeconds).toBeGreaterThanOrEqual(3600);
    expect(email.oldestPendingSeconds).toBeLessThan(3700);
    expect(f.outbox.find((o) => o.channel === "sms")).toMatchObject({
      failed: 1,
      oldestPendingSeconds: null,
    });
  });

  it("refuses company users, anonymous callers and bad input", async () => {
    expect([401, 403]).toContain((await figures(adminToken)).statusCode);
    expect((await figures("")).statusCode).toBe(401);
    const bad = await figures(superToken, "?days=400");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("days");
  });
});
