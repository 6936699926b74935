import { smoothServiceTime } from "@equeue/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../testing";
import { createBranchWithService, createQueueCompany } from "../../../testing/queue-factories";
import { companyDb, type CompanyRecord } from "../../tenancy/company-directory";
import { recordServiceTime } from "./service-stats.sql";

describe("smoothed service time", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    ({ company } = await createQueueCompany(p));
  });
  afterAll(() => p.close());

  it("stores what core's smoothServiceTime gives, sample after sample", async () => {
    const { branch, services } = await createBranchWithService(p.ctx, company);
    const db = companyDb(p.ctx.db, company);
    const samples = [300, 120, 0, 900.5, 45, 610];
    let expected: number | null = null;
    for (const seconds of samples) {
      await recordServiceTime(db, company.schema_name, {
        branchId: branch.id,
        serviceId: services[0]!.id,
        seconds,
        now: new Date(),
      });
      expected = smoothServiceTime(expected, seconds);
      const row = await db
        .selectFrom("service_stats")
        .selectAll()
        .where("branch_id", "=", branch.id)
        .executeTakeFirstOrThrow();
      expect(row.smoothed_service_seconds).toBeCloseTo(expected, 9);
    }
  });

  it("counts every one of many finishes recorded at the same moment", async () => {
    const { branch, services } = await createBranchWithService(p.ctx, company);
    const db = companyDb(p.ctx.db, company);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        recordServiceTime(db, company.schema_name, {
          branchId: branch.id,
          serviceId: services[0]!.id,
          seconds: 60,
          now: new Date(),
        }),
      ),
    );
    const row = await db
      .selectFrom("service_stats")
      .selectAll()
      .where("branch_id", "=", branch.id)
      .executeTakeFirstOrThrow();
    expect(row.samples).toBe(20);
    expect(row.smoothed_service_seconds).toBeCloseTo(60, 9);
  });
});
