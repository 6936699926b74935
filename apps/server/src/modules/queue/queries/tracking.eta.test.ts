import { randomUUID } from "node:crypto";
import { customerWait, estimateWait } from "@equeue/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createDisplayDevice,
  createTestPlatform,
  deviceAuth,
  type TestPlatform,
} from "../../../testing";
import {
  createBranchWithService,
  createPublicCompany,
  createQueueOperator,
  issuerFor,
  issueTickets,
} from "../../../testing/queue-factories";
import { companyDb, type CompanyRecord } from "../../tenancy/company-directory";
import { issueTicket } from "../commands/issue-ticket.command";
import { trackingViewByToken, trackingViews } from "./tracking.query";

const MIN = 60_000;

/**
 * The wait customers see comes from core's delay-history ETA (customerWait), fed the line's
 * recent calls from the database: a line whose recent calls waited long is quoted longer than
 * people ahead × service time ÷ operators (the old estimate) says.
 */
describe("the ETA customers see and the wait quoted at issue", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    // Active, so that its portal answers.
    ({ slug, company } = await createPublicCompany(p));
  });
  afterAll(() => p.close());

  /** A branch with one 5-minute service and `operators` operators at their counters. */
  async function line(operators: number) {
    const { branch, services, counters } = await createBranchWithService(p.ctx, company, {
      services: [{ durationMinutes: 5 }],
    });
    const service = services[0]!;
    const db = companyDb(p.ctx.db, company);
    for (let i = 0; i < operators; i++) {
      const op = await createQueueOperator(p.ctx, company, {
        branchId: branch.id,
        serviceIds: [service.id],
      });
      await db
        .insertInto("operator_status")
        .values({
          staff_id: op.id,
          branch_id: branch.id,
          counter_id: counters[i]!.id,
          status: "AVAILABLE",
          reason: null,
        })
        .execute();
    }
    return { branch, service, db };
  }

  /** Served tickets of the line, called at `calledAt` after waiting `waitMinutes` each. */
  async function calls(
    l: Awaited<ReturnType<typeof line>>,
    list: { calledAt: Date; waitMinutes: number }[],
  ) {
    let n = 900;
    for (const c of list) {
      const queuedAt = new Date(c.calledAt.getTime() - c.waitMinutes * MIN);
      n += 1;
      await l.db
        .insertInto("tickets")
        .values({
          branch_id: l.branch.id,
          service_id: l.service.id,
          day: queuedAt.toISOString().slice(0, 10),
          series: "H",
          number: n,
          label: `H-${n}`,
          source: "WALK_IN",
          status: "COMPLETED",
          queued_at: queuedAt,
          called_at: c.calledAt,
          token: randomUUID(),
          created_at: queuedAt,
          updated_at: c.calledAt,
        })
        .execute();
    }
  }

  it("quotes a line whose recent calls were slow longer than the old estimate, on every path", async () => {
    const now = new Date("2026-03-02T07:00:00.000Z");
    const l = await line(1);
    // Four calls in the last half hour, each after a 30-minute wait; one 40 minutes ago (outside
    // the model's window: ignored).
    const recent = [20, 15, 10, 5].map((ago) => ({
      calledAt: new Date(now.getTime() - ago * MIN),
      waitMinutes: 30,
    }));
    await calls(l, [{ calledAt: new Date(now.getTime() - 40 * MIN), waitMinutes: 1 }, ...recent]);
    const waiting = await issueTickets(p.ctx, company, {
      branchId: l.branch.id,
      serviceId: l.service.id,
      count: 4,
      now: new Date(now.getTime() - 2 * MIN),
    });
    const last = waiting[3]!;

    const base = {
      peopleAhead: 3,
      operatorsServing: 1,
      smoothedServiceSeconds: null,
      expectedServiceSeconds: 300,
    };
    const old = estimateWait(base);
    expect(old.minutes).toBe(15);
    // By hand: queue 900 s, flow 3 × 1800 / 4 = 1350 s, last wait 1800 s, recent wait 1800 s:
    // 0.1806·900 + 0.412·1350 + 0.3161·1800 + 0.0961·1800 + 48.835 = 1509.5 s ≈ 25 min.
    const expected = customerWait({
      ...base,
      now,
      recentCalls: recent.map((c) => ({ calledAt: c.calledAt, waitSeconds: 1800 })),
    });
    expect(expected.minutes).toBe(25);
    expect(expected.minutes).toBeGreaterThan(old.minutes);
    const estimate = {
      minutes: expected.minutes,
      lowMinutes: expected.lowMinutes,
      highMinutes: expected.highMinutes,
      noOperators: false,
    };
    expect(estimate.lowMinutes).toBeLessThanOrEqual(25);
    expect(estimate.highMinutes).toBeGreaterThan(25);

    // The status page's one-statement read.
    const byToken = await trackingViewByToken(l.db, last.token, now);
    expect(byToken!.view).toMatchObject({ peopleAhead: 3, estimate });
    // The fan-out's batch read: a count each (≤ 2 tickets) and the ranked lines (more).
    const one = await trackingViews(l.db, [last.id], now);
    expect(one.get(last.id)!.view.estimate).toEqual(estimate);
    const all = await trackingViews(
      l.db,
      waiting.map((t) => t.id),
      now,
    );
    expect(all.get(last.id)!.view.estimate).toEqual(estimate);
    expect(all.get(waiting[0]!.id)!.view.estimate!.minutes).toBeLessThan(estimate.minutes);
  });

  it("keeps the old estimate while the line has too few recent calls to go on", async () => {
    const now = new Date("2026-03-02T07:00:00.000Z");
    const l = await line(1);
    await calls(l, [{ calledAt: new Date(now.getTime() - 5 * MIN), waitMinutes: 30 }]);
    const [t] = await issueTickets(p.ctx, company, {
      branchId: l.branch.id,
      serviceId: l.service.id,
      count: 3,
      now: new Date(now.getTime() - MIN),
    }).then((x) => [x[2]!]);
    const view = (await trackingViewByToken(l.db, t!.token, now))!.view;
    const old = estimateWait({
      peopleAhead: 2,
      operatorsServing: 1,
      smoothedServiceSeconds: null,
      expectedServiceSeconds: 300,
    });
    expect(view.estimate).toEqual({
      minutes: old.minutes,
      lowMinutes: old.lowMinutes,
      highMinutes: old.highMinutes,
      noOperators: false,
    });
  });

  it("stores the wait quoted at issue: what the ticket's holder first sees", async () => {
    const now = new Date("2026-03-02T07:00:00.000Z");
    const l = await line(2);
    await calls(
      l,
      [12, 8, 4].map((ago) => ({ calledAt: new Date(now.getTime() - ago * MIN), waitMinutes: 20 })),
    );
    await issueTickets(p.ctx, company, {
      branchId: l.branch.id,
      serviceId: l.service.id,
      count: 5,
      now: new Date(now.getTime() - MIN),
    });
    const issuer = await issuerFor(p.ctx, company, "KIOSK", l.branch.id);
    const t = await issueTicket(
      p.ctx,
      company,
      issuer,
      { branchId: l.branch.id, serviceId: l.service.id },
      { now },
    );
    const expected = customerWait({
      now,
      peopleAhead: 5,
      operatorsServing: 2,
      smoothedServiceSeconds: null,
      expectedServiceSeconds: 300,
      recentCalls: [12, 8, 4].map((ago) => ({
        calledAt: new Date(now.getTime() - ago * MIN),
        waitSeconds: 1200,
      })),
    });
    expect(t).toMatchObject({
      quoted_wait_minutes: expected.minutes,
      quoted_wait_low: expected.lowMinutes,
      quoted_wait_high: expected.highMinutes,
    });
    const row = await l.db
      .selectFrom("tickets")
      .select(["quoted_wait_minutes", "quoted_wait_low", "quoted_wait_high"])
      .where("id", "=", t.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      quoted_wait_minutes: expected.minutes,
      quoted_wait_low: expected.lowMinutes,
      quoted_wait_high: expected.highMinutes,
    });
    const seen = (await trackingViewByToken(l.db, t.token, now))!.view.estimate!;
    expect([seen.minutes, seen.lowMinutes, seen.highMinutes]).toEqual([
      row.quoted_wait_minutes,
      row.quoted_wait_low,
      row.quoted_wait_high,
    ]);
    // The first tickets of the line were quoted too (with fewer people ahead: a shorter quote).
    const first = await l.db
      .selectFrom("tickets")
      .select("quoted_wait_minutes")
      .where("branch_id", "=", l.branch.id)
      .where("status", "=", "WAITING")
      .orderBy("queued_at")
      .executeTakeFirstOrThrow();
    expect(first.quoted_wait_minutes).not.toBeNull();
    expect(first.quoted_wait_minutes!).toBeLessThan(row.quoted_wait_minutes!);
  });

  it("quotes nothing while nobody serves the service, nor a booking", async () => {
    const now = new Date("2026-03-02T07:00:00.000Z");
    const l = await line(0);
    const [t] = await issueTickets(p.ctx, company, {
      branchId: l.branch.id,
      serviceId: l.service.id,
      count: 1,
      now,
    });
    expect(t).toMatchObject({ quoted_wait_minutes: null, quoted_wait_low: null });
    const view = (await trackingViewByToken(l.db, t!.token, now))!.view;
    expect(view.estimate!.noOperators).toBe(true);
  });

  it("shows the ETA on the portal's and the kiosk's services lists", async () => {
    const l = await line(1);
    const now = Date.now();
    await calls(
      l,
      [9, 6, 3].map((ago) => ({ calledAt: new Date(now - ago * MIN), waitMinutes: 30 })),
    );
    await issueTickets(p.ctx, company, {
      branchId: l.branch.id,
      serviceId: l.service.id,
      count: 2,
    });
    const expected = customerWait({
      now: new Date(now),
      peopleAhead: 2,
      operatorsServing: 1,
      smoothedServiceSeconds: null,
      expectedServiceSeconds: 300,
      recentCalls: [9, 6, 3].map((ago) => ({
        calledAt: new Date(now - ago * MIN),
        waitSeconds: 1800,
      })),
    });
    const old = estimateWait({
      peopleAhead: 2,
      operatorsServing: 1,
      smoothedServiceSeconds: null,
      expectedServiceSeconds: 300,
    });
    expect(expected.minutes).toBeGreaterThan(old.minutes);
    const res = await call(p.app, "GET", `/api/c/${slug}/portal/branches/${l.branch.slug}`);
    expect(res.statusCode, res.body).toBe(200);
    const wait = {
      minutes: expected.minutes,
      lowMinutes: expected.lowMinutes,
      highMinutes: expected.highMinutes,
      noOperators: false,
    };
    const shown = res.json().services.find((s: { id: string }) => s.id === l.service.id);
    expect(shown.wait).toEqual(wait);
    const kiosk = await createDisplayDevice(p.ctx, company, l.branch.id, "KIOSK");
    const snap = await call(p.app, "GET", `/api/c/${slug}/kiosk/snapshot`, {
      headers: deviceAuth(kiosk),
    });
    expect(snap.statusCode, snap.body).toBe(200);
    const offered = snap.json().services.find((s: { id: string }) => s.id === l.service.id);
    expect(offered.wait).toEqual(wait);
  });
});
