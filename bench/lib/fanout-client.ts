/**
 * A child process holding many socket.io clients (websocket transport only) for `fanout`:
 * ticket trackers ({ slug, ticketToken }) and display boards ({ slug, deviceToken }). It records
 * how long events take to arrive and reports over IPC. Started by scenarios/fanout.ts.
 */
import { io, type Socket } from "socket.io-client";
import { REALTIME_PATH } from "@equeue/contracts";

export type FanoutItem = { slug: string; kind: "tracker" | "display"; token: string };

export type FanoutRequest =
  | {
      type: "connect";
      address: string;
      items: FanoutItem[];
      concurrency: number;
      timeoutMs: number;
    }
  | { type: "report" }
  | { type: "close" };

export type FanoutReport = {
  connected: number;
  failed: number;
  failure_samples: string[];
  disconnected: number;
  snapshots: number;
  events: Record<string, number>;
  /** display.call: receive time − call time (payload.at). */
  display_ms: number[];
  /** ticket.tracking showing the tracker's own ticket CALLED: receive time − calledAt. */
  own_call_ms: number[];
  /** every ticket.tracking: receive time − the time the server read the view (payload.at). */
  tracking_ms: number[];
  rss_mb: number;
  /** This client process's CPU (user + system, % of one core) since its sockets connected. */
  cpu_percent: number;
};

export type FanoutReply =
  | { type: "connected"; connected: number; failed: number; seconds: number }
  | { type: "report"; report: FanoutReport }
  | { type: "closed" };

const CAP = 150_000;
/** Reservoir: keeps at most CAP samples, uniformly over everything offered. */
class Samples {
  readonly values: number[] = [];
  private seen = 0;
  add(v: number) {
    this.seen++;
    if (this.values.length < CAP) this.values.push(v);
    else {
      const j = Math.floor(Math.random() * this.seen);
      if (j < CAP) this.values[j] = v;
    }
  }
}

const sockets: Socket[] = [];
const display = new Samples();
const ownCall = new Samples();
const tracking = new Samples();
const events: Record<string, number> = {};
const failures: string[] = [];
let failed = 0;
let disconnected = 0;
let snapshots = 0;
const send = (m: FanoutReply) => process.send!(m);

function connectOne(address: string, item: FanoutItem, timeoutMs: number): Promise<boolean> {
  const auth =
    item.kind === "tracker"
      ? { slug: item.slug, ticketToken: item.token }
      : { slug: item.slug, deviceToken: item.token };
  const socket = io(address, {
    path: REALTIME_PATH,
    transports: ["websocket"],
    auth,
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  let ownCalled = false;
  socket.on("snapshot", () => snapshots++);
  socket.on("display.call", (p: { at: string }) => {
    events["display.call"] = (events["display.call"] ?? 0) + 1;
    display.add(Date.now() - Date.parse(p.at));
  });
  socket.on(
    "ticket.tracking",
    (p: { at: string; ticket: { status: string; calledAt: string | null } }) => {
      const now = Date.now();
      events["ticket.tracking"] = (events["ticket.tracking"] ?? 0) + 1;
      tracking.add(now - Date.parse(p.at));
      if (!ownCalled && p.ticket.status === "CALLED" && p.ticket.calledAt) {
        ownCalled = true;
        ownCall.add(now - Date.parse(p.ticket.calledAt));
      }
    },
  );
  socket.on("queue.counts", () => {
    events["queue.counts"] = (events["queue.counts"] ?? 0) + 1;
  });
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false, "timeout"), timeoutMs + 1000);
    const done = (ok: boolean, why?: string) => {
      clearTimeout(timer);
      socket.off("connect");
      socket.off("connect_error");
      if (ok) {
        sockets.push(socket);
        socket.on("disconnect", () => disconnected++);
      } else {
        failed++;
        if (failures.length < 5) failures.push(why ?? "?");
        socket.close();
      }
      resolve(ok);
    };
    socket.on("connect", () => done(true));
    socket.on("connect_error", (err: Error) => done(false, err.message));
  });
}

let since = { cpu: process.cpuUsage(), at: performance.now() };
const cpuPercentSince = (from: typeof since) => {
  const c = process.cpuUsage(from.cpu);
  return Math.round(((c.user + c.system) / 1000 / (performance.now() - from.at)) * 1000) / 10;
};

process.on("message", (raw) => {
  const m = raw as FanoutRequest;
  void (async () => {
    if (m.type === "connect") {
      const started = performance.now();
      let next = 0;
      await Promise.all(
        Array.from({ length: Math.min(m.concurrency, m.items.length) }, async () => {
          while (next < m.items.length) {
            const item = m.items[next++]!;
            await connectOne(m.address, item, m.timeoutMs);
          }
        }),
      );
      since = { cpu: process.cpuUsage(), at: performance.now() };
      send({
        type: "connected",
        connected: sockets.length,
        failed,
        seconds: (performance.now() - started) / 1000,
      });
    } else if (m.type === "report") {
      send({
        type: "report",
        report: {
          connected: sockets.length,
          failed,
          failure_samples: failures,
          disconnected,
          snapshots,
          events,
          display_ms: display.values,
          own_call_ms: ownCall.values,
          tracking_ms: tracking.values,
          rss_mb: Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10,
          cpu_percent: cpuPercentSince(since),
        },
      });
    } else {
      for (const s of sockets) s.close();
      send({ type: "closed" });
      setTimeout(() => process.exit(0), 200);
    }
  })();
});
