import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../../testing";
import {
  createBranchWithService,
  createDisplayDevice,
  createQueueCompany,
  createQueueOperator,
} from "../../../testing/queue-factories";
import { updatePrimaryColor } from "../../company-setup/branding.repository";
import { companyDb, type CompanyRecord } from "../../tenancy/company-directory";

describe("who may see and touch the queue", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  let otherSlug: string;
  let otherToken: string;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    ({ company, slug } = await createQueueCompany(p));
    const other = await createQueueCompany(p);
    otherSlug = other.slug;
    const b = await createBranchWithService(p.ctx, other.company);
    otherToken = (await createQueueOperator(p.ctx, other.company, { branchId: b.branch.id })).token;
  });
  afterAll(() => p.close());

  const url = (path: string, s = slug) => `/api/c/${s}${path}`;

  async function scene() {
    const a = await createBranchWithService(p.ctx, company);
    const b = await createBranchWithService(p.ctx, company);
    const opA = await createQueueOperator(p.ctx, company, {
      branchId: a.branch.id,
      serviceIds: [a.services[0]!.id],
    });
    const opB = await createQueueOperator(p.ctx, company, {
      branchId: b.branch.id,
      serviceIds: [b.services[0]!.id],
    });
    for (const [op, counter] of [
      [opA, a.counters[0]!],
      [opB, b.counters[0]!],
    ] as const) {
      await call(p.app, "POST", url("/queue/session"), {
        token: op.token,
        body: { counterId: counter.id },
      });
    }
    const issued = await call(p.app, "POST", url("/queue/tickets"), {
      token: opA.token,
      body: {
        branchId: a.branch.id,
        serviceId: a.services[0]!.id,
        customerName: "Aziz Karimov",
        customerPhone: "+998901234567",
      },
    });
    return { a, b, opA, opB, ticket: issued.json().ticket };
  }

  it("refuses anonymous callers, other companies and devices on staff routes", async () => {
    const { ticket, a } = await scene();
    const display = await createDisplayDevice(p.ctx, company, a.branch.id);
    const routes: [string, string][] = [
      ["GET", "/queue/workplace"],
      ["POST", "/queue/call-next"],
      ["POST", `/queue/tickets/${ticket.id}/start`],
      ["POST", "/queue/tickets"],
    ];
    for (const [method, path] of routes) {
      const m = method as "GET" | "POST";
      const body = m === "POST" ? {} : undefined;
      expect((await call(p.app, m, url(path), { body })).statusCode, `${path} anonymous`).toBe(401);
      const foreign = await call(p.app, m, url(path), { token: otherToken, body });
      expect([foreign.statusCode, foreign.json().error.code], `${path} other company`).toEqual([
        401,
        "WRONG_REALM",
      ]);
      const device = await call(p.app, m, url(path), {
        body,
        headers: { authorization: `Device ${display}` },
      });
      expect(device.statusCode, `${path} device`).toBe(401);
    }
  });

  it("answers not-found to an operator of another branch", async () => {
    const { a, opB, ticket } = await scene();
    for (const action of ["call", "start", "cancel", "check-in"]) {
      const res = await call(p.app, "POST", url(`/queue/tickets/${ticket.id}/${action}`), {
        token: opB.token,
        body: {},
      });
      expect(res.statusCode, action).toBe(404);
    }
    const issue = await call(p.app, "POST", url("/queue/tickets"), {
      token: opB.token,
      body: { branchId: a.branch.id, serviceId: a.services[0]!.id },
    });
    expect(issue.statusCode).toBe(404);
    // Call-next never reaches into another branch.
    expect(
      (await call(p.app, "POST", url("/queue/call-next"), { token: opB.token, body: {} })).json(),
    ).toEqual({ ticket: null });
  });

  it("holds a pending password change, and signs out an operator deactivated or deleted since its token was issued, on every hot route", async () => {
    const { a, opA, ticket } = await scene();
    const db = companyDb(p.ctx.db, company);
    // A waiting ticket of its own service, so that call-next would call someone.
    await call(p.app, "POST", url("/queue/tickets"), {
      token: opA.token,
      body: { branchId: a.branch.id, serviceId: a.services[0]!.id },
    });
    const requests: [string, object][] = [
      ["/queue/tickets", { branchId: a.branch.id, serviceId: a.services[0]!.id }],
      ["/queue/call-next", {}],
      ...["call", "start", "finish", "no-show", "cancel", "recall", "return", "check-in"].map(
        (action): [string, object] => [`/queue/tickets/${ticket.id}/${action}`, {}],
      ),
    ];
    const hot = () =>
      Promise.all(
        requests.map(async ([path, body]) => {
          const res = await call(p.app, "POST", url(path), { token: opA.token, body });
          return { path, status: res.statusCode, error: res.json().error };
        }),
      );
    // A one-time password not yet changed: the token itself says so, nothing is done.
    const pending = await p.ctx.tokens.sign({
      realm: "company",
      sub: opA.id,
      email: opA.email,
      role: "OPERATOR",
      companyId: company.id,
      mustChangePassword: true,
    });
    for (const [path, body] of requests) {
      const res = await call(p.app, "POST", url(path), { token: pending, body });
      expect([res.statusCode, res.json().error.code], path).toEqual([
        403,
        "PASSWORD_CHANGE_REQUIRED",
      ]);
    }
    await db.updateTable("staff").set({ is_active: false }).where("id", "=", opA.id).execute();
    for (const res of await hot())
      expect([res.status, res.error?.code], res.path).toEqual([401, "UNAUTHENTICATED"]);
    await db.deleteFrom("operator_status").where("staff_id", "=", opA.id).execute();
    await db.deleteFrom("staff_services").where("staff_id", "=", opA.id).execute();
    await db.deleteFrom("staff").where("id", "=", opA.id).execute();
    for (const res of await hot())
      expect([res.status, res.error?.message], res.path).toEqual([
        401,
        "Your account no longer exists. Log in again.",
      ]);
    const after = await db
      .selectFrom("tickets")
      .select(["status", "operator_id"])
      .where("id", "=", ticket.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ status: "WAITING", operator_id: null });
  });

  it("gives display boards calls and counts, never names or phones", async () => {
    const { a, opA } = await scene();
    const display = await createDisplayDevice(p.ctx, company, a.branch.id);
    const kiosk = await createDisplayDevice(p.ctx, company, a.branch.id, "KIOSK");
    await call(p.app, "POST", url("/queue/call-next"), { token: opA.token, body: {} });
    const res = await call(p.app, "GET", url("/display/snapshot"), {
      headers: { authorization: `Device ${display}` },
    });
    expect(res.statusCode).toBe(200);
    const snap = res.json();
    expect(snap.calls[0]).toMatchObject({
      label: "W-001",
      counterNumber: 1,
      spoken: { uz: "dubl-ve bir, birinchi oynaga" },
    });
    expect(snap.services[0].waiting).toBe(0);
    expect(snap.company.primaryColor).toBeNull();
    expect(res.body).not.toMatch(/Aziz|998901234567|customer|phone|token/i);
    const bearer = await call(p.app, "GET", url("/display/snapshot"), { token: opA.token });
    expect([bearer.statusCode, bearer.json().error.code]).toEqual([401, "WRONG_REALM"]);
    const kioskRes = await call(p.app, "GET", url("/display/snapshot"), {
      headers: { authorization: `Device ${kiosk}` },
    });
    expect(kioskRes.statusCode).toBe(403);
    const elsewhere = await call(p.app, "GET", url("/display/snapshot", otherSlug), {
      headers: { authorization: `Device ${display}` },
    });
    expect(elsewhere.statusCode).toBe(401);
    expect((await call(p.app, "GET", url("/display/snapshot"))).statusCode).toBe(401);
  });

  it("dresses the board in the company's colour once one is set", async () => {
    const { a } = await scene();
    const display = await createDisplayDevice(p.ctx, company, a.branch.id);
    await updatePrimaryColor(companyDb(p.ctx.db, company), "#0f766e");
    const res = await call(p.app, "GET", url("/display/snapshot"), {
      headers: { authorization: `Device ${display}` },
    });
    expect(res.json().company.primaryColor).toBe("#0f766e");
    await updatePrimaryColor(companyDb(p.ctx.db, company), null);
  });

  it("tracks a ticket by its token: position and estimate, nobody else's data", async () => {
    const { a, opA } = await scene();
    const more = [];
    for (let i = 0; i < 3; i++) {
      more.push(
        (
          await call(p.app, "POST", url("/queue/tickets"), {
            token: opA.token,
            body: {
              branchId: a.branch.id,
              serviceId: a.services[0]!.id,
              customerName: `Customer ${i}`,
            },
          })
        ).json().ticket,
      );
    }
    const res = await call(p.app, "GET", url(`/public/tickets/${more[2].trackingToken}`));
    expect(res.statusCode).toBe(200);
    // Three are ahead: the first walk-in and the two issued before this one.
    expect(res.json()).toMatchObject({
      label: "W-004",
      status: "WAITING",
      position: 4,
      peopleAhead: 3,
    });
    expect(res.json().estimate.highMinutes).toBeGreaterThanOrEqual(res.json().estimate.minutes);
    expect(res.body).not.toMatch(/Customer \d|Aziz|998901234567/);
    expect(
      (await call(p.app, "GET", url("/public/tickets/AAAAAAAAAAAAAAAAAAAAAAAA"))).statusCode,
    ).toBe(404);
    expect((await call(p.app, "GET", url("/public/tickets/short"))).statusCode).toBe(404);
    // A token belongs to one company.
    expect(
      (await call(p.app, "GET", url(`/public/tickets/${more[2].trackingToken}`, otherSlug)))
        .statusCode,
    ).toBe(404);
  });
});
