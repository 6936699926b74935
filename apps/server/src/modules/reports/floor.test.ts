import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  issueTickets,
} from "../../testing/queue-factories";
import type { CompanyRecord } from "../tenancy";
import type { FloorView } from "./floor.query";
import { setTargetWait } from "./reports.seed";

describe("live floor view", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  let adminToken: string;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    ({ company, slug, adminToken } = await createQueueCompany(p));
  });
  afterAll(() => p.close());

  it("shows waiting, longest wait against the target, operators and served today", async () => {
    const setup = await createBranchWithService(p.ctx, company);
    const serviceId = setup.services[0]!.id;
    await setTargetWait(p, company, [serviceId], 5);
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
    const [first] = await issueTickets(p.ctx, company, {
      branchId: setup.branch.id,
      serviceId,
      count: 3,
    });
    const floor = async () => {
      const res = await call(p.app, "GET", `/api/c/${slug}/admin/floor`, { token: adminToken });
      expect(res.statusCode, res.body).toBe(200);
      const branch = res.json<FloorView>().branches.find((b) => b.id === setup.branch.id)!;
      return { service: branch.services[0]!, operators: branch.operators };
    };
    let f = await floor();
    expect(f.service).toMatchObject({ waiting: 3, servedToday: 0, overTarget: false });
    expect(f.operators).toEqual([expect.objectContaining({ staffId: op.id, state: "AVAILABLE" })]);

    expect((await post("/call-next")).statusCode).toBe(200);
    await post(`/tickets/${first!.id}/start`);
    f = await floor();
    expect(f.service.waiting).toBe(2);
    expect(f.operators[0]).toMatchObject({ state: "SERVING", ticket: first!.label });
    await post(`/tickets/${first!.id}/finish`);
    await p.ctx.events.idle();
    f = await floor();
    expect(f.service).toMatchObject({ waiting: 2, servedToday: 1, serviceLevel: 1 });
    expect(f.operators[0]).toMatchObject({ state: "AVAILABLE" });

    // The longest wait passes the 5-minute target: the service turns red.
    await sql`update ${sql.id(company.schema_name, "tickets")}
      set queued_at = now() - interval '6 minutes' where status = 'WAITING'`.execute(p.ctx.db);
    f = await floor();
    expect(f.service.overTarget).toBe(true);
    expect(f.service.longestWaitSeconds).toBeGreaterThanOrEqual(360);
  });
});
