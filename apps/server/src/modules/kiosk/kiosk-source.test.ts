import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, deviceAuth, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createDisplayDevice,
  createQueueCompany,
  createQueueOperator,
} from "../../testing/queue-factories";
import { companyDb, type CompanyRecord } from "../tenancy";

describe("a kiosk hands out tickets; the source follows from the caller", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  let branchId: string;
  let serviceId: string;
  let kiosk: string;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    ({ company, slug } = await createQueueCompany(p));
    const setup = await createBranchWithService(p.ctx, company, {
      services: [{ letter: "A" }, { letter: "H" }],
    });
    branchId = setup.branch.id;
    serviceId = setup.services[0]!.id;
    await companyDb(p.ctx.db, company)
      .updateTable("services")
      .set({ show_on_kiosk: false })
      .where("id", "=", setup.services[1]!.id)
      .execute();
    kiosk = await createDisplayDevice(p.ctx, company, branchId, "KIOSK");
  });
  afterAll(() => p.close());

  const take = (body: Record<string, unknown>, headers: Record<string, string>, to = slug) =>
    call(p.app, "POST", `/api/c/${to}/kiosk/tickets`, { body, headers });

  it("issues a KIOSK ticket at the kiosk's own branch, with the receipt's tracking link", async () => {
    const res = await take({ serviceId }, deviceAuth(kiosk));
    expect(res.statusCode, res.body).toBe(201);
    const { ticket } = res.json();
    expect(ticket).toMatchObject({ label: "K-001", peopleAhead: 0 });
    expect(ticket.trackPath).toBe(`/t/${ticket.token}`);
    const row = await companyDb(p.ctx.db, company)
      .selectFrom("tickets")
      .select(["source", "branch_id", "status"])
      .where("token", "=", ticket.token)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ source: "KIOSK", branch_id: branchId, status: "WAITING" });
    const tracked = await call(p.app, "GET", `/api/c/${slug}/public/tickets/${ticket.token}`);
    expect(tracked.statusCode, tracked.body).toBe(200);
  });

  it("refuses services the kiosk does not show, other branches' services and a chosen branch", async () => {
    const other = await createBranchWithService(p.ctx, company);
    const [hidden] = await companyDb(p.ctx.db, company)
      .selectFrom("services")
      .select("id")
      .where("show_on_kiosk", "=", false)
      .execute();
    for (const id of [hidden!.id, other.services[0]!.id, crypto.randomUUID()]) {
      const res = await take({ serviceId: id }, deviceAuth(kiosk));
      expect([res.statusCode, res.json().error.code]).toEqual([404, "NOT_FOUND"]);
    }
    const chosen = await take({ serviceId, branchId: other.branch.id }, deviceAuth(kiosk));
    expect(chosen.statusCode).toBe(400);
  });

  it("is for kiosks only: not a display board, a person, or another company's kiosk", async () => {
    const board = await createDisplayDevice(p.ctx, company, branchId, "DISPLAY");
    const byBoard = await take({ serviceId }, deviceAuth(board));
    expect([byBoard.statusCode, byBoard.json().error.code]).toEqual([403, "FORBIDDEN"]);
    const op = await createQueueOperator(p.ctx, company, { branchId });
    const byStaff = await take({ serviceId }, { authorization: `Bearer ${op.token}` });
    expect(byStaff.statusCode).toBe(401);
    expect((await take({ serviceId }, {})).statusCode).toBe(401);
    const foreign = await createQueueCompany(p);
    const foreignBranch = await createBranchWithService(p.ctx, foreign.company);
    const foreignKiosk = await createDisplayDevice(
      p.ctx,
      foreign.company,
      foreignBranch.branch.id,
      "KIOSK",
    );
    const crossed = await take({ serviceId }, deviceAuth(foreignKiosk));
    expect(crossed.statusCode).toBe(401);
  });

  it("makes staff tickets WALK_IN and refuses a source in the body", async () => {
    const op = await createQueueOperator(p.ctx, company, { branchId });
    const post = (body: Record<string, unknown>) =>
      call(p.app, "POST", `/api/c/${slug}/queue/tickets`, { token: op.token, body });
    const asKiosk = await post({ branchId, serviceId, source: "KIOSK" });
    expect(asKiosk.statusCode).toBe(400);
    expect(asKiosk.json().error.code).toBe("VALIDATION_FAILED");
    const walkIn = await post({ branchId, serviceId });
    expect(walkIn.statusCode, walkIn.body).toBe(201);
    expect(walkIn.json().ticket).toMatchObject({ source: "WALK_IN", label: "W-001" });
  });
});
