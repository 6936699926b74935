import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { companyDb } from "../tenancy";
import type { Report } from "./report.query";
import { seedReportDay, type ReportDay } from "./reports.seed";

// The hand-computed day of reports.seed.ts (Tashkent and Berlin across a DST change).

describe("reports: operator time", () => {
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

  it("derives operators' available, idle, break and away time from the status change log", async () => {
    // The operator's own status changes write the log, in the same transaction.
    const path = `/api/c/${d.slug}/queue`;
    const started = await call(p.app, "POST", `${path}/session`, {
      token: d.o1.token,
      body: { counterId: d.tashkentCounter },
    });
    expect(started.statusCode, started.body).toBe(200);
    for (const status of ["BREAK", "AVAILABLE", "OFFLINE"]) {
      const res = await call(p.app, "PUT", `${path}/status`, {
        token: d.o1.token,
        body: { status },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const q = companyDb(p.ctx.db, d.company);
    const logged = await q
      .selectFrom("operator_status_log")
      .select(["status", "branch_id"])
      .where("staff_id", "=", d.o1.id)
      .orderBy("id")
      .execute();
    expect(logged).toEqual(
      ["AVAILABLE", "BREAK", "AVAILABLE", "OFFLINE"].map((status) => ({
        status,
        branch_id: d.tashkent,
      })),
    );
    // d.o2's day in Berlin, [28T23:00Z, 29T22:00Z): available since the evening before (counts
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
          staff_id: d.o2.id,
          branch_id: d.berlin,
          status: status!,
          at: new Date(at!),
        })),
      )
      .execute();
    const r = (await report(day)).json<Report>();
    const o = r.operators.find((x) => x.operatorId === d.o2.id)!;
    // Idle: available less the service time of the two tickets d.o2 served (2 × 750 s).
    expect(o).toMatchObject({
      availableSeconds: 61_200,
      idleSeconds: 61_200 - 1_500,
      breakSeconds: 1_800,
      awaySeconds: 600,
    });
    // The 28th holds the three hours from 21:00 CET (20:00Z) to Berlin's midnight.
    const before = (
      await report(`from=2026-03-28&to=2026-03-28&branchId=${d.berlin}`)
    ).json<Report>();
    expect(before.operators.find((x) => x.operatorId === d.o2.id)).toMatchObject({
      availableSeconds: 10_800,
      breakSeconds: 0,
    });
    // An operator filter narrows the table to that operator.
    const only = (await report(`${day}&operatorId=${d.o2.id}`)).json<Report>();
    expect(only.operators.map((x) => [x.operatorId, x.breakSeconds])).toEqual([[d.o2.id, 1_800]]);
  });
});
