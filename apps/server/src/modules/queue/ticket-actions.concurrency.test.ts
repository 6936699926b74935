import { TICKET_ACTION } from "@equeue/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  issueTickets,
} from "../../testing/queue-factories";
import { companyDb, type CompanyRecord } from "../tenancy/company-directory";
import { callNextTicket } from "./call-next.command";
import { startCounterSession } from "./operator-session.service";
import { loadStaffWorkplace } from "./staff-workplace";
import { actOnTicket } from "./ticket-actions.command";
import { tryApplyTransition } from "./ticket-transition";
import { readTicketForStaff } from "./ticket.repository";

// Ticket actions read without a lock and write only if the row version is unchanged; these
// check that concurrent actions on one ticket are neither lost nor applied twice.
describe("actions on one ticket at the same moment", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    ({ company } = await createQueueCompany(p));
  });
  afterAll(() => p.close());

  async function calledTicket() {
    const { branch, services, counters } = await createBranchWithService(p.ctx, company);
    const op = await createQueueOperator(p.ctx, company, {
      branchId: branch.id,
      serviceIds: [services[0]!.id],
    });
    await startCounterSession(p.ctx, company, await loadStaffWorkplace(p.ctx.db, company, op.id), {
      counterId: counters[0]!.id,
    });
    await issueTickets(p.ctx, company, {
      branchId: branch.id,
      serviceId: services[0]!.id,
      count: 1,
    });
    const ticket = await callNextTicket(p.ctx, company, { staffId: op.id });
    return { op, ticket: ticket! };
  }
  const eventTypes = async (ticketId: string) =>
    (
      await companyDb(p.ctx.db, company)
        .selectFrom("ticket_events")
        .select("type")
        .where("ticket_id", "=", ticketId)
        .orderBy("id")
        .execute()
    ).map((e) => e.type);
  const settle = <T>(ps: Promise<T>[]) => Promise.allSettled(ps);

  it("finishes a ticket once when the operator's finish and cancel arrive together", async () => {
    const { op, ticket } = await calledTicket();
    await actOnTicket(p.ctx, company, { staffId: op.id }, ticket.id, TICKET_ACTION.START);
    const results = await settle(
      Array.from({ length: 6 }, (_, i) =>
        actOnTicket(
          p.ctx,
          company,
          { staffId: op.id },
          ticket.id,
          i % 2 ? TICKET_ACTION.CANCEL : TICKET_ACTION.FINISH,
        ),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected")) {
      expect((r.reason as { code: string }).code).toMatch(/ILLEGAL_TRANSITION|INVALID_STATE/);
    }
    const types = await eventTypes(ticket.id);
    expect(types.slice(0, 3)).toEqual(["ISSUE", "CALL", "START"]);
    expect(types.slice(3)).toHaveLength(1);
    expect(["FINISH", "CANCEL"]).toContain(types[3]);
  });

  it("counts every recall that was answered with success, and no other", async () => {
    const { op, ticket } = await calledTicket();
    const results = await settle(
      Array.from({ length: 5 }, () =>
        actOnTicket(p.ctx, company, { staffId: op.id }, ticket.id, TICKET_ACTION.RECALL),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled").length;
    expect(ok).toBeGreaterThan(0);
    const row = await companyDb(p.ctx.db, company)
      .selectFrom("tickets")
      .select("recall_count")
      .where("id", "=", ticket.id)
      .executeTakeFirstOrThrow();
    expect(row.recall_count).toBe(ok);
    expect((await eventTypes(ticket.id)).filter((t) => t === "RECALL")).toHaveLength(ok);
  });

  it("does not write a change decided on a ticket that changed after it was read", async () => {
    const { op, ticket } = await calledTicket();
    const read = await readTicketForStaff(p.ctx.db, company.schema_name, op.id, ticket.id);
    expect(read.scope?.id).toBe(op.id);
    // Meanwhile the operator recalls: the ticket's row version moves on.
    await actOnTicket(p.ctx, company, { staffId: op.id }, ticket.id, TICKET_ACTION.RECALL);
    const tx = { db: companyDb(p.ctx.db, company), schema: company.schema_name };
    const stale = await tryApplyTransition(
      tx,
      read.ticket!,
      TICKET_ACTION.RECALL,
      { ctx: { now: new Date() }, actor: { staffId: op.id, counterId: null } },
      read.ticket!.version,
    );
    expect(stale).toBeNull();
    expect((await eventTypes(ticket.id)).filter((t) => t === "RECALL")).toHaveLength(1);
    // Read again, the same decision goes through.
    const fresh = await readTicketForStaff(p.ctx.db, company.schema_name, op.id, ticket.id);
    const applied = await tryApplyTransition(
      tx,
      fresh.ticket!,
      TICKET_ACTION.RECALL,
      { ctx: { now: new Date() }, actor: { staffId: op.id, counterId: null } },
      fresh.ticket!.version,
    );
    expect(applied?.row.recall_count).toBe(2);
  });
});
