import { rankCandidates } from "@equeue/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  issuerFor,
  issueTickets,
} from "../../../testing/queue-factories";
import type { CompanyRecord } from "../../tenancy/company-directory";
import { companyDb } from "../../tenancy/company-directory";
import { callNextTicket } from "./call-next.command";
import { callNextStatement } from "../sql/call-next.sql";
import { isCitus } from "../../../db/database";
import { issueTicket } from "./issue-ticket.command";
import { startCounterSession } from "./operator-session.command";
import { loadStaffWorkplace } from "../staff-workplace";
import { actOnTicket } from "./ticket-actions.command";
import { toCandidate } from "../queries/waiting-line";

const OPERATORS = 50;
const TICKETS = 1000;

describe("call next under concurrency", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    ({ company } = await createQueueCompany(p));
  });
  afterAll(() => p.close());

  const scopeOf = (id: string) => loadStaffWorkplace(p.ctx.db, company, id);

  async function seatOperators(
    n: number,
    branchId: string,
    serviceIds: string[],
    counterIds: string[],
  ) {
    const ops = [];
    for (let i = 0; i < n; i++) {
      const op = await createQueueOperator(p.ctx, company, { branchId, serviceIds });
      await startCounterSession(p.ctx, company, await scopeOf(op.id), {
        counterId: counterIds[i]!,
      });
      ops.push(op);
    }
    return ops;
  }

  it(`never gives one ticket to two operators: ${OPERATORS} operators, ${TICKETS} tickets`, async () => {
    const { branch, services, counters } = await createBranchWithService(p.ctx, company, {
      services: [{ letter: "A" }, { letter: "B" }],
      counters: OPERATORS,
    });
    const serviceIds = services.map((s) => s.id);
    for (const s of services) {
      await issueTickets(p.ctx, company, {
        branchId: branch.id,
        serviceId: s.id,
        count: TICKETS / 2,
      });
    }
    const ops = await seatOperators(
      OPERATORS,
      branch.id,
      serviceIds,
      counters.map((c) => c.id),
    );
    const calledBy = new Map<string, string[]>();
    const errors: unknown[] = [];
    await Promise.all(
      ops.map(async (op) => {
        const mine: string[] = [];
        calledBy.set(op.id, mine);
        for (;;) {
          try {
            const ticket = await callNextTicket(p.ctx, company, await scopeOf(op.id));
            if (!ticket) return;
            mine.push(ticket.id);
            // Clear the counter for the next call (serving is tested elsewhere; this is about calling).
            await actOnTicket(p.ctx, company, await scopeOf(op.id), ticket.id, "CANCEL");
          } catch (err) {
            errors.push(err);
            return;
          }
        }
      }),
    );
    expect(errors).toEqual([]);
    const all = [...calledBy.values()].flat();
    expect(all).toHaveLength(TICKETS);
    expect(new Set(all).size).toBe(TICKETS);
    const db = companyDb(p.ctx.db, company);
    const statuses = await db
      .selectFrom("tickets")
      .select(["status"])
      .where("branch_id", "=", branch.id)
      .execute();
    expect(statuses).toHaveLength(TICKETS);
    expect(statuses.every((t) => t.status === "CANCELLED")).toBe(true);
    const calls = await db
      .selectFrom("ticket_events as e")
      .innerJoin("tickets as t", "t.id", "e.ticket_id")
      .select("e.ticket_id")
      .where("t.branch_id", "=", branch.id)
      .where("e.type", "=", "CALL")
      .execute();
    expect(calls).toHaveLength(TICKETS);
    expect(new Set(calls.map((c) => c.ticket_id)).size).toBe(TICKETS);
    // Work was shared: more than one operator got customers.
    expect([...calledBy.values()].filter((l) => l.length > 0).length).toBeGreaterThan(1);
  }, 120_000);

  it("calls in exactly the order core's policy ranks them (SQL = rankCandidates)", async () => {
    const { branch, services, counters } = await createBranchWithService(p.ctx, company, {
      services: [
        { letter: "A" },
        { letter: "B", headStartSeconds: 600 },
        { letter: "C", priority: 2 },
      ],
    });
    const serviceIds = services.map((s) => s.id);
    const now = new Date("2026-03-10T09:00:00Z");
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let i = 0; i < 60; i++) {
      const service = services[Math.floor(rnd() * 3)]!;
      const at = new Date(now.getTime() - 3_600_000 + Math.floor(rnd() * 3_000_000));
      const source = rnd() < 0.5 ? "KIOSK" : "ONLINE";
      const t = await issueTicket(
        p.ctx,
        company,
        await issuerFor(p.ctx, company, source, branch.id),
        { branchId: branch.id, serviceId: service.id },
        { now: at },
      );
      // Some tickets are checked-in appointments, due now or not; some have raised priority.
      const roll = rnd();
      const patch =
        roll < 0.15
          ? { appointment_at: new Date(now.getTime() + Math.floor((rnd() - 0.5) * 3_600_000)) }
          : roll < 0.25
            ? { priority: 1 }
            : {};
      if (Object.keys(patch).length) {
        await companyDb(p.ctx.db, company)
          .updateTable("tickets")
          .set(patch)
          .where("id", "=", t.id)
          .execute();
      }
    }
    const rows = await companyDb(p.ctx.db, company)
      .selectFrom("tickets as t")
      .innerJoin("services as s", "s.id", "t.service_id")
      .selectAll("t")
      .select(["s.name as service_name"])
      .where("t.branch_id", "=", branch.id)
      .execute();
    const [op] = await seatOperators(1, branch.id, serviceIds, [counters[0]!.id]);
    const expected = rankCandidates(
      rows.map((r) => toCandidate({ ...r, counter_number: null })),
      {
        now,
        operatorId: op!.id,
        serviceIds,
        serviceHeadStartSeconds: Object.fromEntries(
          services.map((s) => [s.id, s.head_start_seconds]),
        ),
      },
    ).map((c) => c.id);
    // Both forms of the statement, alternately: the fast one (heads of the lines + due
    // appointments) and the exhaustive one (the whole line) must agree with core.
    const actual: string[] = [];
    const q = { staffId: op!.id, now };
    for (let i = 0; ; i++) {
      // (Citus runs the statement without its event step; the order is the same.)
      const res = await callNextStatement(company.schema_name, q, i % 2 === 1, {
        logged: !isCitus(p.ctx.db),
      }).execute(p.ctx.db);
      const t = res.rows[0];
      if (!t) break;
      actual.push(t.id);
      await actOnTicket(p.ctx, company, await scopeOf(op!.id), t.id, "CANCEL", { now });
    }
    expect(actual).toEqual(expected);
    expect(await callNextTicket(p.ctx, company, await scopeOf(op!.id), { now })).toBeNull();
  });
});
