import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  issuerFor,
} from "../../testing/queue-factories";
import { coordinatorHorizon, readAfter } from "../events/event-cursor.repository";
import { isCitus } from "../../db/database";
import { issueTicket } from "../queue";
import { companyDb, type CompanyRecord } from "../tenancy";
import type { DomainEvent } from "../events";
import { notificationsSubscriber } from "./notifications.subscriber";
import { lineWithOperator } from "./notifications.test-helpers";

const LINE = 40;

describe("nearly up reads the head of a moved line, not the whole line", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  beforeAll(async () => {
    // The test hands the events to the subscriber itself.
    p = await createTestPlatform({ EVENTS_DISPATCH_HOLD: "true" }, { dayEndWorker: false });
    ({ company, slug } = await createQueueCompany(p));
  });
  afterAll(() => p.close());

  /**
   * The company's CALL events (of the given tickets), once `n` can be read: on a shared
   * PostgreSQL another test's open transaction can hold an event back from the dispatcher's read
   * for a moment (it reads only below every running transaction).
   */
  const settledCalls = async (n: number, of?: string[]) => {
    let calls: DomainEvent[] = [];
    for (let i = 0; i < 200; i++) {
      // On Citus the events carry coordinator ids: the horizon is read there (as the dispatcher
      // does), not on the worker, whose ids may run behind.
      const before = isCitus(p.ctx.db) ? await coordinatorHorizon(p.ctx.db, []) : undefined;
      const start = { last_tx: "0", last_id: 0 };
      const { events } = await readAfter(p.ctx.db, company, start, 1000, before);
      calls = events.filter((e) => e.type === "CALL" && (!of || of.includes(e.ticketId)));
      if (calls.length >= n) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return calls;
  };

  it(`tells places 1–3 of a line of ${LINE} after a call reading a handful of rows, and drops
    an unsent "nearly up" once its ticket is called`, async () => {
    const setup = await createBranchWithService(p.ctx, company);
    const op = await createQueueOperator(p.ctx, company, {
      branchId: setup.branch.id,
      serviceIds: [setup.services[0]!.id],
    });
    await call(p.app, "POST", `/api/c/${slug}/queue/session`, {
      token: op.token,
      body: { counterId: setup.counters[0]!.id },
    });
    const issuer = await issuerFor(p.ctx, company, "WALK_IN", setup.branch.id);
    const phones = Array.from({ length: LINE }, (_, i) => `+99890555${String(i).padStart(4, "0")}`);
    for (const phone of phones) {
      await issueTicket(p.ctx, company, issuer, {
        branchId: setup.branch.id,
        serviceId: setup.services[0]!.id,
        customerPhone: phone,
      });
    }
    const called = await call(p.app, "POST", `/api/c/${slug}/queue/call-next`, {
      token: op.token,
      body: {},
    });
    expect(called.statusCode).toBe(200);
    const calls = await settledCalls(1);
    expect(calls).toHaveLength(1);

    const read = { statements: 0, rows: 0 };
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        read.statements++;
        return args.node;
      },
      transformResult: async (args) => {
        read.rows += args.result.rows.length;
        return args.result;
      },
    };
    const subscriber = notificationsSubscriber({ publicUrl: "https://navbat.example.uz" });
    await p.ctx.db
      .withPlugin(counting)
      .transaction()
      .execute((trx) =>
        subscriber.handle({ db: trx, company: companyDb(trx, company) }, company, calls),
      );
    console.info(
      `nearly up: a call in a line of ${LINE}: ${read.statements} statements, ${read.rows} rows read`,
    );
    // The called ticket and the three nearly up, with their channels and four messages: the
    // other 36 waiting tickets are never loaded (the whole line read them 3–4 times over).
    expect(read.rows).toBeLessThan(20);

    const queued = await p.ctx.db
      .selectFrom("platform.outbox")
      .select(["recipient", "dedupe_key", "body_text"])
      .where("company_id", "=", company.id)
      .where("channel", "=", "sms")
      .execute();
    const nearly = queued.filter((m) => m.dedupe_key?.includes(":NEARLY_UP:"));
    expect(nearly.map((m) => m.recipient).sort()).toEqual(phones.slice(1, 4));
    expect(queued.filter((m) => m.dedupe_key?.includes(":CALLED@"))).toHaveLength(1);

    // The next call reaches place 1 before its "nearly up" went out (nothing sends SMS here):
    // that message is dropped, and "go to counter" is queued as urgent.
    const first = called.json().ticket.id as string;
    for (const step of ["start", "finish"]) {
      const res = await call(p.app, "POST", `/api/c/${slug}/queue/tickets/${first}/${step}`, {
        token: op.token,
      });
      expect(res.statusCode).toBe(200);
    }
    const next = await call(p.app, "POST", `/api/c/${slug}/queue/call-next`, {
      token: op.token,
      body: {},
    });
    expect(next.statusCode).toBe(200);
    const second = await settledCalls(2);
    await p.ctx.db
      .transaction()
      .execute((trx) =>
        subscriber.handle({ db: trx, company: companyDb(trx, company) }, company, second.slice(1)),
      );
    const toSecond = await p.ctx.db
      .selectFrom("platform.outbox")
      .select(["dedupe_key", "status", "urgent", "last_error"])
      .where("recipient", "=", phones[1]!)
      .orderBy("created_at")
      .execute();
    expect(toSecond).toEqual([
      {
        dedupe_key: expect.stringContaining(":NEARLY_UP:sms"),
        status: "SKIPPED",
        urgent: false,
        last_error: "Not needed: the ticket was called first.",
      },
      {
        dedupe_key: expect.stringContaining(":CALLED@"),
        status: "PENDING",
        urgent: true,
        last_error: null,
      },
    ]);
    // Places 2 and 3 were told and are still to be; the new place 3 is told now.
    const stillNearly = await p.ctx.db
      .selectFrom("platform.outbox")
      .select("recipient")
      .where("dedupe_key", "like", "%:NEARLY\\_UP:sms")
      .where("status", "=", "PENDING")
      .execute();
    expect(stillNearly.map((m) => m.recipient).sort()).toEqual(phones.slice(2, 5));
  });
  it("tells the heads of every line a batch moved, from one statement for all the lines", async () => {
    const phonesOf: string[][] = [];
    const calledIds: string[] = [];
    for (let line = 0; line < 2; line++) {
      const phones = Array.from(
        { length: 5 },
        (_, i) => `+9989177${line}${String(i).padStart(4, "0")}`,
      );
      const { post } = await lineWithOperator(p, company, slug, phones.length, phones);
      const called = await post("/call-next");
      expect(called.statusCode).toBe(200);
      phonesOf.push(phones);
      calledIds.push(called.json().ticket.id as string);
    }
    // Both calls in one batch, as the dispatcher hands a busy company's events over.
    const calls = await settledCalls(2, calledIds);
    expect(calls).toHaveLength(2);
    const subscriber = notificationsSubscriber({ publicUrl: "https://navbat.example.uz" });
    await p.ctx.db
      .transaction()
      .execute((trx) =>
        subscriber.handle({ db: trx, company: companyDb(trx, company) }, company, calls),
      );
    const told = await p.ctx.db
      .selectFrom("platform.outbox")
      .select("recipient")
      .where("dedupe_key", "like", "%:NEARLY\\_UP:sms")
      .where("recipient", "in", phonesOf.flat())
      .execute();
    expect(told.map((m) => m.recipient).sort()).toEqual(
      [...phonesOf[0]!.slice(1, 4), ...phonesOf[1]!.slice(1, 4)].sort(),
    );
  });
});
