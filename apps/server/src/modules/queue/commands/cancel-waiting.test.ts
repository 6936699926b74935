import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  issuerFor,
} from "../../../testing/queue-factories";
import { loadStaffCaller } from "../../access";
import { companyDb, type CompanyRecord } from "../../tenancy";
import { issueTicket } from "./issue-ticket.command";
import { cancelWaitingTickets } from "./cancel-waiting.command";

describe("closing a branch's line early", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  let adminToken: string;
  let otherAdminToken: string;
  beforeAll(async () => {
    p = await createTestPlatform(
      { PUBLIC_URL: "https://navbat.example.uz" },
      { dayEndWorker: false },
    );
    ({ company, slug, adminToken } = await createQueueCompany(p));
    otherAdminToken = (await createQueueCompany(p)).adminToken;
  });
  afterAll(() => p.close());

  const url = (branchId: string, what = "cancel-waiting") =>
    `/api/c/${slug}/queue/branches/${branchId}/${what}`;
  const outbox = () =>
    p.ctx.db
      .selectFrom("platform.outbox")
      .selectAll()
      .where("company_id", "=", company.id)
      .orderBy("created_at")
      .execute();
  let phoneSeq = 0;
  const nextPhone = () => `+9989030${String(++phoneSeq).padStart(5, "0")}`;

  async function waitingAt(branchId: string, serviceId: string, n: number) {
    const issuer = await issuerFor(p.ctx, company, "WALK_IN", branchId);
    const out = [];
    for (let i = 0; i < n; i++) {
      out.push(
        await issueTicket(p.ctx, company, issuer, {
          branchId,
          serviceId,
          customerPhone: nextPhone(),
        }),
      );
    }
    return out;
  }

  it("cancels every waiting ticket once, each with its event and one message quoting the staff", async () => {
    const x = await createBranchWithService(p.ctx, company, {
      services: [
        { letter: "A", name: "Kassa" },
        { letter: "B", name: "Kredit" },
      ],
    });
    const y = await createBranchWithService(p.ctx, company);
    const [kassa, kredit] = x.services;
    const managerX = await createQueueOperator(p.ctx, company, {
      branchId: x.branch.id,
      role: "BRANCH_MANAGER",
    });
    const managerY = await createQueueOperator(p.ctx, company, {
      branchId: y.branch.id,
      role: "BRANCH_MANAGER",
    });
    const op = await createQueueOperator(p.ctx, company, {
      branchId: x.branch.id,
      serviceIds: [kassa!.id],
    });
    const kassaTickets = await waitingAt(x.branch.id, kassa!.id, 4);
    const kreditTickets = await waitingAt(x.branch.id, kredit!.id, 2);
    const [elsewhere] = await waitingAt(y.branch.id, y.services[0]!.id, 1);
    // The operator calls the first Kassa customer: a called ticket is not in the line any more.
    const post = (path: string, token: string, body: object = {}) =>
      call(p.app, "POST", `/api/c/${slug}/queue${path}`, { token, body });
    expect((await post("/session", op.token, { counterId: x.counters[0]!.id })).statusCode).toBe(
      200,
    );
    const called = await post("/call-next", op.token);
    expect(called.json().ticket.id).toBe(kassaTickets[0]!.id);
    await p.ctx.events.idle();
    const before = (await outbox()).length;

    const message = "Texnik nosozlik sababli filial erta yopildi";
    // Refusals: anonymous, another company, an operator, another branch's manager, bad input.
    expect((await call(p.app, "POST", url(x.branch.id), { body: { message } })).statusCode).toBe(
      401,
    );
    const foreign = await call(p.app, "POST", url(x.branch.id), {
      token: otherAdminToken,
      body: { message },
    });
    expect(foreign.statusCode).toBe(401);
    const byOperator = await call(p.app, "POST", url(x.branch.id), {
      token: op.token,
      body: { message },
    });
    expect([byOperator.statusCode, byOperator.json().error.code]).toEqual([403, "FORBIDDEN"]);
    expect(
      (await call(p.app, "GET", url(x.branch.id, "waiting-count"), { token: op.token })).statusCode,
    ).toBe(403);
    const otherBranch = await call(p.app, "POST", url(x.branch.id), {
      token: managerY.token,
      body: { message },
    });
    expect(otherBranch.statusCode).toBe(404);
    const unknown = await call(p.app, "POST", url("00000000-0000-4000-8000-000000000000"), {
      token: adminToken,
      body: { message },
    });
    expect(unknown.statusCode).toBe(404);
    const foreignService = await call(p.app, "POST", url(x.branch.id), {
      token: adminToken,
      body: { message, serviceId: y.services[0]!.id },
    });
    expect(foreignService.statusCode).toBe(404);
    for (const body of [
      {},
      { message: "   " },
      { message: "x".repeat(301) },
      { message: "yopildi\u0000" },
      { message, serviceId: "kassa" },
      { message, extra: true },
    ]) {
      const bad = await call(p.app, "POST", url(x.branch.id), { token: adminToken, body });
      expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      expect(bad.json().error.details?.length, JSON.stringify(body)).toBeGreaterThan(0);
    }
    const badParam = await call(p.app, "POST", url("filial"), {
      token: adminToken,
      body: { message },
    });
    expect(badParam.statusCode).toBe(400);

    // The figure the confirm dialog shows: waiting customers only.
    const count = async (query = "") =>
      (
        await call(p.app, "GET", `${url(x.branch.id, "waiting-count")}${query}`, {
          token: managerX.token,
        })
      ).json();
    expect(await count()).toEqual({ waiting: 5 });
    expect(await count(`?serviceId=${kredit!.id}`)).toEqual({ waiting: 2 });
    // A branch that is not there, or a service the branch does not offer: 404, not "0 waiting".
    const countAt = (branchId: string, query = "") =>
      call(p.app, "GET", `${url(branchId, "waiting-count")}${query}`, { token: adminToken });
    expect((await countAt("00000000-0000-4000-8000-000000000000")).statusCode).toBe(404);
    const notOffered = await countAt(x.branch.id, `?serviceId=${y.services[0]!.id}`);
    expect([notOffered.statusCode, notOffered.json().error.message]).toEqual([
      404,
      expect.stringContaining("The service"),
    ]);

    // The branch's manager closes one service, then the admin the whole branch; again: nothing.
    const one = await call(p.app, "POST", url(x.branch.id), {
      token: managerX.token,
      body: { serviceId: kredit!.id, message: `  ${message} ` },
    });
    expect([one.statusCode, one.json()]).toEqual([200, { cancelled: 2 }]);
    const all = await call(p.app, "POST", url(x.branch.id), {
      token: adminToken,
      body: { message },
    });
    expect([all.statusCode, all.json()]).toEqual([200, { cancelled: 3 }]);
    const again = await call(p.app, "POST", url(x.branch.id), {
      token: adminToken,
      body: { message },
    });
    expect(again.json()).toEqual({ cancelled: 0 });
    expect(await count()).toEqual({ waiting: 0 });

    const db = companyDb(p.ctx.db, company);
    const gone = [...kassaTickets.slice(1), ...kreditTickets];
    const rows = await db
      .selectFrom("tickets")
      .select(["id", "status"])
      .where("branch_id", "in", [x.branch.id, y.branch.id])
      .execute();
    const status = new Map(rows.map((r) => [r.id, r.status]));
    for (const t of gone) expect(status.get(t.id)).toBe("CANCELLED");
    expect(status.get(kassaTickets[0]!.id)).toBe("CALLED");
    expect(status.get(elsewhere!.id)).toBe("WAITING");
    const events = await db
      .selectFrom("ticket_events")
      .select(["ticket_id", "from_status", "data"])
      .where("type", "=", "CANCEL")
      .where(
        "ticket_id",
        "in",
        rows.map((r) => r.id),
      )
      .execute();
    expect(events.map((e) => e.ticket_id).sort()).toEqual(gone.map((t) => t.id).sort());
    for (const e of events) {
      expect(e.from_status).toBe("WAITING");
      expect(e.data).toMatchObject({ message, bulk: true });
    }

    // Each cancelled customer is told once, in the default template with the message added.
    await p.ctx.events.sweep();
    await p.ctx.events.idle();
    const sent = (await outbox()).slice(before);
    const cancelTexts = sent.filter((m) => m.body_text.includes("bekor qilindi"));
    expect(cancelTexts.map((m) => m.recipient).sort()).toEqual(
      gone.map((t) => t.customer_phone).sort(),
    );
    for (const m of cancelTexts) {
      expect(m.body_text).toMatch(/navbatingiz .* tomonidan bekor qilindi\. Texnik nosozlik/);
    }
    const calledPhone = kassaTickets[0]!.customer_phone;
    expect(cancelTexts.some((m) => m.recipient === calledPhone)).toBe(false);
  });

  it("keeps a company's own template and works through a long line in batches", async () => {
    const put = await call(p.app, "PUT", `/api/c/${slug}/admin/notification-settings`, {
      token: adminToken,
      body: { templates: { CANCELLED_BY_COMPANY: { uz: "{number} bekor qilindi ({branch})." } } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const b = await createBranchWithService(p.ctx, company);
    const tickets = await waitingAt(b.branch.id, b.services[0]!.id, 7);
    await p.ctx.events.idle();
    const before = (await outbox()).length;
    const admin = await companyDb(p.ctx.db, company)
      .selectFrom("staff")
      .select("id")
      .where("role", "=", "COMPANY_ADMIN")
      .executeTakeFirstOrThrow();
    const caller = await loadStaffCaller(p.ctx.db, company, admin.id);
    const n = await cancelWaitingTickets(
      p.ctx,
      company,
      caller,
      b.branch.id,
      { message: "Ertaga keling" },
      { batch: 3 },
    );
    expect(n).toBe(7);
    await p.ctx.events.sweep();
    await p.ctx.events.idle();
    const texts = (await outbox())
      .slice(before)
      .filter((m) => m.body_text.includes("bekor qilindi"));
    expect(texts).toHaveLength(7);
    for (const m of texts)
      expect(m.body_text).toMatch(/^\S+ bekor qilindi \(.+\)\. Ertaga keling$/);
    expect(texts.map((m) => m.recipient).sort()).toEqual(
      tickets.map((t) => t.customer_phone).sort(),
    );
  });
});
