import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueMessage } from "../outbox";
import {
  call,
  createBranchWithService,
  createQueueCompany,
  createQueueOperator,
  createTestPlatform,
  issueTickets,
  type TestPlatform,
} from "../../testing";

const TOKEN = "scraper-token-0123456789";

type Sample = { name: string; labels: Record<string, string>; value: number };

/** The exposition format's sample lines: `name{label="value",…} number`; comments skipped. */
function parseExposition(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[k!] = v!;
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

function sample(samples: Sample[], name: string, labels: Record<string, string> = {}) {
  return samples.find(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  )?.value;
}

describe("GET /metrics (Prometheus)", () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await createTestPlatform({ METRICS_TOKEN: TOKEN }, { dayEndWorker: false });
  });
  afterAll(async () => {
    await p.close();
  });

  const scrape = async () => {
    const res = await call(p.app, "GET", "/metrics", { token: TOKEN });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    return parseExposition(res.body);
  };

  it("refuses a scraper without the token, or with another one", async () => {
    const none = await call(p.app, "GET", "/metrics");
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe("UNAUTHENTICATED");
    const wrong = await call(p.app, "GET", "/metrics", { token: `${TOKEN}x` });
    expect(wrong.statusCode).toBe(401);
    // A staff token is not the scraper's either.
    const { adminToken } = await createQueueCompany(p);
    expect((await call(p.app, "GET", "/metrics", { token: adminToken })).statusCode).toBe(401);
  });

  it("counts the queue, the outbox and the requests as they happen", async () => {
    const { company, slug } = await createQueueCompany(p);
    const setup = await createBranchWithService(p.ctx, company);
    const before = await scrape();
    const waitingBefore = sample(before, "equeue_tickets_open", { status: "WAITING" }) ?? 0;

    await issueTickets(p.ctx, company, {
      branchId: setup.branch.id,
      serviceId: setup.services[0]!.id,
      count: 3,
    });
    const op = await createQueueOperator(p.ctx, company, {
      branchId: setup.branch.id,
      serviceIds: [setup.services[0]!.id],
    });
    await call(p.app, "POST", `/api/c/${slug}/queue/session`, {
      token: op.token,
      body: { counterId: setup.counters[0]!.id },
    });
    const called = await call(p.app, "POST", `/api/c/${slug}/queue/call-next`, {
      token: op.token,
      body: {},
    });
    expect(called.statusCode).toBe(200);
    await p.ctx.events.idle();
    await enqueueMessage(p.ctx.db, { channel: "sms", to: "+998901234567", text: "metrics" });

    const after = await scrape();
    // Three issued, one of them called: two still wait, one is at the counter.
    expect(sample(after, "equeue_tickets_open", { status: "WAITING" })).toBe(waitingBefore + 2);
    expect(sample(after, "equeue_tickets_open", { status: "CALLED" })).toBeGreaterThanOrEqual(1);
    expect(sample(after, "equeue_queue_events_total", { type: "ISSUE" })).toBeGreaterThanOrEqual(3);
    expect(sample(after, "equeue_queue_events_total", { type: "CALL" })).toBeGreaterThanOrEqual(1);
    expect(
      sample(after, "equeue_event_dispatch_lag_seconds_count", { subscriber: "ticket-index" }),
    ).toBeGreaterThanOrEqual(4);
    expect(sample(after, "equeue_outbox_pending", { channel: "sms" })).toBeGreaterThanOrEqual(1);
    expect(
      sample(after, "equeue_outbox_oldest_pending_seconds", { channel: "sms" }),
    ).toBeGreaterThanOrEqual(0);
    // Requests are labelled by their route's pattern, never by the company's slug.
    expect(
      sample(after, "equeue_http_request_duration_seconds_count", {
        route: "/api/c/:slug/queue/call-next",
        status: "2xx",
      }),
    ).toBeGreaterThanOrEqual(1);
    const text = (await call(p.app, "GET", "/metrics", { token: TOKEN })).body;
    expect(text).not.toContain(slug);
    expect(sample(after, "equeue_sockets_connected")).toBe(0);
    expect(sample(after, "equeue_node_process_resident_memory_bytes")).toBeDefined();
    // The pool exists on PostgreSQL only.
    const pool = after.filter((s) => s.name === "equeue_db_pool_connections");
    expect(pool.length).toBe(p.ctx.dbKind === "postgres" ? 3 : 0);
  });
});

describe("GET /metrics without METRICS_TOKEN", () => {
  it("is off, so a fresh install exposes nothing", async () => {
    const p = await createTestPlatform({}, { dayEndWorker: false });
    try {
      const res = await call(p.app, "GET", "/metrics", { token: TOKEN });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.message).toMatch(/METRICS_TOKEN/);
    } finally {
      await p.close();
    }
  });
});
