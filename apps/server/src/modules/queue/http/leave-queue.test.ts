import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, type TestPlatform } from "../../../testing";
import {
  createQueueCompany,
  issueTickets,
  lineWithOperatorAtCounter,
} from "../../../testing/queue-factories";
import { companyDb } from "../../tenancy/company-directory";

describe("leaving the line from the ticket's page", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
  });
  afterAll(() => p.close());

  async function line(count: number) {
    const { company, slug } = await createQueueCompany(p);
    const { setup, serviceId, op } = await lineWithOperatorAtCounter(p, company, slug);
    const tickets = await issueTickets(p.ctx, company, {
      branchId: setup.branch.id,
      serviceId,
      count,
    });
    const leave = (token: string, body: unknown = {}, s = slug) =>
      call(p.app, "POST", `/api/c/${s}/public/tickets/${token}/cancel`, { body });
    const track = (token: string) => call(p.app, "GET", `/api/c/${slug}/public/tickets/${token}`);
    const callNext = () =>
      call(p.app, "POST", `/api/c/${slug}/queue/call-next`, { token: op.token, body: {} });
    return { company, slug, tickets, leave, track, callNext };
  }

  it("cancels the holder's waiting ticket: the people behind move up, the operator skips it", async () => {
    const { company, tickets, leave, track, callNext } = await line(3);
    const [first, second, third] = tickets;
    expect((await track(third!.token)).json().peopleAhead).toBe(2);

    const left = await leave(first!.token);
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ label: first!.label, status: "CANCELLED" });
    expect((await track(third!.token)).json().peopleAhead).toBe(1);
    expect((await callNext()).json().ticket.id).toBe(second!.id);

    // The event log says the customer did it, with no staff member.
    const events = await companyDb(p.ctx.db, company)
      .selectFrom("ticket_events")
      .select(["from_status", "operator_id", "data"])
      .where("ticket_id", "=", first!.id)
      .where("to_status", "=", "CANCELLED")
      .execute();
    expect(events).toEqual([
      { from_status: "WAITING", operator_id: null, data: { by: "CUSTOMER" } },
    ]);
  });

  it("refuses with a reason once the ticket is called or over, and a second tap", async () => {
    const { tickets, leave, callNext } = await line(2);
    const [called, waiting] = tickets;
    await callNext();
    const late = await leave(called!.token);
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: "INVALID_STATE",
      message: `${called!.label} cannot be cancelled now: it has been called: go to the counter, or tell the operator.`,
    });
    expect((await leave(waiting!.token)).statusCode).toBe(200);
    const again = await leave(waiting!.token);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("already cancelled");
  });

  it("two taps at once cancel once", async () => {
    const { tickets, leave } = await line(1);
    const results = await Promise.all([leave(tickets[0]!.token), leave(tickets[0]!.token)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it("knows no other company's ticket, and refuses bad input", async () => {
    const mine = await line(1);
    const other = await line(1);
    const crossed = await mine.leave(other.tickets[0]!.token);
    expect(crossed.statusCode).toBe(404);
    expect(crossed.json().error.code).toBe("NOT_FOUND");
    expect((await other.track(other.tickets[0]!.token)).json().status).toBe("WAITING");

    expect((await mine.leave("no-such-token")).statusCode).toBe(404);
    expect((await mine.leave("x".repeat(500))).statusCode).toBe(414);
    const extra = await mine.leave(mine.tickets[0]!.token, { reason: "x", by: "STAFF" });
    expect(extra.statusCode).toBe(400);
    expect((await mine.track(mine.tickets[0]!.token)).json().status).toBe("WAITING");
    // Without a body at all it works too (a plain form post).
    const bare = await call(
      p.app,
      "POST",
      `/api/c/${mine.slug}/public/tickets/${mine.tickets[0]!.token}/cancel`,
    );
    expect(bare.statusCode).toBe(200);
  });
});
