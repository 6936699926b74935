import { TEXT_MAX } from "@equeue/contracts/schemas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import { createBranchWithService, createQueueCompany } from "../../testing/queue-factories";
import { companyDb } from "../../modules/tenancy";

describe("answers longer than their documented bound", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform();
  });
  afterAll(() => p.close());

  it("are cut to the bound, not turned into a 500", async () => {
    const { company, slug, adminToken } = await createQueueCompany(p);
    const { branch } = await createBranchWithService(p.ctx, company);
    // A counter's name stored before today's bound (or by a path that did not check it).
    const long = "N".repeat(TEXT_MAX.name + 50);
    await companyDb(p.ctx.db, company)
      .updateTable("counters")
      .set({ name: long })
      .where("branch_id", "=", branch.id)
      .execute();
    const res = await call(p.app, "GET", `/api/c/${slug}/admin/branches/${branch.id}/counters`, {
      token: adminToken,
    });
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { name: string | null }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    for (const c of items) expect(c.name).toBe("N".repeat(TEXT_MAX.name));
  });
});
