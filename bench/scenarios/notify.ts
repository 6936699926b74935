/**
 * `notify`: operators call customers over HTTP at a paced rate (100 calls/s by default) while the
 * server sends the notifications through its real transports to fakes on loopback — the Eskiz-
 * shaped SMS gateway, the Telegram Bot API and a web-push service (`apps/server/src/testing/`),
 * running in this process so that their clock is the operators' clock. Bar (BENCHMARKS.md):
 * call acknowledged → transport request p99 < 1 s; 0 duplicates, 0 lost.
 *
 * Tickets are pre-issued (queue fixture) and each gets one channel: a phone (SMS), a linked
 * Telegram chat (its own chat, no phone), or a push subscription at the fake (no phone) — so the
 * "called" message of every ticket has exactly one expected channel, and no SMS stand-in (which
 * waits 60 s by design) is on the latency path. Each operator cycle is call-next, start, finish
 * (a cancel would add a "cancelled by the company" message). The pre-issued tickets' ISSUE events
 * are an hour old, so the subscriber skips them as history; "nearly up" messages do go out (the
 * ticket reaching place 3 after each call), are counted and checked for duplicates, and load the
 * transports like real ones, but the latency bar is on "called".
 *
 * Where the time goes, per "called" message: ack → outbox row (`created_at`: the notifications
 * subscriber's transaction, after the dispatcher's gathering window) and outbox row → transport
 * request (the outbox worker's wake or poll, its claim and its channel's lane).
 */
import path from "node:path";
import { quoteIdent } from "@equeue/server/db";
import type { Args } from "../lib/args";
import { loadAvg, logger, openPgBench } from "../lib/bench-env";
import {
  deliveryLatency,
  digits,
  startNotifyFakes,
  whereTimeGoes,
  type Channel,
} from "../lib/notify-audit";
import { HttpClient } from "../lib/http";
import { buildFixture, type OperatorRef } from "../lib/queue-fixture";
import { commandLine, machineInfo, printResult, writeResult, type Bar } from "../lib/results";
import { ServerProcess } from "../lib/server-proc";
import { round, summarize } from "../lib/stats";
import { serverTree } from "./call-next";

const DELIVERY_P99_BAR_MS = 1000;

export async function run(args: Args, argv: string[]): Promise<{ pass: boolean }> {
  const companies = args.int("companies", 10);
  const branches = args.int("branches", 5);
  const services = args.int("services", 2);
  const operatorsPerBranch = args.int("operators-per-branch", 2);
  const ticketsPerBranch = args.int("tickets-per-branch", 100);
  const rate = args.int("rate", 100);
  const seconds = args.int("seconds", 25);
  const drainSeconds = args.int("drain-seconds", 60);
  const pollMs = args.int("poll-ms", 1000);
  const telegramPct = args.int("telegram-pct", 10);
  const pushPct = args.int("push-pct", 30);
  if (telegramPct + pushPct > 100) throw new Error("--telegram-pct + --push-pct must be ≤ 100");
  const outFile = args.get("out") ?? "notify";
  const log = logger("notify");
  const loadStart = loadAvg();

  // The fakes, on loopback in this process: each arrival is timed here.
  const fakes = await startNotifyFakes();
  const { arrivals, byPhone, byChat, bySub, unknown, sms, telegram, push, creds, botToken } = fakes;

  const bench = await openPgBench(log, 10);
  let server: ServerProcess | null = null;
  let http: HttpClient | null = null;
  try {
    log(
      `set-up: ${companies} companies × ${branches} branches × ${services} services, ` +
        `${operatorsPerBranch} operators and ${ticketsPerBranch} tickets per branch; ` +
        `channels ${100 - telegramPct - pushPct} % SMS, ${telegramPct} % Telegram, ${pushPct} % push`,
    );
    const setupStarted = performance.now();
    const fx = await buildFixture(
      bench.setup,
      bench.connect,
      {
        companies,
        branchesPerCompany: branches,
        servicesPerBranch: services,
        operatorsPerBranch,
        ticketsPerBranch,
        slugPrefix: `nt${Math.random().toString(36).slice(2, 6)}`,
      },
      log,
    );
    await bench.setup.close();
    // One channel per ticket, in English (the fakes classify the texts).
    const channelOf = new Map<string, Channel>();
    let n = 0;
    for (const c of fx.companies) {
      const s = quoteIdent(c.schema);
      const ids = (await bench.exec<{ id: string }>(`select id from ${s}.tickets order by id`)).map(
        (r) => r.id,
      );
      const phones: [string, string][] = [];
      const chats: [string, string][] = [];
      const subs: [string, string, string, string][] = [];
      for (const id of ids) {
        const k = n++ % 100;
        if (k < telegramPct) {
          const chat = String(700_000_000 + n);
          chats.push([id, chat]);
          byChat.set(chat, id);
          channelOf.set(id, "telegram");
        } else if (k < telegramPct + pushPct) {
          const { id: subId, subscription } = push.subscribe(`s${n}`);
          subs.push([id, subscription.endpoint, subscription.keys.p256dh, subscription.keys.auth]);
          bySub.set(subId, id);
          channelOf.set(id, "push");
        } else {
          const phone = `+99890${String(n).padStart(7, "0")}`;
          phones.push([id, phone]);
          byPhone.set(digits(phone), id);
          channelOf.set(id, "sms");
        }
      }
      await bench.exec(`update ${s}.tickets set language = 'en'`);
      if (phones.length)
        await bench.exec(
          `update ${s}.tickets t set customer_phone = p.phone
           from unnest($1::uuid[], $2::text[]) as p(id, phone) where t.id = p.id`,
          [phones.map((p) => p[0]), phones.map((p) => p[1])],
        );
      if (chats.length)
        await bench.exec(
          `insert into platform.ticket_chats (company_id, ticket_id, chat_id, language)
           select $1, x.t, x.c, 'en' from unnest($2::uuid[], $3::text[]) as x(t, c)`,
          [c.id, chats.map((x) => x[0]), chats.map((x) => x[1])],
        );
      if (subs.length)
        await bench.exec(
          `insert into platform.push_subscriptions (endpoint, p256dh, auth, company_id, ticket_id, language)
           select x.e, x.p, x.a, $1, x.t, 'en'
           from unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) as x(t, e, p, a)`,
          [
            c.id,
            subs.map((x) => x[0]),
            subs.map((x) => x[1]),
            subs.map((x) => x[2]),
            subs.map((x) => x[3]),
          ],
        );
    }
    await bench.exec("vacuum analyze");
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    log(
      `set-up done in ${setupSeconds.toFixed(1)} s: ${fx.operators.length} operators, ${fx.tickets} tickets ` +
        `(${byPhone.size} SMS, ${byChat.size} Telegram, ${bySub.size} push)`,
    );

    server = await ServerProcess.start({
      ...bench.env,
      BENCH_START_OUTBOX: "1",
      OUTBOX_POLL_MS: String(pollMs),
      SMS_GATEWAY_URL: sms.url,
      SMS_GATEWAY_EMAIL: creds.email,
      SMS_GATEWAY_PASSWORD: creds.password,
      TELEGRAM_BOT_TOKEN: botToken,
      TELEGRAM_API_URL: telegram.url,
      TELEGRAM_BOT_USERNAME: telegram.username,
      PUSH_ENDPOINT_ORIGINS: push.url,
    });
    log(`server pid ${server.pid} on ${server.address}, OUTBOX_POLL_MS=${pollMs}`);
    // The start-up sweep hands the subscribers the (hour-old, skipped) ISSUE events first: the
    // load starts once every subscriber has them all (the report roll-ups fold 500 tickets a
    // company), so that it measures the calls, not the fixture's catch-up.
    const settleMs = await server.settle();
    log(`the subscribers delivered the fixture's ${fx.tickets} ISSUE events in ${settleMs} ms`);
    if (arrivals.length || unknown.count)
      log(`before the run: ${arrivals.length} messages arrived (${unknown.count} unknown)`);
    const before = arrivals.length;
    await server.reset();

    // Paced calls: every 1000/rate ms an idle operator (round-robin over branches) calls next,
    // then starts and finishes the ticket. A slot with no idle operator is counted, not queued.
    http = new HttpClient(server.address, fx.operators.length + 10);
    const acked = new Map<string, number>();
    const callLat: number[] = [];
    const errors: string[] = [];
    let behind = 0;
    let empty = 0;
    let duplicateCalls = 0;
    const idle: OperatorRef[] = [];
    const perBranch = fx.branches.map((b) => [...b.operators]);
    for (let i = 0; perBranch.some((l) => l.length); i++)
      for (const l of perBranch) if (l.length) idle.push(l.shift()!);
    const inflight = new Set<Promise<void>>();
    const cycle = async (op: OperatorRef) => {
      const base = `/api/c/${op.slug}/queue`;
      const t = performance.now();
      const res = await http!.request("POST", `${base}/call-next`, { body: {}, token: op.token });
      const at = Date.now();
      callLat.push(performance.now() - t);
      if (res.status !== 200) throw new Error(`call-next ${res.status} ${res.body.slice(0, 200)}`);
      const ticket = (JSON.parse(res.body) as { ticket: { id: string } | null }).ticket;
      if (!ticket) {
        empty++;
        return "empty";
      }
      if (acked.has(ticket.id)) duplicateCalls++;
      acked.set(ticket.id, at);
      for (const step of ["start", "finish"]) {
        const r = await http!.request("POST", `${base}/tickets/${ticket.id}/${step}`, {
          body: {},
          token: op.token,
        });
        if (r.status !== 200) throw new Error(`${step} ${r.status} ${r.body.slice(0, 200)}`);
      }
      return "ok";
    };
    log(`${rate} calls/s for ${seconds} s (call-next + start + finish each)`);
    const interval = 1000 / rate;
    const t0 = performance.now();
    const slots = rate * seconds;
    for (let i = 0; i < slots; i++) {
      const wait = t0 + i * interval - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const op = idle.shift();
      if (!op) {
        behind++;
        continue;
      }
      const p = cycle(op)
        .then((outcome) => {
          if (outcome !== "empty") idle.push(op);
        })
        .catch((err: unknown) => {
          if (errors.length < 1000) errors.push(String(err instanceof Error ? err.message : err));
          idle.push(op);
        })
        .finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
    const loadSeconds = (performance.now() - t0) / 1000;
    const serverStats = await server.stats();
    log(
      `${acked.size} calls in ${loadSeconds.toFixed(1)} s = ${(acked.size / loadSeconds).toFixed(1)}/s, ` +
        `${errors.length} errors, ${behind} slots without an idle operator, ${empty} empty queues`,
    );

    // Drain: until every called ticket's message arrived, or the drain time is up.
    const drainStarted = performance.now();
    const calledArrived = () => {
      const got = new Set<string>();
      for (const a of arrivals)
        if (a.trigger === "CALLED" && a.channel === channelOf.get(a.ticketId)) got.add(a.ticketId);
      return got;
    };
    let got = calledArrived();
    while (
      [...acked.keys()].some((id) => !got.has(id)) &&
      performance.now() - drainStarted < drainSeconds * 1000
    ) {
      await new Promise((r) => setTimeout(r, 500));
      got = calledArrived();
    }
    const drainS = (performance.now() - drainStarted) / 1000;
    log(`drain: ${got.size}/${acked.size} "called" messages arrived after ${drainS.toFixed(1)} s`);
    // A moment more, so a late duplicate would be seen too.
    await new Promise((r) => setTimeout(r, 1500));
    http.close();
    http = null;
    const serverFinal = await server.stop();
    server = null;

    // Latency per channel, duplicates, lost; where the time goes (bench/lib/notify-audit.ts).
    const run = arrivals.slice(before);
    const { per, sAll, duplicates, counts } = deliveryLatency(run, acked);
    const lostIds = [...acked.keys()].filter((id) => !got.has(id));
    const stages = await whereTimeGoes(bench.exec, fx.companies, run, acked);
    const [statusRow] = await bench.exec<Record<string, number>>(
      `select count(*) filter (where status = 'PENDING')::int as pending,
              count(*) filter (where status = 'FAILED')::int as failed,
              count(*) filter (where status = 'SENT')::int as sent,
              count(*) filter (where attempts > 1)::int as retried,
              count(*)::int as total
       from platform.outbox where dedupe_key is not null`,
    );
    const callSummary = summarize(callLat);
    const peakRss = Math.max(serverStats.peak_rss_mb, serverFinal?.peak_rss_mb ?? 0);
    const tgPerS = per.telegram.messages / loadSeconds;
    const result = {
      name: "notify",
      date: new Date().toISOString(),
      commit: serverTree().commit,
      command: commandLine("notify", argv),
      load_avg: loadStart,
      ops_per_s: round(acked.size / loadSeconds),
      anchor_ops_per_s: null,
      ratio: null,
      own_ceiling_ops_per_s: null,
      own_ratio: null,
      ceiling_ops_per_s: null,
      p50_ms: round(sAll.p50),
      p99_ms: round(sAll.p99),
      paced_p99_ms: round(sAll.p99),
      delivery_p99_ms: round(sAll.p99),
      duplicates: duplicates + duplicateCalls,
      lost: lostIds.length,
      errors: errors.length + (statusRow?.failed ?? 0) + push.rejected.length,
      peak_rss_mb: peakRss,
      rate_target: rate,
      seconds: round(loadSeconds),
      calls: acked.size,
      outbox_poll_ms: pollMs,
      delivery_p50_ms: round(sAll.p50),
      delivery_p90_ms: round(sAll.p90),
      delivery_max_ms: round(sAll.max),
      per_channel: per,
      telegram_called_per_s: round(tgPerS),
      messages: {
        called: counts("CALLED"),
        nearly_up: counts("NEARLY_UP"),
        other: counts("OTHER"),
        unknown_recipient: unknown.count,
        arrived_before_run: before,
      },
      where_the_time_goes: {
        ...stages,
        note:
          "call event at = now() of the call-next transaction; outbox created_at = now() of the " +
          "notifications subscriber's transaction (after the dispatcher's 20 ms gathering window, in its " +
          "prompt lane); row → transport is the outbox worker's wake or poll, its claim and its channel's lane",
      },
      outbox: statusRow,
      call_next_p50_ms: round(callSummary.p50),
      call_next_p99_ms: round(callSummary.p99),
      slots_without_idle_operator: behind,
      empty_queues: empty,
      duplicate_calls: duplicateCalls,
      duplicate_messages: duplicates,
      lost_ticket_ids_sample: lostIds.slice(0, 5),
      drain_s: round(drainS),
      push_rejected: push.rejected.length,
      error_samples: errors.slice(0, 5),
      scale: {
        companies,
        branches_per_company: branches,
        services_per_branch: services,
        operators: fx.operators.length,
        tickets: fx.tickets,
        sms_tickets: byPhone.size,
        telegram_tickets: byChat.size,
        push_tickets: bySub.size,
      },
      server_tree: serverTree(),
      server_event_loop_lag_p99_ms: serverStats.lag_p99_ms,
      server_cpu_percent: serverStats.cpu_percent,
      setup_s: round(setupSeconds),
      settle_ms: settleMs,
      rss_note:
        "peak_rss_mb is the server child process alone (operators and fakes run in the parent)",
      load_avg_start: loadStart,
      load_avg_end: loadAvg(),
      machine: machineInfo("postgres", bench.version),
    };
    const bars: Bar[] = [
      {
        name: "call → transport request p99 (called)",
        target: `< ${DELIVERY_P99_BAR_MS} ms at ${rate} calls/s`,
        actual:
          `${sAll.p99 === null ? "—" : sAll.p99.toFixed(0)} ms at ${(acked.size / loadSeconds).toFixed(1)} calls/s ` +
          `(SMS ${per.sms.p99_ms}, Telegram ${per.telegram.p99_ms}, push ${per.push.p99_ms})`,
        pass: sAll.p99 !== null && sAll.p99 < DELIVERY_P99_BAR_MS && lostIds.length === 0,
      },
      {
        name: "duplicates (ticket + trigger + channel twice, or a ticket called twice)",
        target: "0",
        actual: String(duplicates + duplicateCalls),
        pass: duplicates + duplicateCalls === 0,
      },
      {
        name: `lost ("called" not at its transport ${drainSeconds} s after the load)`,
        target: "0",
        actual: String(lostIds.length),
        pass: lostIds.length === 0,
      },
      {
        name: "errors (HTTP, outbox FAILED, push rejected)",
        target: "0",
        actual: String(result.errors),
        pass: result.errors === 0,
      },
    ];
    const file = writeResult({ ...result, bars }, outFile);
    printResult(result, bars);
    log(`wrote ${path.relative(process.cwd(), file)}`);
    return { pass: bars.every((b) => b.pass) };
  } finally {
    http?.close();
    await server?.stop();
    await bench.close().catch((err: unknown) => log(`cleanup: ${String(err)}`));
    await fakes.close();
  }
}
