import { countPeopleAhead } from "@equeue/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  issueTickets,
} from "../../../testing/queue-factories";
import { companyDb, type CompanyRecord } from "../../tenancy/company-directory";
import { trackingViewByToken, trackingViews } from "./tracking.query";
import { loadWaitingLine, orderingContext, toCandidate } from "./waiting-line";

// A small deterministic generator, so a failure can be replayed.
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s % n;
  };
}

describe("people ahead computed by the database", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    ({ company } = await createQueueCompany(p));
  });
  afterAll(() => p.close());

  it("matches core's countPeopleAhead: priorities, due and not-due appointments, equal times", async () => {
    const now = new Date("2026-03-02T06:00:00.000Z");
    const { branch, services } = await createBranchWithService(p.ctx, company, {
      services: [{ letter: "A", headStartSeconds: 600 }, { letter: "B" }],
    });
    const db = companyDb(p.ctx.db, company);
    const minutes = (m: number) => new Date(now.getTime() + m * 60_000);
    const appointments = [
      null,
      null,
      null,
      minutes(-20),
      minutes(-10),
      minutes(3),
      minutes(3),
      minutes(10),
    ];
    const pick = random(42);
    const ids: string[] = [];
    for (const s of services) {
      const tickets = await issueTickets(p.ctx, company, {
        branchId: branch.id,
        serviceId: s.id,
        count: 30,
        now: minutes(-60),
      });
      for (const t of tickets) {
        await db
          .updateTable("tickets")
          .set({
            priority: pick(3),
            queued_at: minutes(-pick(5)),
            appointment_at: appointments[pick(appointments.length)]!,
          })
          .where("id", "=", t.id)
          .execute();
        ids.push(t.id);
      }
    }
    const line = await loadWaitingLine(db, branch.id);
    const expected = new Map(
      line.tickets.map((t) => [
        t.id,
        countPeopleAhead(
          toCandidate(t),
          line.tickets.map(toCandidate),
          orderingContext(now, line.headStart),
        ),
      ]),
    );
    // Many at once (the fan-out: lines ranked once) ...
    const all = await trackingViews(db, ids, now);
    for (const id of ids)
      expect([id, all.get(id)?.view.peopleAhead]).toEqual([id, expected.get(id)]);
    // ... one at a time (the socket snapshot: a count) ...
    for (const id of ids.slice(0, 20)) {
      const one = (await trackingViews(db, [id], now)).get(id)!.view;
      expect([id, one.peopleAhead, one.position]).toEqual([
        id,
        expected.get(id),
        expected.get(id)! + 1,
      ]);
    }
    // ... and by tracking token (the status page: ticket and position in one statement).
    const tokens = await db
      .selectFrom("tickets")
      .select(["id", "token"])
      .where("id", "in", ids)
      .execute();
    for (const { id, token } of tokens.slice(0, 20)) {
      const byToken = await trackingViewByToken(db, token, now);
      expect(byToken?.ticketId).toBe(id);
      expect(byToken!.view).toEqual((await trackingViews(db, [id], now)).get(id)!.view);
    }
    expect(new Set(expected.values()).size).toBeGreaterThan(20);
  });
});
