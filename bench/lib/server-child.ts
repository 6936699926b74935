/**
 * The server under test in its own process, so that its RSS and event-loop lag are measured
 * alone (bench clients run in the parent or in other children). Started by `server-proc.ts`
 * with the server's environment in BENCH_SERVER_ENV; talks over the IPC channel.
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { TICKET_ACTION } from "@equeue/core";
import { loadConfig, startPlatform } from "@equeue/server/platform";
import { actOnTicket, callNextTicket } from "@equeue/server/queue";
import { RssSampler } from "./rss";
import { percentile, round } from "./stats";
import {
  openFileLimit,
  type ChildReply,
  type ChildRequest,
  type DriveResult,
  type ServerStats,
} from "./server-proc";

const send = (m: ChildReply) => process.send!(m);

async function main() {
  const env = JSON.parse(process.env.BENCH_SERVER_ENV ?? "{}") as Record<string, string>;
  const platform = await startPlatform(loadConfig(env), {
    inMemory: false,
    serveWeb: false,
    mail: null,
    dayEndWorker: false,
  });
  const address = await platform.app.listen({ host: "127.0.0.1", port: 0 });
  // As main.ts does after listen; only scenarios that measure delivery ask for it (notify).
  if (env.BENCH_START_OUTBOX === "1") platform.ctx.outbox.start();
  let rss = new RssSampler(100).start();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  let cpu = process.cpuUsage();
  let since = performance.now();

  const stats = (): ServerStats => {
    const r = rss.stop();
    rss = new RssSampler(100).start();
    const c = process.cpuUsage(cpu);
    const elapsed = performance.now() - since;
    const ms = (ns: number) => Math.round((ns / 1e6) * 100) / 100;
    return {
      ...r,
      rss_now_mb: Math.round((process.memoryUsage().rss / 1024 / 1024) * 10) / 10,
      heap_used_mb: Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10,
      lag_p50_ms: ms(lag.percentile(50)),
      lag_p99_ms: ms(lag.percentile(99)),
      lag_max_ms: ms(lag.max),
      cpu_percent: Math.round(((c.user + c.system) / 1000 / elapsed) * 1000) / 10,
      trackers: platform.ctx.realtime.trackerCount,
      nofile: openFileLimit(),
    };
  };

  process.on("message", (raw) => {
    const m = raw as ChildRequest;
    void (async () => {
      switch (m.type) {
        case "reset": {
          lag.reset();
          rss.stop();
          rss = new RssSampler(100).start();
          cpu = process.cpuUsage();
          since = performance.now();
          send({ type: "reset", id: m.id });
          break;
        }
        case "settle": {
          const t = performance.now();
          await platform.ctx.events.sweep();
          await platform.ctx.events.idle();
          send({ type: "settle", id: m.id, ms: Math.round(performance.now() - t) });
          break;
        }
        case "stats":
          send({ type: "stats", id: m.id, stats: stats() });
          break;
        case "drive":
          send({ type: "drive", id: m.id, result: await drive(platform, m) });
          break;
        case "stop":
          send({ type: "stop", id: m.id, stats: stats() });
          await platform.close();
          process.exit(0);
      }
    })().catch((err: unknown) => {
      console.error("[server-child]", err);
      send({ type: "error", id: m.id, message: String(err) });
    });
  });
  send({ type: "ready", id: 0, address });
}

/**
 * Call events at a fixed rate through the queue commands (no HTTP): each operator calls its
 * next customer and cancels the ticket (a real event, published like any other) so that its
 * counter is free again. Bounded by `seconds` and by `rate * seconds` calls.
 */
async function drive(
  platform: Awaited<ReturnType<typeof startPlatform>>,
  m: Extract<ChildRequest, { type: "drive" }>,
): Promise<DriveResult> {
  const { ctx } = platform;
  const idle = [...m.operators];
  const maxCalls = Math.ceil(m.rate * m.seconds);
  let started = 0;
  let calls = 0;
  let empty = 0;
  let errors = 0;
  let behind = 0;
  const errorSamples: string[] = [];
  const commandMs: number[] = [];
  const inflight = new Set<Promise<void>>();
  const begin = performance.now();
  const deadline = begin + m.seconds * 1000;
  const one = async (op: (typeof m.operators)[number]) => {
    try {
      const company = (await ctx.directory.findBySlug(op.slug))!;
      const began = performance.now();
      const t = await callNextTicket(ctx, company, { staffId: op.staffId });
      commandMs.push(performance.now() - began);
      if (!t) {
        empty++;
        return;
      }
      calls++;
      if (m.close === "cancel")
        await actOnTicket(ctx, company, { staffId: op.staffId }, t.id, TICKET_ACTION.CANCEL);
    } catch (err) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(String(err));
    } finally {
      idle.push(op);
    }
  };
  while (performance.now() < deadline && started < maxCalls) {
    const due = Math.min(maxCalls, Math.floor(((performance.now() - begin) / 1000) * m.rate));
    while (started < due) {
      const op = idle.shift();
      if (!op) {
        behind++;
        break;
      }
      started++;
      const p = one(op).finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - begin) / 1000;
  return {
    started,
    calls,
    empty,
    errors,
    behind_ticks: behind,
    seconds,
    calls_per_s: calls / seconds,
    call_command_p50_ms: round(percentile(commandMs, 50)),
    call_command_p99_ms: round(percentile(commandMs, 99)),
    error_samples: errorSamples,
  };
}

main().catch((err: unknown) => {
  console.error("[server-child] failed to start:", err);
  process.exit(1);
});
