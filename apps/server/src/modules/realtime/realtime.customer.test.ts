import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, createTestPlatform, signInCustomer, type TestPlatform } from "../../testing";
import { connectClient, refusedWith, type RecordingSocket } from "../../testing/socket-client";
import { bookableBranch, nextAddress } from "../booking/booking.test-helpers";

type Signal = { ticketIds: string[]; at: string };
type Listed = { id: string; status: string };

describe("live 'my tickets': a signed-in customer's socket", () => {
  let p: TestPlatform;
  let base: string;
  let a: Awaited<ReturnType<typeof bookableBranch>>;
  let b: Awaited<ReturnType<typeof bookableBranch>>;
  const mine = "+998901230001";
  const theirs = "+998901230002";
  const open: RecordingSocket[] = [];
  const client = (auth: Record<string, unknown>) => {
    const c = connectClient(base, auth);
    open.push(c);
    return c;
  };
  const join = async (w: typeof a, phone: string) => {
    const res = await p.app.inject({
      method: "POST",
      url: `/api/c/${w.slug}/portal/tickets`,
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ branchId: w.branch.id, serviceId: w.services[0]!.id, phone }),
      remoteAddress: nextAddress(),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().ticket as { token: string; label: string };
  };

  beforeAll(async () => {
    p = await createTestPlatform({}, { dayEndWorker: false });
    await p.app.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;
    a = await bookableBranch(p, { operators: 1 });
    b = await bookableBranch(p, { operators: 1 });
    await call(p.app, "POST", `/api/c/${a.slug}/queue/session`, {
      token: a.operators[0]!.token,
      body: { counterId: a.counters[0]!.id },
    });
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await p.close();
  });

  it("is told within a second when one of its tickets changes in any company, after the list shows it", async () => {
    const me = await signInCustomer(p, mine);
    const other = await signInCustomer(p, theirs);
    const socket = client({ customerToken: me.token });
    const stranger = client({ customerToken: other.token });
    // Told once after joining: read the list now.
    expect((await socket.next<Signal>("customer.tickets")).ticketIds).toEqual([]);
    expect((await stranger.next<Signal>("customer.tickets")).ticketIds).toEqual([]);

    // A place taken in company B (as a guest with my number) reaches my signed-in socket. Timed
    // from the commit (the request's answer): how long the request itself takes on a loaded
    // machine is not the signal's delay.
    await join(b, mine);
    let committed = Date.now();
    const joined = await socket.next<Signal>("customer.tickets", (s) => s.ticketIds.length > 0);
    expect(Date.now() - committed).toBeLessThan(1000);
    const list = await call(p.app, "GET", "/api/customer/tickets", { token: me.token });
    expect(list.json().active.map((t: Listed) => t.id)).toEqual(joined.ticketIds);

    // Company A calls my ticket there: the signal comes after the index has the new status.
    await join(a, mine);
    await socket.next<Signal>("customer.tickets", (s) => s.ticketIds.length > 0);
    const called = await call(p.app, "POST", `/api/c/${a.slug}/queue/call-next`, {
      token: a.operators[0]!.token,
      body: {},
    });
    committed = Date.now();
    expect(called.statusCode, called.body).toBe(200);
    const signal = await socket.next<Signal>("customer.tickets", (s) =>
      s.ticketIds.includes(called.json().ticket.id),
    );
    expect(Date.now() - committed).toBeLessThan(1000);
    expect(signal.ticketIds).toEqual([called.json().ticket.id]);
    const after = (await call(p.app, "GET", "/api/customer/tickets", { token: me.token })).json();
    expect(after.active.find((t: Listed) => t.id === called.json().ticket.id)?.status).toBe(
      "CALLED",
    );

    // Another customer's socket heard none of it: only its own joining signal.
    await p.ctx.events.idle();
    expect(stranger.events.filter((e) => e.name === "customer.tickets")).toHaveLength(1);
    // Its own change reaches it, and not me.
    const before = socket.events.length;
    await join(b, theirs);
    const theirsSignal = await stranger.next<Signal>(
      "customer.tickets",
      (s) => s.ticketIds.length > 0,
    );
    expect(theirsSignal.ticketIds).toHaveLength(1);
    await p.ctx.events.idle();
    expect(socket.events.slice(before).filter((e) => e.name === "customer.tickets")).toEqual([]);
  });

  it("refuses another realm's token, a forged one and any attempt to name a room", async () => {
    const me = await signInCustomer(p, mine);
    // A staff token is not a customer's.
    expect(await refusedWith(base, { customerToken: a.operators[0]!.token })).toBe("WRONG_REALM");
    expect(await refusedWith(base, { customerToken: `${me.token}x` })).toBe("UNAUTHENTICATED");
    // The room follows from the token alone: extra fields (another phone, a company) are refused.
    expect(await refusedWith(base, { customerToken: me.token, phone: theirs })).toBe(
      "UNAUTHENTICATED",
    );
    expect(await refusedWith(base, { customerToken: me.token, slug: a.slug })).toBe(
      "UNAUTHENTICATED",
    );
    // A customer's token does not open a company's staff audience either.
    expect(await refusedWith(base, { slug: a.slug, token: me.token })).toBe("WRONG_REALM");
  });
});
