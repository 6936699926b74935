import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../../testing";
import {
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  issueTickets,
} from "../../../testing/queue-factories";
import { companyDb, type CompanyRecord } from "../../tenancy/company-directory";
import { loadStaffWorkplace } from "../staff-workplace";
import { actOnTicket } from "./ticket-actions.command";

type Op = { id: string; token: string };

describe("the operator's workflow through the API", () => {
  let p: TestPlatform;
  let company: CompanyRecord;
  let slug: string;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    ({ company, slug } = await createQueueCompany(p));
  });
  afterAll(() => p.close());

  const url = (path: string) => `/api/c/${slug}${path}`;
  const post = (op: Op, path: string, body?: unknown) =>
    call(p.app, "POST", url(path), { token: op.token, ...(body !== undefined && { body }) });
  const act = (op: Op, id: string, action: string, body?: unknown) =>
    post(op, `/queue/tickets/${id}/${action}`, body);
  const seat = async (op: Op, counterId: string) => {
    const res = await post(op, "/queue/session", { counterId });
    expect(res.statusCode, res.body).toBe(200);
  };
  const events = (ticketId: string) =>
    companyDb(p.ctx.db, company)
      .selectFrom("ticket_events")
      .select(["type", "from_status", "to_status"])
      .where("ticket_id", "=", ticketId)
      .orderBy("id")
      .execute();

  async function desk(opts: Parameters<typeof createBranchWithService>[2] = {}) {
    const setup = await createBranchWithService(p.ctx, company, { counters: 3, ...opts });
    const serviceIds = setup.services.map((s) => s.id);
    const op = await createQueueOperator(p.ctx, company, { branchId: setup.branch.id, serviceIds });
    await seat(op, setup.counters[0]!.id);
    return { ...setup, op, serviceIds };
  }

  it("calls, recalls, starts and finishes, writing an event for every step", async () => {
    const { branch, services, op } = await desk();
    const [t] = await issueTickets(p.ctx, company, {
      branchId: branch.id,
      serviceId: services[0]!.id,
      count: 1,
    });
    const called = await post(op, "/queue/call-next", {});
    expect(called.json().ticket).toMatchObject({ id: t!.id, status: "CALLED", counterNumber: 1 });
    expect((await act(op, t!.id, "recall")).json().ticket.recallCount).toBe(1);
    expect((await act(op, t!.id, "start")).json().ticket.status).toBe("SERVING");
    const done = await act(op, t!.id, "finish", { note: "Card issued" });
    expect(done.json().ticket).toMatchObject({ status: "COMPLETED", outcomeNote: "Card issued" });
    expect((await events(t!.id)).map((e) => e.type)).toEqual([
      "ISSUE",
      "CALL",
      "RECALL",
      "START",
      "FINISH",
    ]);
    const stats = await companyDb(p.ctx.db, company)
      .selectFrom("service_stats")
      .selectAll()
      .where("branch_id", "=", branch.id)
      .executeTakeFirstOrThrow();
    expect(stats.samples).toBe(1);
    const wp = (await call(p.app, "GET", url("/queue/workplace"), { token: op.token })).json();
    expect(wp.today).toMatchObject({ served: 1, waitingNow: 0 });
    expect(wp.current).toBeNull();
    // Nobody waiting: an answer, not an error.
    expect((await post(op, "/queue/call-next", {})).json()).toEqual({ ticket: null });
  });

  it("refuses illegal transitions with 409 and the state machine's code", async () => {
    const { branch, services, op } = await desk();
    const [a, b] = await issueTickets(p.ctx, company, {
      branchId: branch.id,
      serviceId: services[0]!.id,
      count: 2,
    });
    await post(op, "/queue/call-next", {});
    const finishCalled = await act(op, a!.id, "finish");
    expect([finishCalled.statusCode, finishCalled.json().error.code]).toEqual([
      409,
      "ILLEGAL_TRANSITION",
    ]);
    const startWaiting = await act(op, b!.id, "start");
    expect([startWaiting.statusCode, startWaiting.json().error.code]).toEqual([
      409,
      "ILLEGAL_TRANSITION",
    ]);
    await act(op, a!.id, "cancel", { reason: "Left" });
    const cancelAgain = await act(op, a!.id, "cancel");
    expect([cancelAgain.statusCode, cancelAgain.json().error.code]).toEqual([
      409,
      "ILLEGAL_TRANSITION",
    ]);
    expect((await act(op, crypto.randomUUID(), "start")).statusCode).toBe(404);
    expect((await act(op, "not-a-uuid", "start")).statusCode).toBe(400);
    expect((await act(op, b!.id, "finish", { note: "x", extra: true })).statusCode).toBe(400);
    // Refused steps leave no trace in the history.
    expect((await events(a!.id)).map((e) => e.type)).toEqual(["ISSUE", "CALL", "CANCEL"]);
  });

  it("refuses a no-show before the branch's grace time and accepts it after", async () => {
    const { branch, services, op } = await desk({ graceSeconds: 60 });
    const [t] = await issueTickets(p.ctx, company, {
      branchId: branch.id,
      serviceId: services[0]!.id,
      count: 1,
    });
    await post(op, "/queue/call-next", {});
    const early = await act(op, t!.id, "no-show");
    expect([early.statusCode, early.json().error.code]).toEqual([409, "GRACE_NOT_PASSED"]);
    expect(early.json().error.message).toMatch(/\d+ s/);
    const scope = await loadStaffWorkplace(p.ctx.db, company, op.id);
    const later = new Date(Date.now() + 61_000);
    const noShow = await actOnTicket(p.ctx, company, scope, t!.id, "MARK_NO_SHOW", { now: later });
    expect(noShow.status).toBe("NO_SHOW");
  });

  it("offers tickets only to an available operator with services and a free hand", async () => {
    const { branch, services, counters, op } = await desk();
    await issueTickets(p.ctx, company, {
      branchId: branch.id,
      serviceId: services[0]!.id,
      count: 2,
    });
    const idle = await createQueueOperator(p.ctx, company, {
      branchId: branch.id,
      serviceIds: [services[0]!.id],
    });
    const noSession = await post(idle, "/queue/call-next", {});
    expect([noSession.statusCode, noSession.json().error.code]).toEqual([
      409,
      "NO_COUNTER_SESSION",
    ]);
    const status = await call(p.app, "PUT", url("/queue/status"), {
      token: op.token,
      body: { status: "BREAK", reason: "Lunch" },
    });
    expect(status.json().session).toMatchObject({ status: "BREAK", reason: "Lunch" });
    const onBreak = await post(op, "/queue/call-next", {});
    expect([onBreak.statusCode, onBreak.json().error.code]).toEqual([
      409,
      "OPERATOR_NOT_AVAILABLE",
    ]);
    expect(onBreak.json().error.message).toContain("Lunch");
    await call(p.app, "PUT", url("/queue/status"), {
      token: op.token,
      body: { status: "AVAILABLE" },
    });
    const first = await post(op, "/queue/call-next", {});
    expect(first.statusCode).toBe(200);
    const busy = await post(op, "/queue/call-next", {});
    expect([busy.statusCode, busy.json().error.code]).toEqual([409, "TICKET_IN_PROGRESS"]);
    const offline = await call(p.app, "PUT", url("/queue/status"), {
      token: op.token,
      body: { status: "OFFLINE" },
    });
    expect(offline.json().error.code).toBe("TICKET_IN_PROGRESS");
    const none = await createQueueOperator(p.ctx, company, { branchId: branch.id, serviceIds: [] });
    await seat(none, counters[2]!.id);
    const noServices = await post(none, "/queue/call-next", {});
    expect([noServices.statusCode, noServices.json().error.code]).toEqual([
      409,
      "NO_SERVICES_ASSIGNED",
    ]);
  });

  it("holds one operator to one counter and one counter to one operator", async () => {
    const { branch, counters, op } = await desk();
    const move = await post(op, "/queue/session", { counterId: counters[1]!.id });
    expect([move.statusCode, move.json().error.code]).toEqual([409, "ALREADY_AT_COUNTER"]);
    expect((await post(op, "/queue/session", { counterId: counters[0]!.id })).statusCode).toBe(200);
    const other = await createQueueOperator(p.ctx, company, { branchId: branch.id });
    const taken = await post(other, "/queue/session", { counterId: counters[0]!.id });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, "COUNTER_TAKEN"]);
    const takeOver = await post(op, "/queue/session", {
      counterId: counters[1]!.id,
      takeOver: true,
    });
    expect(takeOver.json().session.counterNumber).toBe(2);
    // The first counter is free again.
    expect((await post(other, "/queue/session", { counterId: counters[0]!.id })).statusCode).toBe(
      200,
    );
  });

  it("returns a called ticket to its old place in line", async () => {
    const { branch, services, op } = await desk();
    const [a] = await issueTickets(p.ctx, company, {
      branchId: branch.id,
      serviceId: services[0]!.id,
      count: 3,
    });
    expect((await post(op, "/queue/call-next", {})).json().ticket.id).toBe(a!.id);
    const back = await act(op, a!.id, "return");
    expect(back.json().ticket).toMatchObject({
      status: "WAITING",
      operatorId: null,
      counterNumber: null,
    });
    expect((await post(op, "/queue/call-next", {})).json().ticket.id).toBe(a!.id);
  });

  it("transfers keeping the number and the place: the next operator gets the customer first", async () => {
    const { branch, services, counters, op } = await desk({
      services: [{ letter: "A" }, { letter: "B" }],
    });
    const [kassa, kredit] = services;
    const [t] = await issueTickets(p.ctx, company, {
      branchId: branch.id,
      serviceId: kassa!.id,
      count: 1,
    });
    await issueTickets(p.ctx, company, { branchId: branch.id, serviceId: kredit!.id, count: 3 });
    const b = await createQueueOperator(p.ctx, company, {
      branchId: branch.id,
      serviceIds: [kredit!.id],
    });
    await seat(b, counters[1]!.id);
    await post(op, "/queue/call-next", {}); // op serves both services: gets the oldest, t
    await act(op, t!.id, "start");
    const moved = await act(op, t!.id, "transfer", { serviceId: kredit!.id, note: "Needs a loan" });
    expect(moved.statusCode, moved.body).toBe(200);
    const { from, to } = moved.json();
    expect(from).toMatchObject({ id: t!.id, status: "TRANSFERRED" });
    expect(to).toMatchObject({
      label: t!.label,
      status: "WAITING",
      serviceId: kredit!.id,
      transferredFrom: t!.id,
    });
    expect(to.queuedAt).toBe(from.queuedAt);
    expect(to.priority).toBe(from.priority + 1);
    expect((await post(b, "/queue/call-next", {})).json().ticket.id).toBe(to.id);
    expect((await events(to.id)).map((e) => e.type)).toEqual(["TRANSFER_IN", "CALL"]);
    // The customer's QR code (the original token) follows them to the new counter.
    const tracked = await call(p.app, "GET", url(`/public/tickets/${from.trackingToken}`));
    expect(tracked.json()).toMatchObject({ label: t!.label, status: "CALLED", counterNumber: 2 });
    // A transfer needs somewhere to go.
    const nowhere = await act(b, to.id, "transfer", {});
    expect(nowhere.statusCode).toBe(400);
  });

  it("refuses a transfer into a line the customer's phone already waits in, and leaving follows a transfer", async () => {
    const { branch, services, op } = await desk({
      services: [{ letter: "A" }, { letter: "B" }, { letter: "C" }],
    });
    const [kassa, kredit, omonat] = services;
    // Taken on the portal, where one phone number holds one place per line.
    const take = async (serviceId: string) =>
      (
        await issueTickets(p.ctx, company, {
          branchId: branch.id,
          serviceId,
          count: 1,
          source: "ONLINE",
          phone: "+998901112233",
        })
      )[0]!;
    const first = await take(kassa!.id);
    await take(kredit!.id);
    expect((await post(op, "/queue/call-next", {})).json().ticket.id).toBe(first.id);
    const refused = await act(op, first.id, "transfer", { serviceId: kredit!.id });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: "ALREADY_IN_QUEUE",
      message: expect.stringContaining("already has a place in this queue"),
    });
    // Nothing changed: still called at this counter, and it can go to a line of its own.
    expect((await events(first.id)).map((e) => e.type)).toEqual(["ISSUE", "CALL"]);
    const moved = await act(op, first.id, "transfer", { serviceId: omonat!.id });
    expect(moved.statusCode, moved.body).toBe(200);

    // The customer's link (the first ticket's token) now shows the new line; leaving from it
    // gives up that place.
    const leave = await call(p.app, "POST", url(`/public/tickets/${first.token}/cancel`), {
      body: {},
    });
    expect(leave.statusCode, leave.body).toBe(200);
    expect(leave.json()).toMatchObject({ label: first.label, status: "CANCELLED" });
    expect((await events(moved.json().to.id)).map((e) => e.to_status)).toEqual([
      "WAITING",
      "CANCELLED",
    ]);
    const tracked = await call(p.app, "GET", url(`/public/tickets/${first.token}`));
    expect(tracked.json().status).toBe("CANCELLED");
  });

  it("reserves a ticket transferred to a person for that person", async () => {
    const { branch, services, counters, op } = await desk();
    const [t] = await issueTickets(p.ctx, company, {
      branchId: branch.id,
      serviceId: services[0]!.id,
      count: 1,
    });
    const aziza = await createQueueOperator(p.ctx, company, {
      branchId: branch.id,
      serviceIds: [services[0]!.id],
    });
    const bobur = await createQueueOperator(p.ctx, company, {
      branchId: branch.id,
      serviceIds: [services[0]!.id],
    });
    await seat(aziza, counters[1]!.id);
    await seat(bobur, counters[2]!.id);
    await post(op, "/queue/call-next", {});
    // Not to the operator who holds it: that would only queue the customer twice for them.
    const self = await act(op, t!.id, "transfer", { operatorId: op.id });
    expect(self.statusCode).toBe(400);
    expect(self.json().error).toMatchObject({
      code: "INVALID_TRANSFER_TARGET",
      message: expect.stringContaining("already yours"),
    });
    const moved = (await act(op, t!.id, "transfer", { operatorId: aziza.id })).json();
    expect(moved.to.reservedForOperatorId).toBe(aziza.id);
    expect((await post(bobur, "/queue/call-next", {})).json().ticket).toBeNull();
    const notForBobur = await act(bobur, moved.to.id, "call");
    expect(notForBobur.json().error.code).toBe("TICKET_NOT_ELIGIBLE");
    expect((await act(aziza, moved.to.id, "call")).json().ticket.status).toBe("CALLED");
  });
});
