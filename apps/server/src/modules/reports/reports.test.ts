import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
} from "../../testing/queue-factories";
import { companyDb, type CompanyRecord } from "../tenancy";
import { insertTicketHistory, served, storedEvents } from "./reports.fixtures";
import { reportRollupSubscriber } from "./rollup.subscriber";
import type { Report } from "./report.query";

// A hand-computed day, 2026-03-29 (a Sunday), in two time zones: Asia/Tashkent (UTC+5, no DST)
// and Europe/Berlin, which moves to summer time that night (01:00 UTC), so its local day is
// 23 hours long: [2026-03-28T23:00Z, 2026-03-29T22:00Z). Tashkent's is [28T19:00Z, 29T19:00Z).
// The service's target wait is 10 minutes.

describe("reports from roll-ups", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  let adminToken: string;
  let tashkent: string;
  let tashkentCounter: string;
  let berlin: string;
  let serviceId: string;
  let o1: { id: string; token: string };
  let o2: { id: string; token: string };
  let manager: { id: string; token: string };

  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    ({ company, slug, adminToken } = await createQueueCompany(p));
    const t = await createBranchWithService(p.ctx, company, { timeZone: "Asia/Tashkent" });
    tashkent = t.branch.id;
    tashkentCounter = t.counters[0]!.id;
    serviceId = t.services[0]!.id;
    const b = await createBranchWithService(p.ctx, company, { timeZone: "Europe/Berlin" });
    berlin = b.branch.id;
    const q = companyDb(p.ctx.db, company);
    // One service at both branches, with a 10-minute target.
    await q
      .insertInto("branch_services")
      .values({ branch_id: berlin, service_id: serviceId })
      .execute();
    await sql`update ${sql.id(company.schema_name, "services")} set target_wait_minutes = 10
      where id = ${serviceId}`.execute(p.ctx.db);
    o1 = await createQueueOperator(p.ctx, company, { branchId: tashkent, serviceIds: [serviceId] });
    o2 = await createQueueOperator(p.ctx, company, { branchId: berlin, serviceIds: [serviceId] });
    manager = await createQueueOperator(p.ctx, company, {
      branchId: tashkent,
      role: "BRANCH_MANAGER",
    });

    const ins = (
      branchId: string,
      source: "WALK_IN" | "KIOSK" | "ONLINE",
      events: Parameters<typeof insertTicketHistory>[2]["events"],
      appointmentAt?: string,
    ) =>
      insertTicketHistory(p.ctx.db, company, {
        branchId,
        serviceId,
        source,
        events,
        ...(appointmentAt && { appointmentAt }),
      });
    // Tashkent. T1: issued on the 28th (local 23:50), called on the 29th (00:05): wait 900 s.
    await ins(
      tashkent,
      "WALK_IN",
      served(
        o1.id,
        "2026-03-28T18:50:00Z",
        "2026-03-28T19:05:00Z",
        "2026-03-28T19:06:00Z",
        "2026-03-28T19:16:00Z",
      ),
    );
    // T2: 09:00 local, wait 120 s, service 300 s.
    const t2 = await ins(
      tashkent,
      "KIOSK",
      served(
        o1.id,
        "2026-03-29T04:00:00Z",
        "2026-03-29T04:02:00Z",
        "2026-03-29T04:02:30Z",
        "2026-03-29T04:07:30Z",
      ),
    );
    // T3: cancelled while waiting.
    await ins(tashkent, "ONLINE", [
      { at: "2026-03-29T04:10:00Z", type: "ISSUE", from: null, to: "WAITING" },
      { at: "2026-03-29T04:20:00Z", type: "CANCEL", from: "WAITING", to: "CANCELLED" },
    ]);
    // T4: called after 300 s, no-show.
    await ins(tashkent, "KIOSK", [
      { at: "2026-03-29T04:30:00Z", type: "ISSUE", from: null, to: "WAITING" },
      {
        at: "2026-03-29T04:35:00Z",
        type: "CALL",
        from: "WAITING",
        to: "CALLED",
        operatorId: o1.id,
      },
      {
        at: "2026-03-29T04:40:00Z",
        type: "MARK_NO_SHOW",
        from: "CALLED",
        to: "NO_SHOW",
        operatorId: o1.id,
      },
    ]);
    // T5: 23:59 local on the 29th (in); T6: 00:01 on the 30th (out).
    await ins(tashkent, "WALK_IN", [
      { at: "2026-03-29T18:59:00Z", type: "ISSUE", from: null, to: "WAITING" },
    ]);
    await ins(tashkent, "WALK_IN", [
      { at: "2026-03-29T19:01:00Z", type: "ISSUE", from: null, to: "WAITING" },
    ]);
    // Berlin. B1: issued 23:30 CET on the 28th, called 00:10 on the 29th: wait 2400 s, service 1200 s.
    const b1 = await ins(
      berlin,
      "WALK_IN",
      served(
        o2.id,
        "2026-03-28T22:30:00Z",
        "2026-03-28T23:10:00Z",
        "2026-03-28T23:10:00Z",
        "2026-03-28T23:30:00Z",
      ),
    );
    // B2: 23:50 CEST on the 29th, wait 300 s, finished 00:05 on the 30th (served out of range).
    await ins(
      berlin,
      "WALK_IN",
      served(
        o2.id,
        "2026-03-29T21:50:00Z",
        "2026-03-29T21:55:00Z",
        "2026-03-29T21:55:00Z",
        "2026-03-29T22:05:00Z",
      ),
    );
    // B3: 00:10 CEST on the 30th (out).
    await ins(berlin, "WALK_IN", [
      { at: "2026-03-29T22:10:00Z", type: "ISSUE", from: null, to: "WAITING" },
    ]);
    // A booking for 10:00 CEST checked in 10:05 (late), called after 300 s, served 300 s.
    await ins(
      berlin,
      "ONLINE",
      [
        { at: "2026-03-29T06:00:00Z", type: "ISSUE", from: null, to: "BOOKED" },
        { at: "2026-03-29T08:05:00Z", type: "CHECK_IN", from: "BOOKED", to: "WAITING" },
        {
          at: "2026-03-29T08:10:00Z",
          type: "CALL",
          from: "WAITING",
          to: "CALLED",
          operatorId: o2.id,
        },
        {
          at: "2026-03-29T08:10:00Z",
          type: "START",
          from: "CALLED",
          to: "SERVING",
          operatorId: o2.id,
        },
        {
          at: "2026-03-29T08:15:00Z",
          type: "FINISH",
          from: "SERVING",
          to: "COMPLETED",
          operatorId: o2.id,
        },
      ],
      "2026-03-29T08:00:00Z",
    );
    // A booking never checked in: missed.
    await ins(
      berlin,
      "ONLINE",
      [
        { at: "2026-03-29T06:30:00Z", type: "ISSUE", from: null, to: "BOOKED" },
        { at: "2026-03-29T12:00:00Z", type: "EXPIRE", from: "BOOKED", to: "EXPIRED" },
      ],
      "2026-03-29T11:00:00Z",
    );
    // Ratings: T2 in range; B1 rated 00:30 CEST on the 30th (out).
    await q
      .insertInto("ratings")
      .values([
        {
          ticket_id: t2,
          branch_id: tashkent,
          service_id: serviceId,
          stars: 5,
          comment: "Zo'r",
          created_at: new Date("2026-03-29T05:00:00Z"),
        },
        {
          ticket_id: b1,
          branch_id: berlin,
          service_id: serviceId,
          stars: 3,
          comment: null,
          created_at: new Date("2026-03-29T22:30:00Z"),
        },
      ])
      .execute();

    p.ctx.events.poke(company);
    await p.ctx.events.idle();
  });
  afterAll(() => p.close());

  const report = async (query: string, token = adminToken) =>
    call(p.app, "GET", `/api/c/${slug}/admin/reports?${query}`, { token });
  const day = "from=2026-03-29&to=2026-03-29";

  it("computes each figure of a day in each branch's own time zone, across a DST change", async () => {
    const res = await report(day);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json<Report>();
    expect(r.totals).toEqual({
      issued: 5,
      checkedIn: 1,
      entered: 6,
      called: 6,
      served: 4,
      noShow: 1,
      cancelled: 1,
      expired: 0,
      transferred: 0,
      abandoned: 2,
      abandonmentRate: 0.333,
      waitAvgSeconds: 720,
      serviceAvgSeconds: 600,
      serviceLevel: 0.667,
    });
    expect(Object.fromEntries(r.bySource.map((s) => [s.source, s.issued]))).toEqual({
      KIOSK: 2,
      ONLINE: 1,
      WALK_IN: 2,
    });
    // Waits 120, 300, 300, 300, 900, 2400 s; percentiles interpolated in fixed buckets.
    expect(r.wait).toMatchObject({ count: 6, p50: 380, p90: 2160, p95: 2430 });
    // Service 300, 300, 600, 1200 s.
    expect(r.service).toMatchObject({ count: 4, p50: 420, p90: 1560 });
    expect(r.heatmap).toEqual(
      [
        { weekday: 7, hour: 9, entered: 3, served: 1 },
        { weekday: 7, hour: 10, entered: 1, served: 1 },
        { weekday: 7, hour: 23, entered: 2, served: 0 },
        // T1 served at 00:16 Tashkent, B1 at 00:30 CET (before the change at 01:00 UTC).
        { weekday: 7, hour: 0, entered: 0, served: 2 },
      ].sort((a, b) => a.hour - b.hour),
    );
    const ops = Object.fromEntries(r.operators.map((o) => [o.operatorId, o]));
    expect(ops[o1.id]).toMatchObject({ served: 2, noShow: 1, serviceAvgSeconds: 450 });
    expect(ops[o2.id]).toMatchObject({ served: 2, noShow: 0, serviceAvgSeconds: 750 });
    const br = Object.fromEntries(r.branches.map((b) => [b.branchId, b]));
    expect(br[tashkent]).toMatchObject({ entered: 4, served: 2, serviceLevel: 0.667 });
    expect(br[berlin]).toMatchObject({ entered: 2, served: 2, serviceLevel: 0.667 });
    expect(r.ratings).toMatchObject({
      count: 1,
      average: 5,
      distribution: [1, 2, 3, 4, 5].map((stars) => ({ stars, count: stars === 5 ? 1 : 0 })),
    });
    expect(r.ratings.comments.map((c) => c.comment)).toEqual(["Zo'r"]);
    expect(r.appointments).toEqual({ booked: 2, checkedIn: 1, late: 1, missed: 1, cancelled: 0 });
    expect(r.daily.map((d) => d.day)).toEqual(["2026-03-29"]);
  });

  it("derives operators' available, idle, break and away time from the status change log", async () => {
    // The operator's own status changes write the log, in the same transaction.
    const path = `/api/c/${slug}/queue`;
    const started = await call(p.app, "POST", `${path}/session`, {
      token: o1.token,
      body: { counterId: tashkentCounter },
    });
    expect(started.statusCode, started.body).toBe(200);
    for (const status of ["BREAK", "AVAILABLE", "OFFLINE"]) {
      const res = await call(p.app, "PUT", `${path}/status`, { token: o1.token, body: { status } });
      expect(res.statusCode, res.body).toBe(200);
    }
    const q = companyDb(p.ctx.db, company);
    const logged = await q
      .selectFrom("operator_status_log")
      .select(["status", "branch_id"])
      .where("staff_id", "=", o1.id)
      .orderBy("id")
      .execute();
    expect(logged).toEqual(
      ["AVAILABLE", "BREAK", "AVAILABLE", "OFFLINE"].map((status) => ({
        status,
        branch_id: tashkent,
      })),
    );
    // o2's day in Berlin, [28T23:00Z, 29T22:00Z): available since the evening before (counts
    // from the day's start: 9 h), a 30-minute break, 10 minutes away, 8 h available, offline.
    await q
      .insertInto("operator_status_log")
      .values(
        [
          ["2026-03-28T20:00:00Z", "AVAILABLE"],
          ["2026-03-29T08:00:00Z", "BREAK"],
          ["2026-03-29T08:30:00Z", "AWAY"],
          ["2026-03-29T08:40:00Z", "AVAILABLE"],
          ["2026-03-29T16:40:00Z", "OFFLINE"],
        ].map(([at, status]) => ({
          staff_id: o2.id,
          branch_id: berlin,
          status: status!,
          at: new Date(at!),
        })),
      )
      .execute();
    const r = (await report(day)).json<Report>();
    const o = r.operators.find((x) => x.operatorId === o2.id)!;
    // Idle: available less the service time of the two tickets o2 served (2 × 750 s).
    expect(o).toMatchObject({
      availableSeconds: 61_200,
      idleSeconds: 61_200 - 1_500,
      breakSeconds: 1_800,
      awaySeconds: 600,
    });
    // The 28th holds the three hours from 21:00 CET (20:00Z) to Berlin's midnight.
    const before = (
      await report(`from=2026-03-28&to=2026-03-28&branchId=${berlin}`)
    ).json<Report>();
    expect(before.operators.find((x) => x.operatorId === o2.id)).toMatchObject({
      availableSeconds: 10_800,
      breakSeconds: 0,
    });
    // An operator filter narrows the table to that operator.
    const only = (await report(`${day}&operatorId=${o2.id}`)).json<Report>();
    expect(only.operators.map((x) => [x.operatorId, x.breakSeconds])).toEqual([[o2.id, 1_800]]);
  });

  it("the next day holds what crossed midnight, and filters narrow the figures", async () => {
    const next = (await report("from=2026-03-30&to=2026-03-30")).json<Report>();
    // T6 and B3 issued; B2 served 00:05 CEST.
    expect(next.totals).toMatchObject({ issued: 2, served: 1 });
    const both = (await report("from=2026-03-28&to=2026-03-30")).json<Report>();
    expect(both.totals).toMatchObject({ issued: 9, served: 5, called: 6 });
    expect(both.daily.map((d) => d.day)).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    const onlyBerlin = (await report(`${day}&branchId=${berlin}`)).json<Report>();
    expect(onlyBerlin.totals).toMatchObject({ entered: 2, served: 2 });
    const onlyO1 = (await report(`${day}&operatorId=${o1.id}`)).json<Report>();
    expect(onlyO1.totals).toMatchObject({ served: 2, noShow: 1, issued: 0 });
  });

  it("a replayed batch changes nothing", async () => {
    const before = (await report(day)).json<Report>();
    const events = await storedEvents(p.ctx.db, company);
    await p.ctx.db
      .transaction()
      .execute((trx) =>
        reportRollupSubscriber.handle(
          { db: trx, company: companyDb(trx, company) },
          company,
          events,
        ),
      );
    expect((await report(day)).json<Report>()).toEqual(before);
  });

  it("refuses bad input with field paths", async () => {
    const bad = await report("from=2026-03-29&to=2026-03-01");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: "to" })]);
    const long = await report("from=2025-01-01&to=2026-03-01");
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0].path).toBe("to");
    expect((await report("from=yesterday&to=2026-03-01")).statusCode).toBe(400);
    expect((await report(`${day}&branchId=nope`)).statusCode).toBe(400);
  });

  it("a branch manager sees its own branches only; operators, strangers and anonymous nothing", async () => {
    const mine = (await report(day, manager.token)).json<Report>();
    expect(mine.branches.map((b) => b.branchId)).toEqual([tashkent]);
    expect(mine.totals).toMatchObject({ entered: 4, served: 2 });
    expect((await report(`${day}&branchId=${berlin}`, manager.token)).statusCode).toBe(404);
    const floor = await call(p.app, "GET", `/api/c/${slug}/admin/floor`, { token: manager.token });
    expect(floor.json().branches.map((b: { id: string }) => b.id)).toEqual([tashkent]);

    expect((await report(day, o1.token)).statusCode).toBe(403);
    expect(
      (await call(p.app, "GET", `/api/c/${slug}/admin/floor`, { token: o1.token })).statusCode,
    ).toBe(403);
    expect((await report(day, "")).statusCode).toBe(401);
    const other = await createQueueCompany(p);
    const stranger = await call(p.app, "GET", `/api/c/${slug}/admin/reports?${day}`, {
      token: other.adminToken,
    });
    expect([401, 403, 404]).toContain(stranger.statusCode);
    const exp = await call(p.app, "GET", `/api/c/${slug}/admin/reports/export?${day}&format=csv`, {
      token: other.adminToken,
    });
    expect([401, 403, 404]).toContain(exp.statusCode);
  });

  it("exports CSV and an XLSX that reads back", async () => {
    const csv = await call(p.app, "GET", `/api/c/${slug}/admin/reports/export?${day}&format=csv`, {
      token: adminToken,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.body).toContain("Served,4");
    const xlsx = await call(
      p.app,
      "GET",
      `/api/c/${slug}/admin/reports/export?${day}&format=xlsx`,
      { token: adminToken },
    );
    expect(xlsx.statusCode).toBe(200);
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const summary = book.getWorksheet("Summary")!;
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[1] === "Served")?.[2]).toBe(4);
    expect(rows.find((r) => r[1] === "Wait p90 (s)")?.[2]).toBe(2160);
    expect(book.getWorksheet("Operators")!.rowCount).toBe(3);
  });
});
