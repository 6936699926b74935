import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createPublicCompany,
  createTestPlatform,
  issueTickets,
  lineWithOperatorAtCounter,
  type TestPlatform,
} from "../../testing";

let p: TestPlatform;

async function activeCompany() {
  const { slug, adminToken, company } = await createPublicCompany(p);
  const { setup, serviceId, op } = await lineWithOperatorAtCounter(p, company, slug);
  /** A ticket served to the end; answers its tracking token. */
  const servedTicket = async () => {
    const [ticket] = await issueTickets(p.ctx, company, {
      branchId: setup.branch.id,
      serviceId,
      count: 1,
    });
    const post = (path: string) =>
      call(p.app, "POST", `/api/c/${slug}/queue${path}`, { token: op.token, body: {} });
    await post("/call-next");
    await post(`/tickets/${ticket!.id}/start`);
    expect((await post(`/tickets/${ticket!.id}/finish`)).statusCode).toBe(200);
    return ticket!;
  };
  return { slug, company, adminToken, op, setup, serviceId, servedTicket };
}

beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(async () => p?.close());

describe("rating a finished visit", () => {
  it("asks after COMPLETED only, once per ticket, and refuses bad input with field paths", async () => {
    const co = await activeCompany();
    const served = await co.servedTicket();
    const [waiting] = await issueTickets(p.ctx, co.company, {
      branchId: co.setup.branch.id,
      serviceId: co.serviceId,
      count: 1,
    });
    const url = (token: string) => `/api/c/${co.slug}/public/tickets/${token}/rating`;
    expect((await call(p.app, "GET", url(waiting!.token))).json()).toEqual({
      canRate: false,
      rating: null,
    });
    const early = await call(p.app, "POST", url(waiting!.token), { body: { stars: 5 } });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("INVALID_STATE");

    expect((await call(p.app, "GET", url(served.token))).json()).toEqual({
      canRate: true,
      rating: null,
    });
    const six = await call(p.app, "POST", url(served.token), { body: { stars: 6 } });
    expect(six.statusCode).toBe(400);
    expect(six.json().error.details[0].path).toBe("stars");
    const long = await call(p.app, "POST", url(served.token), {
      body: { stars: 4, comment: "x".repeat(501) },
    });
    expect(long.json().error.details[0].path).toBe("comment");

    const ok = await call(p.app, "POST", url(served.token), {
      body: { stars: 4, comment: "  Tez va xushmuomala.  " },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ stars: 4, comment: "Tez va xushmuomala." });
    const twice = await call(p.app, "POST", url(served.token), { body: { stars: 1 } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("ALREADY_RATED");
    expect((await call(p.app, "GET", url(served.token))).json()).toMatchObject({
      canRate: false,
      rating: { stars: 4, comment: "Tez va xushmuomala." },
    });
  });

  it("shows the company's average and count in the directory, and the comments to its admin only", async () => {
    const co = await activeCompany();
    for (const stars of [5, 2]) {
      const t = await co.servedTicket();
      const res = await call(p.app, "POST", `/api/c/${co.slug}/public/tickets/${t.token}/rating`, {
        body: { stars, ...(stars === 2 && { comment: "Uzoq kutdim" }) },
      });
      expect(res.statusCode).toBe(201);
    }
    const directory = await call(p.app, "GET", `/api/public/companies?search=${co.slug}`);
    expect(directory.json().items[0]).toMatchObject({
      slug: co.slug,
      rating: { average: 3.5, count: 2 },
    });

    const list = await call(p.app, "GET", `/api/c/${co.slug}/admin/ratings`, {
      token: co.adminToken,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      summary: { average: 3.5, count: 2 },
      total: 2,
      items: [
        { stars: 2, comment: "Uzoq kutdim", serviceName: { uz: expect.any(String) } },
        { stars: 5, comment: null },
      ],
    });
    const low = await call(p.app, "GET", `/api/c/${co.slug}/admin/ratings?stars=2`, {
      token: co.adminToken,
    });
    expect(low.json().total).toBe(1);
    const bad = await call(p.app, "GET", `/api/c/${co.slug}/admin/ratings?stars=9`, {
      token: co.adminToken,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("stars");
    // An operator, anonymous and another company's admin are refused.
    const operator = await call(p.app, "GET", `/api/c/${co.slug}/admin/ratings`, {
      token: co.op.token,
    });
    expect(operator.statusCode).toBe(403);
    expect((await call(p.app, "GET", `/api/c/${co.slug}/admin/ratings`)).statusCode).toBe(401);
    const other = await activeCompany();
    const foreign = await call(p.app, "GET", `/api/c/${co.slug}/admin/ratings`, {
      token: other.adminToken,
    });
    expect(foreign.statusCode).toBe(401);
    // Each company sees its own ratings only.
    const theirs = await call(p.app, "GET", `/api/c/${other.slug}/admin/ratings`, {
      token: other.adminToken,
    });
    expect(theirs.json()).toMatchObject({ total: 0, summary: { average: null, count: 0 } });
  });

  it("answers 404 for a ticket of another company or an unknown token", async () => {
    const a = await activeCompany();
    const b = await activeCompany();
    const served = await b.servedTicket();
    const foreign = await call(
      p.app,
      "POST",
      `/api/c/${a.slug}/public/tickets/${served.token}/rating`,
      {
        body: { stars: 5 },
      },
    );
    expect(foreign.statusCode).toBe(404);
    const unknown = await call(p.app, "GET", `/api/c/${a.slug}/public/tickets/nope/rating`);
    expect(unknown.statusCode).toBe(404);
  });
});
