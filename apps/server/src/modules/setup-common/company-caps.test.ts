import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createBranchWithService,
  createQueueCompany,
  createTestPlatform,
  type TestPlatform,
} from "../../testing";
import { assertBelowCap, type SetupEnv } from "./setup-env";

describe("what a company may have at most", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform();
  });
  afterAll(() => p.close());

  it("refuses one more row at the cap with INVALID_STATE, naming the cap, and allows it below", async () => {
    const { company } = await createQueueCompany(p);
    await createBranchWithService(p.ctx, company, {
      services: [
        { letter: "A", name: "Kassa" },
        { letter: "B", name: "Kredit" },
      ],
    });
    // Only the context and the company are read: who asks does not change the count.
    const env = { ctx: p.ctx, company } as SetupEnv;
    await expect(assertBelowCap(env, "services", 3, "services")).resolves.toBeUndefined();
    await expect(assertBelowCap(env, "services", 2, "services")).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "A company may have at most 2 services.",
    });
  });
});
