import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";
import type { CompanyRecord } from "../tenancy";
import { splitRange } from "./month-tier";
import { buildReport } from "./report.query";
import { insertTicketHistory, served, type FixtureEvent } from "./reports.fixtures";
import { seedTwoZones } from "./reports.seed";

describe("splitRange", () => {
  it("cuts a range into whole months and the days around them", () => {
    expect(splitRange("2026-01-15", "2026-04-10")).toEqual({
      months: ["2026-02-01", "2026-03-01"],
      days: [
        ["2026-01-15", "2026-01-31"],
        ["2026-04-01", "2026-04-10"],
      ],
    });
    expect(splitRange("2026-02-01", "2026-02-28")).toEqual({
      months: ["2026-02-01", "2026-02-01"],
      days: [],
    });
    expect(splitRange("2024-02-01", "2024-02-28")).toEqual({
      months: null,
      days: [["2024-02-01", "2024-02-28"]],
    });
    expect(splitRange("2025-12-31", "2026-01-31")).toEqual({
      months: ["2026-01-01", "2026-01-01"],
      days: [["2025-12-31", "2025-12-31"]],
    });
    expect(splitRange("2026-03-02", "2026-03-30")).toEqual({
      months: null,
      days: [["2026-03-02", "2026-03-30"]],
    });
  });
});

// Tickets over four months in Asia/Tashkent (UTC+5) and Europe/Berlin (summer time from March
// 29th), many near local midnights at month ends: a report read from months and edge days must
// equal the same report read from day rows only.
describe("reports from the month tier", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let branches: string[];
  let serviceId: string;
  let ops: string[];

  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    const z = await seedTwoZones(p);
    ({ company, serviceId } = z);
    branches = [z.tashkent, z.berlin];
    ops = [z.o1.id, z.o2.id];
    // A fixed pseudo-random stream (the same on every run).
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const iso = (ms: number) => new Date(ms).toISOString();
    const starts: number[] = [];
    for (let i = 0; i < 90; i++)
      starts.push(Date.parse("2026-01-20T00:00:00Z") + rand(105 * 24) * 3_600_000);
    // Around the local midnights that end January, March and April in both zones.
    for (const edge of ["2026-01-31", "2026-03-31", "2026-04-30"]) {
      for (let k = 0; k < 8; k++) starts.push(Date.parse(`${edge}T18:00:00Z`) + k * 45 * 60_000);
    }
    for (const [i, start] of starts.entries()) {
      const b = i % 2;
      const wait = rand(40 * 60) * 1000;
      const service = (60 + rand(20 * 60)) * 1000;
      const events: FixtureEvent[] =
        rand(5) === 0
          ? [
              { at: iso(start), type: "ISSUE", from: null, to: "WAITING" },
              { at: iso(start + wait), type: "CANCEL", from: "WAITING", to: "CANCELLED" },
            ]
          : served(
              ops[b]!,
              iso(start),
              iso(start + wait),
              iso(start + wait + 20_000),
              iso(start + wait + 20_000 + service),
            );
      await insertTicketHistory(p.ctx.db, company, {
        branchId: branches[b]!,
        serviceId,
        source: (["WALK_IN", "KIOSK", "ONLINE"] as const)[rand(3)]!,
        events,
      });
    }
    p.ctx.events.poke(company);
    await p.ctx.events.idle();
  }, 180_000);
  afterAll(() => p.close());

  const ranges: [string, string][] = [
    ["2026-01-20", "2026-05-05"],
    ["2026-02-01", "2026-04-30"],
    ["2026-01-31", "2026-04-01"],
    ["2026-03-01", "2026-03-31"],
    ["2026-03-15", "2026-04-14"],
  ];

  it("gives the same report from months and edge days as from day rows only", async () => {
    const filters = [
      {},
      { branchId: branches[1] },
      { serviceId },
      { operatorId: ops[0] },
      { operatorId: ops[1], serviceId },
    ];
    for (const [from, to] of ranges) {
      for (const extra of filters) {
        const f = { from, to, scope: null, ...extra };
        const both = await buildReport(p.ctx.db, company, f);
        const daysOnly = await buildReport(p.ctx.db, company, f, { months: false });
        expect(both, `${from}..${to} ${JSON.stringify(extra)}`).toEqual(daysOnly);
      }
    }
    // The figures are real: a whole quarter holds most of the stream, on both branches.
    const q = await buildReport(p.ctx.db, company, {
      ...{ from: "2026-02-01", to: "2026-04-30" },
      scope: null,
    });
    expect(q.totals.served).toBeGreaterThan(30);
    expect(q.branches).toHaveLength(2);
    expect(q.heatmap.length).toBeGreaterThan(10);
    expect(q.wait.p90).not.toBeNull();
  });

  it("keeps months equal to their days after more events (the subscriber's refresh)", async () => {
    const rows = await sql<{ n: number }>`select count(*)::int as n
      from ${sql.id(company.schema_name, "report_months")}`.execute(p.ctx.db);
    expect(rows.rows[0]!.n).toBeGreaterThan(0);
    // One more visit at 00:30 local on April 1st in Tashkent (still March 31st in Berlin).
    await insertTicketHistory(p.ctx.db, company, {
      branchId: branches[0]!,
      serviceId,
      source: "KIOSK",
      events: served(
        ops[0]!,
        "2026-03-31T19:30:00Z",
        "2026-03-31T19:40:00Z",
        "2026-03-31T19:41:00Z",
        "2026-03-31T19:50:00Z",
      ),
    });
    p.ctx.events.poke(company);
    await p.ctx.events.idle();
    for (const [from, to] of ranges) {
      const f = { from, to, scope: null };
      expect(await buildReport(p.ctx.db, company, f)).toEqual(
        await buildReport(p.ctx.db, company, f, { months: false }),
      );
    }
  });
});
