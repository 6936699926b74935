import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
} from "../../testing/queue-factories";
import type { CompanyRecord } from "../tenancy";
import { insertTicketHistory, served } from "./reports.fixtures";
import { setTargetWait } from "./reports.seed";
import type { StaffingAdvice } from "./staffing.query";

// A hand-computed fixture at a Tashkent branch (UTC+5). Every ticket is served in exactly 180 s.
// Monday 2026-03-30: 50 people enter the line at 09:00–09:15 and 20 at 09:15–09:30; Tuesday the
// 31st: 50 at 09:00–09:15. Averaged over both days: 50 and 10 per interval.
// With a 20 s target and 80 % within it (Erlang C, worked by hand):
// - 50 per 15 min × 180 s = 10 Erlangs: the CRAN ErlangC vector, 14 operators (SL 0.888, ASA 7.8 s);
// - 10 per 15 min = 2 Erlangs: 3 give SL 0.602, 4 give 1 − 0.1739·e^(−40/180) = 0.861;
// - 20 per 15 min (Mondays only) = 4 Erlangs: 6 give 0.772, 7 give 1 − 0.1351·e^(−60/180) = 0.903.

describe("staffing advice", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  let adminToken: string;
  let branchId: string;
  let serviceId: string;
  let operator: { id: string; token: string };

  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    ({ company, slug, adminToken } = await createQueueCompany(p));
    const b = await createBranchWithService(p.ctx, company, { timeZone: "Asia/Tashkent" });
    branchId = b.branch.id;
    serviceId = b.services[0]!.id;
    await setTargetWait(p, company, [serviceId], 1);
    operator = await createQueueOperator(p.ctx, company, { branchId, serviceIds: [serviceId] });
    const at = (base: string, seconds: number) =>
      new Date(Date.parse(base) + seconds * 1000).toISOString();
    const batch = async (start: string, count: number) => {
      for (let i = 0; i < count; i++) {
        const issue = at(start, i * 10);
        await insertTicketHistory(p.ctx.db, company, {
          branchId,
          serviceId,
          source: "KIOSK",
          events: served(operator.id, issue, at(issue, 5), at(issue, 5), at(issue, 185)),
        });
      }
    };
    await batch("2026-03-30T04:00:00Z", 50);
    await batch("2026-03-30T04:15:00Z", 20);
    await batch("2026-03-31T04:00:00Z", 50);
    p.ctx.events.poke(company);
    await p.ctx.events.idle();
  }, 120_000);
  afterAll(() => p.close());

  const advice = (query: string, token = adminToken) =>
    call(
      p.app,
      "GET",
      `/api/c/${slug}/admin/reports/staffing?branchId=${branchId}&serviceId=${serviceId}&${query}`,
      { token },
    );
  const range = "from=2026-03-30&to=2026-03-31";

  it("plans each interval of the average day by Erlang C from measured arrivals and service time", async () => {
    const res = await advice(`${range}&targetSeconds=20`);
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json<StaffingAdvice>();
    expect(a).toMatchObject({
      days: 2,
      weekday: null,
      goal: 0.8,
      targetSeconds: 20,
      targetFrom: "request",
      handleSeconds: 180,
      peakAgents: 14,
    });
    expect(a.intervals.map(({ averageWaitSeconds: _, ...i }) => i)).toEqual([
      {
        start: "09:00",
        arrivals: 50,
        handleSeconds: 180,
        traffic: 10,
        agents: 14,
        serviceLevel: 0.888,
      },
      {
        start: "09:15",
        arrivals: 10,
        handleSeconds: 180,
        traffic: 2,
        agents: 4,
        serviceLevel: 0.861,
      },
    ]);
    expect(a.intervals[0]!.averageWaitSeconds).toBeCloseTo(7.84, 1);
  });

  it("averages one weekday when asked", async () => {
    const monday = (await advice(`${range}&targetSeconds=20&weekday=1`)).json<StaffingAdvice>();
    expect(monday.days).toBe(1);
    expect(monday.intervals.map((i) => [i.start, i.arrivals, i.agents, i.serviceLevel])).toEqual([
      ["09:00", 50, 14, 0.888],
      ["09:15", 20, 7, 0.903],
    ]);
    const tuesday = (await advice(`${range}&targetSeconds=20&weekday=2`)).json<StaffingAdvice>();
    expect(tuesday.intervals.map((i) => [i.start, i.agents])).toEqual([["09:00", 14]]);
    // A range without arrivals advises nothing.
    const empty = (await advice("from=2026-04-06&to=2026-04-07")).json<StaffingAdvice>();
    expect(empty).toMatchObject({ days: 2, intervals: [], peakAgents: 0, handleSeconds: null });
  });

  it("uses the service's own target and the asked goal", async () => {
    const a = (await advice(`${range}&goal=0.9`)).json<StaffingAdvice>();
    expect(a).toMatchObject({ targetSeconds: 60, targetFrom: "service", goal: 0.9 });
    // A longer target and the same goal never need more operators than the 20 s plan.
    for (const i of a.intervals) expect(i.serviceLevel).toBeGreaterThanOrEqual(0.9);
    expect(a.intervals[0]!.agents).toBeLessThanOrEqual(15);
  });

  it("refuses bad input, operators, anonymous callers and other companies", async () => {
    const bad = await advice("from=2026-03-31&to=2026-03-30&weekday=9&goal=2");
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(["goal", "to", "weekday"]);
    const missing = await call(p.app, "GET", `/api/c/${slug}/admin/reports/staffing?${range}`, {
      token: adminToken,
    });
    expect(missing.statusCode).toBe(400);
    expect((await advice(range, operator.token)).statusCode).toBe(403);
    expect((await advice(range, "")).statusCode).toBe(401);
    const other = await createQueueCompany(p);
    expect([401, 403, 404]).toContain((await advice(range, other.adminToken)).statusCode);
    // A manager of another branch, and a service of another company: not found.
    const elsewhere = await createBranchWithService(p.ctx, company, { timeZone: "Asia/Tashkent" });
    const manager = await createQueueOperator(p.ctx, company, {
      branchId: elsewhere.branch.id,
      role: "BRANCH_MANAGER",
    });
    expect((await advice(range, manager.token)).statusCode).toBe(404);
    const foreign = await createBranchWithService(p.ctx, other.company, {});
    const res = await call(
      p.app,
      "GET",
      `/api/c/${slug}/admin/reports/staffing?branchId=${branchId}&serviceId=${foreign.services[0]!.id}&${range}`,
      { token: adminToken },
    );
    expect(res.statusCode).toBe(404);
  });
});
