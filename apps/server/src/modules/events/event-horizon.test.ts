import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  issuerFor,
} from "../../testing/queue-factories";
import { issueTicket } from "../queue";
import type { CompanyRecord } from "../tenancy/company-directory";
import { isCitus } from "../../db/database";
import { coordinatorHorizon, readAfter } from "./event-cursor.repository";
import type { DomainEvent, DurableSubscriber } from "./events.types";

// Transactions side by side need a server with many connections: PostgreSQL (or Citus).
const multiConnection = Boolean(process.env.TEST_DATABASE_URL || process.env.TEST_CITUS_URL);

/** The events after the start of the log that are settled, as the dispatcher reads them. */
const settledEvents = async (p: TestPlatform, company: CompanyRecord, passing: string[] = []) => {
  // On Citus the events carry coordinator ids: the horizon is read there (as the dispatcher does).
  const before = isCitus(p.ctx.db) ? await coordinatorHorizon(p.ctx.db, passing) : undefined;
  const start = { last_tx: "0", last_id: 0 };
  return readAfter(p.ctx.db, company, start, 1000, before, passing);
};

/** A company with one line, and a walk-in issuer of tickets in it (the ticket's id). */
const companyWithLine = async (p: TestPlatform) => {
  const { company } = await createQueueCompany(p);
  const setup = await createBranchWithService(p.ctx, company);
  const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
  const line = { branchId: setup.branch.id, serviceId: setup.services[0]!.id };
  const issue = async () => (await issueTicket(p.ctx, company, issuer, line)).id;
  return { company, issue };
};

describe.skipIf(!multiConnection)("the settled horizon of queue events", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let issue: () => Promise<string>;
  // A bulk subscriber that stops on its first batch until released, holding its transaction.
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  let slowStarted = false;
  const slow: DurableSubscriber = {
    name: "test-slow",
    async handle(tx) {
      // Writes, so its transaction has an id and holds it until the gate opens.
      await sql`select pg_current_xact_id()`.execute(tx.db);
      slowStarted = true;
      await gate;
    },
  };
  const fast: DomainEvent[] = [];
  const prompt: DurableSubscriber = {
    name: "test-fast",
    prompt: true,
    async handle(_tx, _company, events) {
      fast.push(...events);
    },
  };

  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false, extraSubscribers: [slow, prompt] });
    ({ company, issue } = await companyWithLine(p));
  });
  afterAll(async () => {
    release();
    await p.close();
  });

  it("holds an event back while an older transaction may still write one, not for a passing one", async () => {
    // An older transaction that has an id and stays open: it might still commit an event.
    const older = await p.ctx.db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      const { rows } = await sql<{ xid: string }>`select pg_current_xact_id()::text as xid`.execute(
        conn,
      );
      const xid = rows[0]!.xid;
      try {
        const ticketId = await issue();
        const all = await settledEvents(p, company);
        expect(all.events.some((e) => e.ticketId === ticketId)).toBe(false);
        expect(all.held).toBe(true);
        // Known never to write events (a delivery run): it does not hold the event back.
        // (Other test files' transactions on a shared server may hold it for a moment too.)
        await vi.waitFor(
          async () => {
            const passing = await settledEvents(p, company, [xid]);
            expect(passing.events.some((e) => e.ticketId === ticketId)).toBe(true);
          },
          { timeout: 5_000, interval: 50 },
        );
        return ticketId;
      } finally {
        await sql`rollback`.execute(conn);
      }
    });
    await vi.waitFor(
      async () => {
        const after = await settledEvents(p, company);
        expect(after.events.some((e) => e.ticketId === older)).toBe(true);
      },
      { timeout: 5_000, interval: 50 },
    );
  });

  it("delivers to a prompt subscriber while a slow run of another subscriber stays open", async () => {
    await issue();
    await vi.waitFor(() => expect(slowStarted).toBe(true), { timeout: 10_000 });
    // The slow run holds its transaction; a ticket issued now must still reach the fast one.
    const second = await issue();
    await vi.waitFor(() => expect(fast.some((e) => e.ticketId === second)).toBe(true), {
      timeout: 10_000,
      interval: 50,
    });
    release();
    await p.ctx.events.idle();
  });
});

describe.skipIf(!multiConnection)(
  "an unhurried subscriber held back by an open transaction",
  () => {
    // A window long enough that a run held for it is seconds late, not scheduling noise.
    const WINDOW_MS = 3_000;
    let p: TestPlatform;
    let company: CompanyRecord;
    let issue: () => Promise<string>;
    const seen = new Map<string, number>();
    const rollup: DurableSubscriber = {
      name: "test-rollup",
      unhurried: true,
      async handle(_tx, _company, events) {
        for (const e of events) if (!seen.has(e.ticketId)) seen.set(e.ticketId, Date.now());
      },
    };

    beforeAll(async () => {
      p = await createTestPlatform(
        { EVENTS_IDLE_GATHER_MS: String(WINDOW_MS), EVENTS_SWEEP_SECONDS: "0" },
        { dayEndWorker: false, extraSubscribers: [rollup] },
      );
      ({ company, issue } = await companyWithLine(p));
    });
    afterAll(() => p.close());

    it("looks again shortly, not a window later, when its first run after a quiet while was held", async () => {
      await vi.waitFor(
        () => expect(p.ctx.events.unhurriedWaitMs(company, rollup.name)).toBeLessThan(100),
        { timeout: 15_000, interval: 50 },
      );
      const { ticketId, openedAt } = await p.ctx.db.connection().execute(async (conn) => {
        // An older transaction with an id holds the event back until it ends.
        await sql`begin`.execute(conn);
        await sql`select pg_current_xact_id()`.execute(conn);
        try {
          const ticketId = await issue();
          // Long enough for the run (after its 20 ms gathering) to find the event held.
          await new Promise((r) => setTimeout(r, 300));
          expect(seen.has(ticketId)).toBe(false);
          return { ticketId, openedAt: Date.now() };
        } finally {
          await sql`rollback`.execute(conn);
        }
      });
      await vi.waitFor(() => expect(seen.has(ticketId)).toBe(true), {
        timeout: 15_000,
        interval: 10,
      });
      // Held runs retry within a quarter second; a window (3 s) late is the fault.
      expect(seen.get(ticketId)! - openedAt).toBeLessThan(WINDOW_MS / 2);
    });
  },
);
