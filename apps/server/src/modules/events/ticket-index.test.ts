import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  issueTickets,
} from "../../testing/queue-factories";
import { companyDb, type CompanyRecord } from "../tenancy/company-directory";
import type { DomainEvent, DurableSubscriber } from "./events.types";
import { ticketIndexSubscriber } from "./ticket-index.subscriber";

describe("durable queue events", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  const seen: DomainEvent[] = [];
  const recorder: DurableSubscriber = {
    name: "test-recorder",
    handle: async (_tx, _c, events) => void seen.push(...events),
  };
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false, extraSubscribers: [recorder] });
    ({ company, slug } = await createQueueCompany(p));
  });
  afterAll(() => p.close());

  const index = () =>
    p.ctx.db
      .selectFrom("platform.ticket_index")
      .selectAll()
      .where("company_id", "=", company.id)
      .orderBy("label")
      .execute();

  it("keeps the cross-company ticket index at each ticket's latest state", async () => {
    const setup = await createBranchWithService(p.ctx, company);
    const serviceId = setup.services[0]!.id;
    const op = await createQueueOperator(p.ctx, company, {
      branchId: setup.branch.id,
      serviceIds: [serviceId],
    });
    const post = (path: string) =>
      call(p.app, "POST", `/api/c/${slug}/queue${path}`, { token: op.token, body: {} });
    await call(p.app, "POST", `/api/c/${slug}/queue/session`, {
      token: op.token,
      body: { counterId: setup.counters[0]!.id },
    });
    const [first, second] = await issueTickets(p.ctx, company, {
      branchId: setup.branch.id,
      serviceId,
      count: 2,
    });
    await p.ctx.events.idle();
    expect((await index()).map((r) => [r.ticket_id, r.status])).toEqual([
      [first!.id, "WAITING"],
      [second!.id, "WAITING"],
    ]);

    expect((await post("/call-next")).statusCode).toBe(200);
    await p.ctx.events.idle();
    expect((await index())[0]).toMatchObject({ ticket_id: first!.id, status: "CALLED" });
    await post(`/tickets/${first!.id}/start`);
    await post(`/tickets/${first!.id}/finish`);
    await p.ctx.events.idle();
    const rows = await index();
    expect(rows[0]).toMatchObject({
      ticket_id: first!.id,
      status: "COMPLETED",
      token: first!.token,
      branch_id: setup.branch.id,
      label: first!.label,
    });
    expect(rows[1]).toMatchObject({ ticket_id: second!.id, status: "WAITING" });

    // Every event reached every durable subscriber once, in order, and the cursors say so.
    const log = await companyDb(p.ctx.db, company)
      .selectFrom("ticket_events")
      .select(["id", "type"])
      .orderBy("id")
      .execute();
    expect(seen.map((e) => [e.id, e.type])).toEqual(log.map((e) => [e.id, e.type]));
    const cursors = await companyDb(p.ctx.db, company)
      .selectFrom("event_cursors")
      .select(["subscriber", "last_id"])
      .orderBy("subscriber")
      .execute();
    expect(cursors).toEqual([
      { subscriber: "notifications", last_id: log.at(-1)!.id },
      { subscriber: "report-rollups", last_id: log.at(-1)!.id },
      { subscriber: "test-recorder", last_id: log.at(-1)!.id },
      { subscriber: "ticket-index", last_id: log.at(-1)!.id },
      { subscriber: "webhooks", last_id: log.at(-1)!.id },
    ]);

    // A replayed batch (what a crash before the cursor's commit causes) changes nothing, and an
    // older batch never rolls an entry back.
    const all = seen.slice();
    const before = await index();
    await p.ctx.db
      .transaction()
      .execute((trx) =>
        ticketIndexSubscriber.handle({ db: trx, company: companyDb(trx, company) }, company, all),
      );
    await p.ctx.db.transaction().execute((trx) =>
      ticketIndexSubscriber.handle(
        { db: trx, company: companyDb(trx, company) },
        company,
        all.filter((e) => e.type === "ISSUE"),
      ),
    );
    expect(await index()).toEqual(before);
  });

  it("delivers events written but never dispatched when the sweep runs", async () => {
    const setup = await createBranchWithService(p.ctx, company);
    // Written straight to the log, as a process that crashed after its commit leaves them.
    const [t] = await issueTickets(p.ctx, company, {
      branchId: setup.branch.id,
      serviceId: setup.services[0]!.id,
      count: 1,
    });
    await p.ctx.events.idle();
    await sql`delete from platform.ticket_index where ticket_id = ${t!.id}`.execute(p.ctx.db);
    await companyDb(p.ctx.db, company)
      .updateTable("event_cursors")
      .set({ last_tx: sql`'0'::xid8`, last_id: 0 })
      .where("subscriber", "=", "ticket-index")
      .execute();
    const swept = await p.ctx.events.sweep();
    expect(swept.behind).toBeGreaterThanOrEqual(1);
    await p.ctx.events.idle();
    expect((await index()).some((r) => r.ticket_id === t!.id)).toBe(true);
    expect(await p.ctx.events.sweep()).toMatchObject({ behind: 0 });
  });
});
