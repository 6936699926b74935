import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { createBranchWithService, createQueueCompany } from "../../testing/queue-factories";
import { companyDb, type CompanyRecord } from "../tenancy";
import type { Report } from "./report.query";

// Hand-computed "quoted vs actual" for 2026-03-29 at one branch (waits: queued to called).
//   A: waited 5 min,   quoted 4 (3–6)  → inside,         error 1,   actual − quoted +1
//   B: waited 12 min,  quoted 8 (5–10) → longer than range, error 4, +4
//   C: waited 2 min,   quoted 6 (4–9)  → shorter than range, error 4, −4
//   D: waited 7.5 min, quoted 7 (5–10) → inside,         error 0.5, +0.5
// n 4; mean absolute error 9.5 / 4 = 2.375 → 2.4; mean actual − quoted 1.5 / 4 = 0.375 → 0.4;
// inside 2 / 4 = 0.5; longer than the range 1 / 4 = 0.25.
// Left out: served without a quote, quoted but not served (no-show), quoted and served on the
// 30th (out of range). Another branch holds one more quoted, served ticket (waited 10, quoted 10).

describe("reports: quoted vs actual", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  let adminToken: string;
  let main: string;
  let other: string;

  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    ({ company, slug, adminToken } = await createQueueCompany(p));
    const a = await createBranchWithService(p.ctx, company);
    const b = await createBranchWithService(p.ctx, company);
    main = a.branch.id;
    other = b.branch.id;
    const q = companyDb(p.ctx.db, company);
    let n = 0;
    const ticket = async (
      branchId: string,
      serviceId: string,
      t: {
        day: string;
        queued: string;
        waitMinutes: number;
        status: "COMPLETED" | "NO_SHOW";
        quote: [number, number, number] | null;
      },
    ) => {
      const queuedAt = new Date(t.queued);
      const calledAt = new Date(queuedAt.getTime() + t.waitMinutes * 60_000);
      n += 1;
      await q
        .insertInto("tickets")
        .values({
          branch_id: branchId,
          service_id: serviceId,
          day: t.day,
          series: "Q",
          number: n,
          label: `Q-${n}`,
          source: "WALK_IN",
          status: t.status,
          queued_at: queuedAt,
          called_at: calledAt,
          quoted_wait_minutes: t.quote?.[0] ?? null,
          quoted_wait_low: t.quote?.[1] ?? null,
          quoted_wait_high: t.quote?.[2] ?? null,
          token: randomUUID(),
          created_at: queuedAt,
          updated_at: calledAt,
        })
        .execute();
    };
    const s = a.services[0]!.id;
    const day = "2026-03-29";
    const done = "COMPLETED" as const;
    await ticket(main, s, {
      day,
      queued: "2026-03-29T05:00:00Z",
      waitMinutes: 5,
      status: done,
      quote: [4, 3, 6],
    });
    await ticket(main, s, {
      day,
      queued: "2026-03-29T05:10:00Z",
      waitMinutes: 12,
      status: done,
      quote: [8, 5, 10],
    });
    await ticket(main, s, {
      day,
      queued: "2026-03-29T05:20:00Z",
      waitMinutes: 2,
      status: done,
      quote: [6, 4, 9],
    });
    await ticket(main, s, {
      day,
      queued: "2026-03-29T05:30:00Z",
      waitMinutes: 7.5,
      status: done,
      quote: [7, 5, 10],
    });
    await ticket(main, s, {
      day,
      queued: "2026-03-29T06:00:00Z",
      waitMinutes: 30,
      status: done,
      quote: null,
    });
    await ticket(main, s, {
      day,
      queued: "2026-03-29T06:10:00Z",
      waitMinutes: 30,
      status: "NO_SHOW",
      quote: [1, 0, 2],
    });
    await ticket(main, s, {
      day: "2026-03-30",
      queued: "2026-03-30T05:00:00Z",
      waitMinutes: 30,
      status: done,
      quote: [1, 0, 2],
    });
    await ticket(other, b.services[0]!.id, {
      day,
      queued: "2026-03-29T05:00:00Z",
      waitMinutes: 10,
      status: done,
      quote: [10, 8, 13],
    });
  });
  afterAll(() => p.close());

  const report = async (query: string) => {
    const res = await call(p.app, "GET", `/api/c/${slug}/admin/reports?${query}`, {
      token: adminToken,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Report>().quotes;
  };

  it("sets the waits quoted at issue against the waits that followed", async () => {
    expect(await report(`from=2026-03-29&to=2026-03-29&branchId=${main}`)).toEqual({
      count: 4,
      maeMinutes: 2.4,
      biasMinutes: 0.4,
      withinRange: 0.5,
      underEstimated: 0.25,
    });
    // Both branches: one more, exact (error 0, inside): 9.5 / 5 = 1.9; 1.5 / 5 = 0.3.
    expect(await report("from=2026-03-29&to=2026-03-29")).toEqual({
      count: 5,
      maeMinutes: 1.9,
      biasMinutes: 0.3,
      withinRange: 0.6,
      underEstimated: 0.2,
    });
    // The 30th brings its ticket in (error 29, longer than its range).
    expect(await report(`from=2026-03-29&to=2026-03-30&branchId=${main}`)).toMatchObject({
      count: 5,
      maeMinutes: 7.7,
      underEstimated: 0.4,
    });
  });

  it("says so when nothing was quoted", async () => {
    expect(await report("from=2026-03-01&to=2026-03-02")).toEqual({
      count: 0,
      maeMinutes: null,
      biasMinutes: null,
      withinRange: null,
      underEstimated: null,
    });
  });

  it("exports the section in CSV and XLSX", async () => {
    const url = `/api/c/${slug}/admin/reports/export?from=2026-03-29&to=2026-03-29&branchId=${main}&lang=en`;
    const csv = await call(p.app, "GET", `${url}&format=csv`, { token: adminToken });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("Quoted vs actual\r\nFigure,Value\r\nQuoted and served,4\r\n");
    expect(csv.body).toContain("Mean absolute error (min),2.4");
    expect(csv.body).toContain("Inside quoted range,0.5");
    expect(csv.body).toContain("Longer than quoted range,0.25");
    const xlsx = await call(p.app, "GET", `${url}&format=xlsx`, { token: adminToken });
    expect(xlsx.statusCode).toBe(200);
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book
      .getWorksheet("Quoted vs actual")!
      .getSheetValues()
      .filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[1] === "Mean actual - quoted (min)")?.[2]).toBe(0.4);
  });
});
