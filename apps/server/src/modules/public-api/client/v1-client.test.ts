import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../testing";
import { apiCompany } from "../v1.test-helpers";
import { clientSource, CLIENT_FILE } from "./client-file";
import { createEQueueClient, EQueueApiError } from "./equeue-v1.gen";

/**
 * The integrators' typed client, generated from /api/v1/openapi.json, against a real platform
 * over HTTP: it is what the document gives, and it works as an integrator would use it.
 */
describe("the generated /api/v1 client", () => {
  let p: TestPlatform;
  let a: Awaited<ReturnType<typeof apiCompany>>;
  let b: Awaited<ReturnType<typeof apiCompany>>;
  let baseUrl: string;

  beforeAll(async () => {
    p = await createTestPlatform();
    a = await apiCompany(p, "client-a");
    b = await apiCompany(p, "client-b");
    await p.app.listen({ port: 0, host: "127.0.0.1" });
    baseUrl = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;
  }, 240_000);
  afterAll(() => p.close());

  it("is what the document gives (run `npm run gen:client` after changing /api/v1)", async () => {
    const doc = (await p.app.inject({ url: "/api/v1/openapi.json" })).json();
    expect(await readFile(CLIENT_FILE, "utf8")).toBe(await clientSource(doc));
  });

  it("lists, issues, follows, books and cancels with a company's key", async () => {
    const api = createEQueueClient({ baseUrl, apiKey: a.key.secret });
    const { items } = await api.listBranches();
    expect(items.map((x) => x.id)).toEqual([a.branch.id]);
    const ticket = await api.issueTicket({
      body: { branchId: a.branch.id, serviceId: a.service.id, name: "Aziza" },
    });
    expect(ticket).toMatchObject({ source: "API", status: "WAITING" });
    expect(await api.getTicket({ path: { ticketId: ticket.id } })).toMatchObject({
      id: ticket.id,
      peopleAhead: 0,
    });
    const { slots } = await api.listSlots({
      path: { branchId: a.branch.id },
      query: { serviceId: a.service.id },
    });
    const booking = await api.createBooking({
      body: {
        branchId: a.branch.id,
        serviceId: a.service.id,
        startsAt: slots[3]!.startsAt,
        phone: "+998901112233",
      },
    });
    const cancelled = await api.cancelBooking({ path: { ticketId: booking.ticketId } });
    expect(cancelled.status).toBe("CANCELLED");
  });

  it("throws the one error shape: another company's ticket is not found, a bad key is 401", async () => {
    const theirs = createEQueueClient({ baseUrl, apiKey: b.key.secret });
    const mine = await createEQueueClient({ baseUrl, apiKey: a.key.secret }).issueTicket({
      body: { branchId: a.branch.id, serviceId: a.service.id },
    });
    const notFound = await theirs.getTicket({ path: { ticketId: mine.id } }).catch((e) => e);
    expect(notFound).toBeInstanceOf(EQueueApiError);
    expect(notFound).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
    const anonymous = createEQueueClient({ baseUrl, apiKey: "eqk_nope" });
    await expect(anonymous.listBranches()).rejects.toMatchObject({ status: 401 });
  });
});
