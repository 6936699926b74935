import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  issueTickets,
} from "../../../testing/queue-factories";
import { waitingCounts, waitingCountsAcrossCompanies } from "./display.query";
import { companyDb } from "../../tenancy/company-directory";

describe("waiting counts for the boards of several companies at once", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
  });
  afterAll(() => p.close());

  it("counts each company's lines in its own schema, zero included, in one statement", async () => {
    const a = (await createQueueCompany(p)).company;
    const b = (await createQueueCompany(p)).company;
    const atA = await createBranchWithService(p.ctx, a, { services: [{}, {}] });
    const atB = await createBranchWithService(p.ctx, b);
    await issueTickets(p.ctx, a, {
      branchId: atA.branch.id,
      serviceId: atA.services[0]!.id,
      count: 3,
    });
    await issueTickets(p.ctx, b, {
      branchId: atB.branch.id,
      serviceId: atB.services[0]!.id,
      count: 2,
    });
    const counts = await waitingCountsAcrossCompanies(p.ctx.db, [
      { companyId: a.id, schema: a.schema_name, branchIds: [atA.branch.id] },
      { companyId: b.id, schema: b.schema_name, branchIds: [atB.branch.id] },
    ]);
    const sorted = (xs: { serviceId: string; waiting: number }[] = []) =>
      [...xs].sort((x, y) => x.serviceId.localeCompare(y.serviceId));
    expect(sorted(counts.get(`${a.id}:${atA.branch.id}`))).toEqual(
      sorted([
        { serviceId: atA.services[0]!.id, waiting: 3 },
        { serviceId: atA.services[1]!.id, waiting: 0 },
      ]),
    );
    expect(counts.get(`${b.id}:${atB.branch.id}`)).toEqual([
      { serviceId: atB.services[0]!.id, waiting: 2 },
    ]);
    // The same figures as the one-company read the board's snapshot uses.
    const single = await waitingCounts(companyDb(p.ctx.db, a), a.schema_name, atA.branch.id);
    expect(sorted(single)).toEqual(sorted(counts.get(`${a.id}:${atA.branch.id}`)));
  });
});
