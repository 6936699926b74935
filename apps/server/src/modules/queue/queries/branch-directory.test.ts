import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
} from "../../../testing/queue-factories";

describe("an operator's view of its branch", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
  });
  afterAll(() => p.close());

  it("lists counters with who sits there, the branch's services and colleagues, and the grace time", async () => {
    const { company, slug } = await createQueueCompany(p);
    const here = await createBranchWithService(p.ctx, company, {
      services: [{ letter: "K" }, { letter: "C" }],
      counters: 2,
      graceSeconds: 300,
    });
    const elsewhere = await createBranchWithService(p.ctx, company);
    const aziza = await createQueueOperator(p.ctx, company, {
      branchId: here.branch.id,
      serviceIds: [here.services[0]!.id],
    });
    const bobur = await createQueueOperator(p.ctx, company, {
      branchId: here.branch.id,
      serviceIds: [here.services[1]!.id],
    });
    await createQueueOperator(p.ctx, company, {
      branchId: elsewhere.branch.id,
      serviceIds: [elsewhere.services[0]!.id],
    });
    const session = await call(p.app, "POST", `/api/c/${slug}/queue/session`, {
      token: aziza.token,
      body: { counterId: here.counters[0]!.id },
    });
    expect(session.statusCode).toBe(200);

    const res = await call(p.app, "GET", `/api/c/${slug}/queue/directory`, { token: bobur.token });
    expect(res.statusCode).toBe(200);
    const dir = res.json();
    expect(dir.branch.id).toBe(here.branch.id);
    expect(dir.counters.map((c: { number: number }) => c.number)).toEqual([1, 2]);
    expect(dir.counters[0].occupiedBy).toEqual({ id: aziza.id, name: expect.any(String) });
    expect(dir.counters[1].occupiedBy).toBeNull();
    expect(dir.services.map((s: { letter: string }) => s.letter)).toEqual(["C", "K"]);
    const ids = dir.operators.map((o: { id: string }) => o.id).sort();
    expect(ids).toEqual([aziza.id, bobur.id].sort());
    expect(dir.operators.find((o: { id: string }) => o.id === aziza.id)).toMatchObject({
      status: "AVAILABLE",
      counterNumber: 1,
      serviceIds: [here.services[0]!.id],
    });

    const workplace = await call(p.app, "GET", `/api/c/${slug}/queue/workplace`, {
      token: aziza.token,
    });
    expect(workplace.json().branch.noShowGraceSeconds).toBe(300);
  });
});
