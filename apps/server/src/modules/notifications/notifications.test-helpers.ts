import { expect } from "vitest";
import { call, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createQueueOperator,
  issuerFor,
} from "../../testing/queue-factories";
import type { OutboxChannel } from "../../db/tables";
import { issueTicket } from "../queue";
import { companyDb, type CompanyRecord } from "../tenancy";

/** Polls `what` every 25 ms until it returns something truthy, for at most `ms`. */
export async function until<T>(what: () => Promise<T> | T, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A walk-in ticket without a phone in a new branch of `company` (so a chat or a browser that
 * follows it is its only channel), once its ISSUE event is delivered.
 */
export async function walkInTicket(p: TestPlatform, company: CompanyRecord) {
  const setup = await createBranchWithService(p.ctx, company);
  const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
  const ticket = await issueTicket(p.ctx, company, issuer, {
    branchId: setup.branch.id,
    serviceId: setup.services[0]!.id,
  });
  await p.ctx.events.idle();
  return { setup, issuer, ticket };
}

/** A company's outbox rows, oldest first. */
export const outboxOf = (p: TestPlatform, companyId: string) =>
  p.ctx.db
    .selectFrom("platform.outbox")
    .selectAll()
    .where("company_id", "=", companyId)
    .orderBy("created_at")
    .execute();

/** Replays the company's whole event log to the notifications subscriber (a crash before its cursor moved). */
export async function replay(p: TestPlatform, company: CompanyRecord) {
  await companyDb(p.ctx.db, company)
    .updateTable("event_cursors")
    .set({ last_id: 0, last_tx: "0" })
    .where("subscriber", "=", "notifications")
    .execute();
  await p.ctx.events.sweep();
  await p.ctx.events.idle();
}

/** The outbox rows of one channel, oldest first. */
export const outboxOfChannel = (p: TestPlatform, channel: OutboxChannel) =>
  p.ctx.db
    .selectFrom("platform.outbox")
    .selectAll()
    .where("channel", "=", channel)
    .orderBy("created_at")
    .execute();

/**
 * A branch with services A (Kassa) and B (Kredit) and one operator signed in at its counter, and
 * `n` walk-in tickets for A (with the given phones); `post` acts as that operator.
 */
export async function lineWithOperator(
  p: TestPlatform,
  company: CompanyRecord,
  slug: string,
  n: number,
  phones: (string | undefined)[] = [],
) {
  const setup = await createBranchWithService(p.ctx, company, {
    services: [
      { letter: "A", name: "Kassa" },
      { letter: "B", name: "Kredit" },
    ],
    counters: 1,
    graceSeconds: 0,
  });
  const op = await createQueueOperator(p.ctx, company, {
    branchId: setup.branch.id,
    serviceIds: setup.services.map((s) => s.id),
  });
  const post = (path: string, body: object = {}) =>
    call(p.app, "POST", `/api/c/${slug}/queue${path}`, { token: op.token, body });
  expect((await post("/session", { counterId: setup.counters[0]!.id })).statusCode).toBe(200);
  const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
  const tickets = [];
  for (let i = 0; i < n; i++) {
    const phone = phones[i];
    tickets.push(
      await issueTicket(p.ctx, company, issuer, {
        branchId: setup.branch.id,
        serviceId: setup.services[0]!.id,
        ...(phone && { customerPhone: phone }),
      }),
    );
  }
  await p.ctx.events.idle();
  return { setup, post, tickets };
}
