import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { createBranchWithService } from "../../testing/queue-factories";
import { companyDb } from "../tenancy";
import { insertTicketHistory, served, storedEvents } from "./reports.fixtures";
import { reportRollupSubscriber } from "./rollup.subscriber";
import type { Report } from "./report.query";
import { seedReportDay, type ReportDay } from "./reports.seed";

// The hand-computed day of reports.seed.ts (Tashkent and Berlin across a DST change).

describe("reports from roll-ups: the hand-computed day", () => {
  let p: TestPlatform;
  let d: ReportDay;

  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    d = await seedReportDay(p);
  }, 180_000);
  afterAll(() => p.close());

  const report = async (query: string, token = d.adminToken) =>
    call(p.app, "GET", `/api/c/${d.slug}/admin/reports?${query}`, { token });
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
    expect(ops[d.o1.id]).toMatchObject({ served: 2, noShow: 1, serviceAvgSeconds: 450 });
    expect(ops[d.o2.id]).toMatchObject({ served: 2, noShow: 0, serviceAvgSeconds: 750 });
    const br = Object.fromEntries(r.branches.map((b) => [b.branchId, b]));
    expect(br[d.tashkent]).toMatchObject({ entered: 4, served: 2, serviceLevel: 0.667 });
    expect(br[d.berlin]).toMatchObject({ entered: 2, served: 2, serviceLevel: 0.667 });
    expect(r.ratings).toMatchObject({
      count: 1,
      average: 5,
      distribution: [1, 2, 3, 4, 5].map((stars) => ({ stars, count: stars === 5 ? 1 : 0 })),
    });
    expect(r.ratings.comments.map((c) => c.comment)).toEqual(["Zo'r"]);
    expect(r.appointments).toEqual({ booked: 2, checkedIn: 1, late: 1, missed: 1, cancelled: 0 });
    expect(r.daily.map((d) => d.day)).toEqual(["2026-03-29"]);
  });

  it("the next day holds what crossed midnight, and filters narrow the figures", async () => {
    const next = (await report("from=2026-03-30&to=2026-03-30")).json<Report>();
    // T6 and B3 issued; B2 served 00:05 CEST.
    expect(next.totals).toMatchObject({ issued: 2, served: 1 });
    const both = (await report("from=2026-03-28&to=2026-03-30")).json<Report>();
    expect(both.totals).toMatchObject({ issued: 9, served: 5, called: 6 });
    expect(both.daily.map((d) => d.day)).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    const onlyBerlin = (await report(`${day}&branchId=${d.berlin}`)).json<Report>();
    expect(onlyBerlin.totals).toMatchObject({ entered: 2, served: 2 });
    const onlyO1 = (await report(`${day}&operatorId=${d.o1.id}`)).json<Report>();
    expect(onlyO1.totals).toMatchObject({ served: 2, noShow: 1, issued: 0 });
  });

  it("a service or operator filter reads its own day tier and gives the same figures", async () => {
    // Every ticket of the day is of the one service: its tier must give the whole report.
    const all = (await report("from=2026-03-28&to=2026-03-30")).json<Report>();
    const svc = (
      await report(`from=2026-03-28&to=2026-03-30&serviceId=${d.serviceId}`)
    ).json<Report>();
    expect(svc).toEqual(all);
    const o2 = (await report(`${day}&operatorId=${d.o2.id}`)).json<Report>();
    // o2 called B1 (2400 s), B2 (300 s) and the booking (300 s), served B1 and the booking.
    expect(o2.totals).toMatchObject({ called: 3, served: 2, issued: 0, serviceLevel: 0.667 });
    expect(o2.wait).toMatchObject({ count: 3 });
    expect(o2.heatmap).toEqual([
      { weekday: 7, hour: 0, entered: 0, served: 1 },
      { weekday: 7, hour: 10, entered: 0, served: 1 },
    ]);
    expect(o2.operators.map((o) => o.operatorId)).toEqual([d.o2.id]);
    expect(
      (await report(`${day}&operatorId=${d.o2.id}&serviceId=${d.serviceId}`)).json<Report>(),
    ).toEqual(o2);

    // A second service, at a third branch: one ticket on 2 April (Tashkent, 10:00 local),
    // wait 240 s, service 420 s; the first service has nothing that day.
    const other = await createBranchWithService(p.ctx, d.company, { timeZone: "Asia/Tashkent" });
    await insertTicketHistory(p.ctx.db, d.company, {
      branchId: other.branch.id,
      serviceId: other.services[0]!.id,
      source: "KIOSK",
      events: served(
        d.o1.id,
        "2026-04-02T05:00:00Z",
        "2026-04-02T05:04:00Z",
        "2026-04-02T05:05:00Z",
        "2026-04-02T05:12:00Z",
      ),
    });
    p.ctx.events.poke(d.company);
    await p.ctx.events.idle();
    const april = "from=2026-04-02&to=2026-04-02";
    const second = (await report(`${april}&serviceId=${other.services[0]!.id}`)).json<Report>();
    expect(second.totals).toMatchObject({
      issued: 1,
      served: 1,
      waitAvgSeconds: 240,
      serviceAvgSeconds: 420,
    });
    expect(second.bySource.map((s) => s.source)).toEqual(["KIOSK"]);
    expect(second.branches.map((b) => b.branchId)).toEqual([other.branch.id]);
    expect(second.heatmap).toEqual([{ weekday: 4, hour: 10, entered: 1, served: 1 }]);
    expect(second.operators.map((o) => [o.operatorId, o.served])).toEqual([[d.o1.id, 1]]);
    const first = (await report(`${april}&serviceId=${d.serviceId}`)).json<Report>();
    expect(first.totals).toMatchObject({ issued: 0, served: 0 });
    expect(first.daily).toEqual([]);
  });

  it("a replayed batch changes nothing", async () => {
    const before = (await report(day)).json<Report>();
    const events = await storedEvents(p.ctx.db, d.company);
    await p.ctx.db
      .transaction()
      .execute((trx) =>
        reportRollupSubscriber.handle(
          { db: trx, company: companyDb(trx, d.company) },
          d.company,
          events,
        ),
      );
    expect((await report(day)).json<Report>()).toEqual(before);
  });
});
