import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  issueTickets,
} from "../../testing/queue-factories";
import type { DurableSubscriber } from "./events.types";

// A stuck run holds its transaction open: on PGlite, one connection for everything, that stops
// the whole database. Lanes are connection budgets: they matter on PostgreSQL.
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!onPostgres)("the dispatcher's lanes", () => {
  let p: TestPlatform;
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  let held = 0;
  // Figures that take long: every run waits at the gate until the test opens it.
  const slowFigures: DurableSubscriber = {
    name: "test-slow-figures",
    unhurried: true,
    async handle() {
      held++;
      await gate;
    },
  };

  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false, extraSubscribers: [slowFigures] });
  });
  afterAll(async () => {
    release();
    await p.close();
  });

  it("keeps the ticket index going while the unhurried runs of two companies are stuck", async () => {
    const issueIn = async () => {
      const { company } = await createQueueCompany(p);
      const { branch, services } = await createBranchWithService(p.ctx, company);
      const line = { branchId: branch.id, serviceId: services[0]!.id, count: 1 };
      return (await issueTickets(p.ctx, company, line))[0]!.id;
    };
    // Two companies' slow runs: as many as the bulk lane has connections in tests.
    await issueIn();
    await issueIn();
    await vi.waitFor(() => expect(held).toBe(1), { timeout: 10_000, interval: 20 });
    const id = await issueIn();
    await vi.waitFor(
      async () => {
        const row = await p.ctx.db
          .selectFrom("platform.ticket_index")
          .select("ticket_id")
          .where("ticket_id", "=", id)
          .executeTakeFirst();
        expect(row?.ticket_id).toBe(id);
      },
      { timeout: 10_000, interval: 50 },
    );
    // One stuck run at a time: the other company's waits its turn in the unhurried lane.
    expect(held).toBe(1);
  });
});
