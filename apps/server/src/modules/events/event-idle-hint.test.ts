import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  issueTickets,
} from "../../testing/queue-factories";
import type { CompanyRecord } from "../tenancy/company-directory";
import type { DomainEvent, DurableSubscriber } from "./events.types";

/** A prompt subscriber that records when each ticket's event reached it. */
const recorder = (name: string, idle: () => boolean) => {
  const seen = new Map<string, number>();
  const sub: DurableSubscriber = {
    name,
    prompt: true,
    idle,
    async handle(_tx, _company, events: DomainEvent[]) {
      for (const e of events) if (!seen.has(e.ticketId)) seen.set(e.ticketId, Date.now());
    },
  };
  return { sub, seen };
};

describe("a durable subscriber's idle hint", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let issue: () => Promise<string>;
  let idleNow = true;
  const busy = recorder("test-busy", () => false);
  const quiet = recorder("test-quiet", () => idleNow);

  beforeAll(async () => {
    p = await createTestPlatform(
      // The production default (tests gather for 50 ms only).
      { EVENTS_IDLE_GATHER_MS: "1000" },
      { dayEndWorker: false, extraSubscribers: [busy.sub, quiet.sub] },
    );
    ({ company } = await createQueueCompany(p));
    const { branch, services } = await createBranchWithService(p.ctx, company);
    const line = { branchId: branch.id, serviceId: services[0]!.id, count: 1 };
    issue = async () => (await issueTickets(p.ctx, company, line))[0]!.id;
  });
  afterAll(() => p.close());

  it("delays an idle run by its longer gathering, and still hands over every event", async () => {
    idleNow = true;
    const issuedAt = Date.now();
    const ids = [await issue(), await issue()];
    await vi.waitFor(() => expect(ids.every((id) => quiet.seen.has(id))).toBe(true), {
      timeout: 15_000,
      interval: 25,
    });
    expect(ids.every((id) => busy.seen.has(id))).toBe(true);
    // The hinted run gathered for a second; the other went after its 20 ms.
    expect(quiet.seen.get(ids[0]!)! - issuedAt).toBeGreaterThanOrEqual(950);
    expect(busy.seen.get(ids[0]!)!).toBeLessThan(quiet.seen.get(ids[0]!)!);
  });

  it("runs promptly again once the hint says there is work", async () => {
    idleNow = false;
    await p.ctx.events.idle();
    const id = await issue();
    // Both subscribers run on their own; either may be first.
    await vi.waitFor(() => expect(quiet.seen.has(id) && busy.seen.has(id)).toBe(true), {
      timeout: 15_000,
      interval: 10,
    });
    // Not held for the idle gathering: it went with the busy subscriber's run, give or take.
    expect(Math.abs(quiet.seen.get(id)! - busy.seen.get(id)!)).toBeLessThan(900);
  });
});
