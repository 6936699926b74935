import type { ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, SUPER_ADMIN, type TestPlatform } from "../../testing";
import { childExited as exited, startChildServer as startChild } from "../../testing/child-server";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
} from "../../testing/queue-factories";
import { companyDb, type CompanyRecord } from "../tenancy/company-directory";

// A crash needs a second process on one database: PostgreSQL (the embedded one is single-process).
describe.skipIf(!process.env.TEST_DATABASE_URL)("queue events across a crash", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    // The test's own platform holds dispatch too, so only the child processes can deliver.
    p = await createTestPlatform({ EVENTS_DISPATCH_HOLD: "true" }, { dayEndWorker: false });
    ({ company, slug } = await createQueueCompany(p));
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await Promise.all(children.map(exited));
    await p.close();
  });

  it("delivers events committed before a kill -9 after the restart, once each", async () => {
    const setup = await createBranchWithService(p.ctx, company);
    const serviceId = setup.services[0]!.id;
    const op = await createQueueOperator(p.ctx, company, {
      branchId: setup.branch.id,
      serviceIds: [serviceId],
    });
    const env = {
      DATABASE_URL: p.config.DATABASE_URL!,
      LOG_LEVEL: "silent",
      SUPER_ADMIN_EMAIL: SUPER_ADMIN.email,
      SUPER_ADMIN_PASSWORD: SUPER_ADMIN.password,
    };
    const first = await startChild({ ...env, EVENTS_DISPATCH_HOLD: "true" });
    children.push(first.child);
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${first.address}/api/c/${slug}/queue${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${op.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return (await res.json()) as { ticket: { id: string } };
    };
    await post("/session", { counterId: setup.counters[0]!.id });
    const issued: string[] = [];
    for (let i = 0; i < 5; i++)
      issued.push((await post("/tickets", { branchId: setup.branch.id, serviceId })).ticket.id);
    await post("/call-next", {});

    const index = () =>
      p.ctx.db
        .selectFrom("platform.ticket_index")
        .select(["ticket_id", "status"])
        .where("company_id", "=", company.id)
        .execute();
    expect(await index()).toEqual([]);
    first.child.kill("SIGKILL");
    await exited(first.child);

    const second = await startChild(env);
    children.push(second.child);
    const cdb = companyDb(p.ctx.db, company);
    const last = await cdb
      .selectFrom("ticket_events")
      .select("id")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    // Every durable subscriber of the restarted process catches up to the last event.
    const cursors = () =>
      cdb
        .selectFrom("event_cursors")
        .select(["subscriber", "last_id"])
        .orderBy("subscriber")
        .execute();
    let caught = await cursors();
    for (
      let i = 0;
      i < 300 && !(caught.length === 4 && caught.every((c) => c.last_id === last.id));
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
      caught = await cursors();
    }
    expect(caught).toEqual(
      ["notifications", "report-rollups", "ticket-index", "webhooks"].map((subscriber) => ({
        subscriber,
        last_id: last.id,
      })),
    );
    // ... and handled each event once: every ticket in the index once, each counted once.
    const rows = await index();
    expect(rows.map((r) => r.ticket_id).sort()).toEqual([...issued].sort());
    expect(rows.find((r) => r.ticket_id === issued[0])?.status).toBe("CALLED");
    const counted = await cdb
      .selectFrom("report_rollups")
      .select((eb) => [
        eb.fn.sum<number>("issued").as("issued"),
        eb.fn.sum<number>("called").as("called"),
      ])
      .executeTakeFirstOrThrow();
    expect({ issued: Number(counted.issued), called: Number(counted.called) }).toEqual({
      issued: issued.length,
      called: 1,
    });
    second.child.kill("SIGTERM");
    await exited(second.child);
  }, 400_000);
});
