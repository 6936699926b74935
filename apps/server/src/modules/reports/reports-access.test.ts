import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { createBranchWithService, createQueueCompany } from "../../testing/queue-factories";
import type { Report } from "./report.query";
import { REPORT_TEXTS } from "./report-export.texts";
import { seedReportDay, type ReportDay } from "./reports.seed";

// The hand-computed day of reports.seed.ts (Tashkent and Berlin across a DST change).

describe("reports: input, access and exports", () => {
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

  it("refuses bad input with field paths", async () => {
    const bad = await report("from=2026-03-29&to=2026-03-01");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([expect.objectContaining({ path: "to" })]);
    const long = await report("from=2025-01-01&to=2026-03-01");
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details[0].path).toBe("to");
    expect((await report("from=yesterday&to=2026-03-01")).statusCode).toBe(400);
    expect((await report(`${day}&branchId=nope`)).statusCode).toBe(400);
    // There is no year 0 (PostgreSQL's dates have none): a bad day, not a failure.
    const yearZero = await report("from=0000-01-01&to=0000-01-02");
    expect(yearZero.statusCode).toBe(400);
    expect(yearZero.json().error.details[0]).toMatchObject({ path: "from", code: "invalid_date" });
    // A day that does not exist is told once, about that day; no range is read from it.
    const feb30 = await report("from=2026-02-30&to=2026-03-01");
    expect(feb30.json().error.details).toEqual([expect.objectContaining({ path: "from" })]);
    for (const path of ["reports/export?format=csv&", "reports/staffing?"]) {
      const res = await call(
        p.app,
        "GET",
        `/api/c/${d.slug}/admin/${path}from=0000-01-01&to=0000-01-02&branchId=${crypto.randomUUID()}&serviceId=${crypto.randomUUID()}`,
        { token: d.adminToken },
      );
      expect(res.statusCode, path).toBe(400);
    }
  });

  it("a branch manager sees its own branches only; operators, strangers and anonymous nothing", async () => {
    const mine = (await report(day, d.manager.token)).json<Report>();
    expect(mine.branches.map((b) => b.branchId)).toEqual([d.tashkent]);
    expect(mine.totals).toMatchObject({ entered: 4, served: 2 });
    expect((await report(`${day}&branchId=${d.berlin}`, d.manager.token)).statusCode).toBe(404);
    const floor = await call(p.app, "GET", `/api/c/${d.slug}/admin/floor`, {
      token: d.manager.token,
    });
    expect(floor.json().branches.map((b: { id: string }) => b.id)).toEqual([d.tashkent]);

    expect((await report(day, d.o1.token)).statusCode).toBe(403);
    expect(
      (await call(p.app, "GET", `/api/c/${d.slug}/admin/floor`, { token: d.o1.token })).statusCode,
    ).toBe(403);
    expect((await report(day, "")).statusCode).toBe(401);
    const other = await createQueueCompany(p);
    const stranger = await call(p.app, "GET", `/api/c/${d.slug}/admin/reports?${day}`, {
      token: other.adminToken,
    });
    expect([401, 403, 404]).toContain(stranger.statusCode);
    const exp = await call(
      p.app,
      "GET",
      `/api/c/${d.slug}/admin/reports/export?${day}&format=csv`,
      {
        token: other.adminToken,
      },
    );
    expect([401, 403, 404]).toContain(exp.statusCode);
    // The admin naming another company's branch, or a service or operator that is not there,
    // is told so, not shown a report of zeros; the export and the public API's the same.
    const otherBranch = (await createBranchWithService(p.ctx, other.company)).branch.id;
    for (const [query, what] of [
      [`branchId=${otherBranch}`, "branch"],
      [`serviceId=${crypto.randomUUID()}`, "service"],
      [`operatorId=${crypto.randomUUID()}`, "operator"],
    ] as const) {
      for (const path of ["reports?", "reports/export?format=csv&"]) {
        const res = await call(p.app, "GET", `/api/c/${d.slug}/admin/${path}${day}&${query}`, {
          token: d.adminToken,
        });
        expect(res.statusCode, `${path}${query}`).toBe(404);
        expect(res.json().error.message).toContain(`The ${what}`);
      }
    }
    expect((await report(`${day}&branchId=${d.berlin}`)).statusCode).toBe(200);
  });

  const exportFile = (query: string) =>
    call(p.app, "GET", `/api/c/${d.slug}/admin/reports/export?${day}&${query}`, {
      token: d.adminToken,
    });

  it("exports CSV and an XLSX that reads back, in Uzbek unless asked otherwise", async () => {
    const csv = await exportFile("format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toBe(
      `attachment; filename="report-2026-03-29-2026-03-29.csv"; filename*=UTF-8''hisobot-2026-03-29-2026-03-29.csv`,
    );
    expect(csv.body).toContain("Umumiy koʻrsatkichlar\r\nKoʻrsatkich,Qiymat\r\n");
    expect(csv.body).toContain("Xizmat koʻrsatildi,4");
    expect(csv.body).toContain("Manba,Navbatga kirdi,");
    expect(csv.body).toMatch(/\r\nOynada,\d/);
    expect(csv.body).not.toContain("WALK_IN");
    const xlsx = await exportFile("format=xlsx");
    expect(xlsx.statusCode).toBe(200);
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const summary = book.getWorksheet("Umumiy koʻrsatkichlar")!;
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[1] === "Xizmat koʻrsatildi")?.[2]).toBe(4);
    expect(rows.find((r) => r[1] === "Kutish vaqti p90 (soniya)")?.[2]).toBe(2160);
    expect(book.getWorksheet("Operatorlar")!.rowCount).toBe(3);
    expect(book.worksheets.map((w) => w.name)).toContain("Soat × hafta kuni");
  });

  it("names every sheet as Excel allows, in every language", () => {
    for (const [lang, texts] of Object.entries(REPORT_TEXTS)) {
      const titles = Object.values(texts.titles);
      expect(new Set(titles).size, lang).toBe(titles.length);
      for (const title of titles) {
        expect(title.length, title).toBeLessThanOrEqual(31);
        expect(title, title).not.toMatch(/[[\]:*?/\\]/);
      }
    }
  });

  it("exports in Russian and English: headers, sources and branch names", async () => {
    const ru = await exportFile("format=csv&lang=ru");
    expect(ru.statusCode).toBe(200);
    expect(ru.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("отчёт-2026-03-29-2026-03-29.csv")}`,
    );
    expect(ru.body).toContain("Сводка\r\nПоказатель,Значение\r\n");
    expect(ru.body).toContain("Обслужено,4");
    expect(ru.body).toContain("Ожидание p90 (сек),2160");
    expect(ru.body).toContain("Источник,Встали в очередь,");
    expect(ru.body).toMatch(/\r\nУ окна,\d/);
    expect(ru.body).toMatch(/\r\nКиоск,\d/);
    // The branches have no Russian names: their Uzbek ones stand in.
    expect(ru.body).toMatch(/\r\nFilial [^,]+,\d/);

    const en = await exportFile("format=csv&lang=en");
    expect(en.body).toContain("Summary\r\nFigure,Value\r\n");
    expect(en.body).toContain("Wait p90 (s),2160");
    expect(en.body).toMatch(/\r\nAt the counter,\d/);
    expect(en.body).toMatch(/\r\nBranch [^,]+,\d/);

    const xlsx = await exportFile("format=xlsx&lang=ru");
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book.getWorksheet("Сводка")!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[1] === "Обслужено")?.[2]).toBe(4);
  });

  it("refuses a language it does not speak with the error shape", async () => {
    for (const lang of ["de", "uz-Cyrl", ""]) {
      const res = await exportFile(`format=csv&lang=${lang}`);
      expect(res.statusCode, lang).toBe(400);
      expect(res.json().error).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
        details: [expect.objectContaining({ path: "lang" })],
      });
    }
  });
});
