import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  call,
  createBranchWithService,
  createDisplayDevice,
  createQueueCompany,
  createTestPlatform,
  deviceAuth,
  type TestPlatform,
} from "../../testing";
import { companyDb } from "../tenancy/company-directory";
import { OFFLINE_BLOCK_SIZE } from "./offline-block";

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform({}, { dayEndWorker: false });
});
afterAll(() => p.close());

type Range = {
  series: string;
  serviceIds: string[];
  from: number;
  to: number;
  proof: string;
  tokens: string[];
};

async function kiosk() {
  const { company, slug } = await createQueueCompany(p);
  const seeded = await createBranchWithService(p.ctx, company, {
    services: [{ letter: "A" }, { letter: "B" }],
  });
  const token = await createDisplayDevice(p.ctx, company, seeded.branch.id, "KIOSK");
  await companyDb(p.ctx.db, company)
    .updateTable("devices")
    .set({ settings: JSON.stringify({ offlineIssuing: true }) })
    .execute();
  const reserve = async (deviceToken = token) => {
    const res = await call(p.app, "POST", `/api/c/${slug}/kiosk/offline-block`, {
      headers: deviceAuth(deviceToken),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { day: string; ranges: Range[] };
  };
  const sync = (tickets: unknown[], deviceToken = token) =>
    call(p.app, "POST", `/api/c/${slug}/kiosk/offline-tickets`, {
      headers: deviceAuth(deviceToken),
      body: { tickets },
    });
  return { company, slug, token, ...seeded, reserve, sync };
}

const offline = (
  day: string,
  r: Range,
  number: number,
  serviceId: string,
  issuedAt: Date,
  extra: Record<string, unknown> = {},
) => ({
  series: r.series,
  from: r.from,
  to: r.to,
  proof: r.proof,
  day,
  number,
  serviceId,
  issuedAt: issuedAt.toISOString(),
  ...extra,
});

describe("issuing while the server is away", () => {
  it("reserves numbers online tickets never take, and takes the tickets in with their time and token", async () => {
    const k = await kiosk();
    const block = await k.reserve();
    expect(block.ranges).toHaveLength(1); // one kiosk series for both services (by source)
    const [range] = block.ranges;
    expect(range).toMatchObject({ series: "K", from: 1, to: OFFLINE_BLOCK_SIZE });
    expect(range!.tokens).toHaveLength(OFFLINE_BLOCK_SIZE);

    // Online, the kiosk goes on after the reserved block.
    const online = await call(p.app, "POST", `/api/c/${k.slug}/kiosk/tickets`, {
      headers: deviceAuth(k.token),
      body: { serviceId: k.services[0]!.id },
    });
    expect(online.json().ticket.label).toBe(`K-0${OFFLINE_BLOCK_SIZE + 1}`);

    const earlier = new Date(Date.now() - 60_000);
    const tickets = [
      offline(block.day, range!, 1, k.services[0]!.id, earlier, {
        phone: "+998901234567",
        language: "en",
      }),
      offline(block.day, range!, 2, k.services[0]!.id, new Date(earlier.getTime() + 1000)),
    ];
    const res = await k.sync(tickets);
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res.json().results.map((r: { status: string; label: string }) => [r.status, r.label]),
    ).toEqual([
      ["CREATED", "K-001"],
      ["CREATED", "K-002"],
    ]);
    const rows = await companyDb(p.ctx.db, k.company)
      .selectFrom("tickets")
      .select(["label", "source", "status", "queued_at", "token", "customer_phone", "language"])
      .orderBy("queued_at")
      .execute();
    // Issued a minute ago, they stand before the online ticket.
    expect(rows.map((r) => r.label)).toEqual(["K-001", "K-002", `K-0${OFFLINE_BLOCK_SIZE + 1}`]);
    expect(rows[0]).toMatchObject({
      source: "KIOSK",
      status: "WAITING",
      token: range!.tokens[0],
      customer_phone: "+998901234567",
      language: "en",
    });
    expect(rows[1]!.language).toBeNull();
    expect(rows[0]!.queued_at!.getTime()).toBe(earlier.getTime());
    // The QR code printed offline leads to the ticket.
    const track = await call(p.app, "GET", `/api/c/${k.slug}/public/tickets/${range!.tokens[1]}`);
    expect(track.json()).toMatchObject({ label: "K-002", peopleAhead: 1 });

    // A replay creates nothing.
    const again = await k.sync(tickets);
    expect(again.json().results.map((r: { status: string }) => r.status)).toEqual([
      "DUPLICATE",
      "DUPLICATE",
    ]);
    expect(
      await companyDb(p.ctx.db, k.company).selectFrom("tickets").select("id").execute(),
    ).toHaveLength(3);
  });

  it("reserves nothing for a kiosk whose offline issuing is off", async () => {
    const { company, slug } = await createQueueCompany(p);
    const { branch } = await createBranchWithService(p.ctx, company);
    const token = await createDisplayDevice(p.ctx, company, branch.id, "KIOSK");
    const res = await call(p.app, "POST", `/api/c/${slug}/kiosk/offline-block`, {
      headers: deviceAuth(token),
    });
    expect(res.statusCode).toBe(403);
    const series = await companyDb(p.ctx.db, company)
      .selectFrom("ticket_series")
      .selectAll()
      .execute();
    expect(series).toHaveLength(0);
  });

  it("refuses forged or foreign blocks, numbers outside them and times off the day", async () => {
    const k = await kiosk();
    const other = await createDisplayDevice(p.ctx, k.company, k.branch.id, "KIOSK");
    const block = await k.reserve();
    const r = block.ranges[0]!;
    const at = new Date();
    const serviceId = k.services[1]!.id;
    const res = await k.sync([
      offline(block.day, { ...r, proof: "x".repeat(43) }, 1, serviceId, at),
      offline(block.day, { ...r, to: r.to + 50 }, 60, serviceId, at),
      offline(block.day, r, r.to + 1, serviceId, at),
      offline(block.day, r, 3, serviceId, new Date(at.getTime() + 3_600_000)),
      offline(block.day, r, 4, serviceId, new Date(at.getTime() - 3 * 86_400_000)),
    ]);
    expect(res.json().results.map((x: { status: string }) => x.status)).toEqual(
      Array(5).fill("REFUSED"),
    );
    // Dated hours before the block was reserved (to stand at the head of the line), or with the
    // proof's reservation time moved back: refused.
    const [seconds, mac] = r.proof.split(".");
    expect(Number(seconds)).toBeCloseTo(at.getTime() / 1000, -2);
    const early = await k.sync([
      offline(block.day, r, 5, serviceId, new Date(at.getTime() - 2 * 3_600_000)),
      offline(
        block.day,
        { ...r, proof: `${Number(seconds) - 7200}.${mac}` },
        6,
        serviceId,
        new Date(at.getTime() - 3_600_000),
      ),
    ]);
    expect(early.json().results.map((x: { reason: string }) => x.reason)).toEqual([
      expect.stringMatching(/before its number block was reserved|not fall on the block's day/),
      "The number block was not reserved for this kiosk.",
    ]);
    // Another kiosk cannot hand in this kiosk's numbers.
    const foreign = await k.sync([offline(block.day, r, 1, serviceId, at)], other);
    expect(foreign.json().results[0].status).toBe("REFUSED");
    expect(
      await companyDb(p.ctx.db, k.company).selectFrom("tickets").select("id").execute(),
    ).toHaveLength(0);
  });

  it("answers bad input with field paths and refuses display boards and people", async () => {
    const k = await kiosk();
    const bad = await k.sync([{ series: "k1", number: 0, serviceId: "x", issuedAt: "yesterday" }]);
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["tickets.0.series", "tickets.0.number"]));
    const board = await createDisplayDevice(p.ctx, k.company, k.branch.id, "DISPLAY");
    for (const url of ["offline-block", "offline-tickets"]) {
      const res = await call(p.app, "POST", `/api/c/${k.slug}/kiosk/${url}`, {
        headers: deviceAuth(board),
        body: { tickets: [] },
      });
      expect(res.statusCode).toBe(403);
      const anon = await call(p.app, "POST", `/api/c/${k.slug}/kiosk/${url}`, { body: {} });
      expect(anon.statusCode).toBe(401);
    }
  });
});
