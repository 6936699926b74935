/**
 * `booking`: concurrent bookers over HTTP (POST /api/c/:slug/portal/bookings) rushing the
 * earliest free times of a few hot branches — most of them are refused with SLOT_FULL, which is
 * the right answer and counts as a refusal, not an error — with cold bookings spread over every
 * branch and the whole horizon mixed in. Afterwards the database is counted per slot: the places
 * held may never exceed the slot's capacity (0 overbookings).
 * Bars: 0 overbookings; ratio vs the same statements raw; p99 < 50 ms at half of capacity.
 *
 * Raw ceiling, same run, same tables and the same mix: the app's bookTime command (the branch's
 * set-up, kept briefly as the server keeps it, the slot check, then the issue transaction that
 * takes the slot's lock and counts its places in the insert's own statement) on plain `pg`
 * connections, before and after the app phase (averaged). No pgbench anchor applies: anchor_ops_per_s is null and
 * `ratio` is the ratio to this raw ceiling. The paced phase runs at half the app's measured rate.
 */
import path from "node:path";
import { openDatabase } from "@equeue/server/db";
import type { Args } from "../lib/args";
import { loadAvg, logger, openPgBench } from "../lib/bench-env";
import { bookingAudit, buildBookingFixture } from "../lib/booking-fixture";
import { closedLoop, httpAttempt, paced, rawAttempt, type Mix } from "../lib/booking-load";
import { HttpClient } from "../lib/http";
import { checkpoint } from "../lib/pg";
import { commandLine, machineInfo, printResult, writeResult, type Bar } from "../lib/results";
import { ServerProcess } from "../lib/server-proc";
import { round } from "../lib/stats";
import { serverTree } from "./call-next";

const PACED_P99_BAR_MS = 50;

export async function run(args: Args, argv: string[]): Promise<{ pass: boolean }> {
  const companies = args.int("companies", 4);
  const branches = args.int("branches", 3);
  const capacity = args.int("capacity", 3);
  const hotBranches = args.int("hot-branches", 3);
  const clients = args.int("clients", 50);
  const seconds = args.int("seconds", 20);
  const pacedSeconds = args.int("paced-seconds", 15);
  const rawSeconds = args.int("raw-seconds", 5);
  const rawClients = args.int("raw-clients", 8);
  const mix: Mix = {
    hotShare: Number(args.get("hot-share") ?? "0.8"),
    hotWidth: args.int("hot-width", 2),
  };
  const outFile = args.get("out") ?? "booking";
  const log = logger("booking");
  const loadStart = loadAvg();
  const bench = await openPgBench(log, Math.max(10, rawClients + 2));
  bench.env.TRUST_PROXY = "true";
  let server: ServerProcess | null = null;
  let http: HttpClient | null = null;
  let raw: Awaited<ReturnType<typeof openDatabase>> | null = null;
  try {
    const fx = await buildBookingFixture(
      bench,
      bench.setup,
      { companies, branches, capacity, hotBranches },
      log,
    );
    await bench.setup.close();
    await bench.exec("vacuum analyze");
    log(
      `set-up: ${fx.targets.length} branches, ${capacity} places per 5-minute slot, ` +
        `${fx.hot.length} hot; ${Math.round(mix.hotShare * 100)} % of bookers rush the ` +
        `${mix.hotWidth} earliest free times of a hot branch`,
    );

    raw = await openDatabase({ url: bench.db.url, poolSize: rawClients });
    const rawFn = rawAttempt(raw.db);
    const rawRun = (secs: number) =>
      closedLoop(fx, mix, rawFn, { clients: rawClients, seconds: secs });
    let expected = (await rawRun(2)).booked; // warm-up: connections load the catalogs once
    await checkpoint(bench.db.url);
    const rawBefore = await rawRun(rawSeconds);
    expected += rawBefore.booked;
    log(
      `raw ceiling (before): ${rawBefore.summary().attempts_per_s} attempts/s, p99 ${rawBefore.summary().p99_ms} ms`,
    );

    server = await ServerProcess.start(bench.env);
    http = new HttpClient(server.address, clients + 10);
    // The grid the bench asks for is the one the portal offers.
    const probe = fx.targets[0]!;
    const res = await http.request(
      "GET",
      `/api/c/${probe.slug}/portal/branches/${probe.branchSlug}/slots?serviceId=${probe.serviceId}`,
    );
    const offered = (JSON.parse(res.body) as { slots?: { startsAt: string; capacity: number }[] })
      .slots;
    const want = new Date(probe.slots[0]!).toISOString();
    const match = offered?.find((s) => new Date(s.startsAt).toISOString() === want);
    if (res.status !== 200 || !match || match.capacity !== capacity)
      throw new Error(`the portal does not offer the bench's slots: ${res.status} ${res.body}`);

    const httpFn = httpAttempt(http);
    expected += (await closedLoop(fx, mix, httpFn, { clients, seconds: 2 })).booked;
    await checkpoint(bench.db.url);
    await server.reset();
    log(`${clients} bookers over HTTP for ${seconds} s (no pause)`);
    const app = await closedLoop(fx, mix, httpFn, { clients, seconds });
    expected += app.booked;
    const appStats = await server.stats();
    const appS = app.summary();
    log(
      `app: ${appS.attempts_per_s} attempts/s (${appS.booked_per_s} booked/s), p99 ${appS.p99_ms} ms, ${app.errors} errors`,
    );

    // Half of the app's measured rate unless --paced-rate fixes it (to compare mixes at one rate).
    const pacedRate = args.int("paced-rate", 0) || Math.max(1, (app.attempts / app.seconds) * 0.5);
    await server.reset();
    log(`paced: ${pacedRate.toFixed(0)} attempts/s for ${pacedSeconds} s`);
    const slow = await paced(fx, mix, httpFn, {
      rate: pacedRate,
      seconds: pacedSeconds,
      maxInFlight: clients,
    });
    expected += slow.booked;
    const pacedS = slow.summary();
    log(`paced: p50 ${pacedS.p50_ms} ms, p99 ${pacedS.p99_ms} ms, ${slow.errors} errors`);
    http.close();
    http = null;
    const final = await server.stop();
    server = null;

    await checkpoint(bench.db.url);
    const rawAfter = await rawRun(rawSeconds);
    expected += rawAfter.booked;
    await raw.close();
    raw = null;
    log(`raw ceiling (after): ${rawAfter.summary().attempts_per_s} attempts/s`);
    const ceiling =
      (rawBefore.attempts / rawBefore.seconds + rawAfter.attempts / rawAfter.seconds) / 2;
    const bookedCeiling =
      (rawBefore.booked / rawBefore.seconds + rawAfter.booked / rawAfter.seconds) / 2;

    const audit = await bookingAudit(bench, fx.schemas);
    const perS = app.attempts / app.seconds;
    const ratio = perS / ceiling;
    const errors = app.errors + slow.errors + rawBefore.errors + rawAfter.errors;
    const peak = Math.max(appStats.peak_rss_mb, final?.peak_rss_mb ?? 0);
    const tree = serverTree();
    const result = {
      name: "booking",
      date: new Date().toISOString(),
      commit: tree.commit,
      command: commandLine("booking", argv),
      load_avg: loadStart,
      ops_per_s: round(perS),
      anchor_ops_per_s: null,
      ratio: round(ratio, 3),
      own_ceiling_ops_per_s: round(ceiling),
      ceiling_ops_per_s: round(ceiling),
      own_ratio: round(ratio, 3),
      p50_ms: appS.p50_ms,
      p99_ms: appS.p99_ms,
      paced_p99_ms: pacedS.p99_ms,
      duplicates: Math.max(0, audit.bookings - expected),
      lost: Math.max(0, expected - audit.bookings),
      errors,
      peak_rss_mb: peak,
      overbookings: audit.overbookings,
      booked_per_s: round(app.booked / app.seconds),
      own_ceiling_booked_per_s: round(bookedCeiling),
      // With 50 bookers more of them find the hot times full than with 8 raw clients, and a
      // refusal is cheaper than a booking: the ratio of places actually booked is the stricter one.
      booked_ratio: round(app.booked / app.seconds / bookedCeiling, 3),
      ops_unit:
        "booking attempts per second (booked + refused SLOT_FULL), over HTTP; ceiling: the same mix through bookTime on plain pg",
      ratio_basis: "no pgbench anchor applies: ratio = own_ratio = app ÷ the same statements raw",
      scale: {
        companies,
        branches: fx.targets.length,
        capacity_per_slot: capacity,
        hot_branches: fx.hot.length,
        hot_share: mix.hotShare,
        hot_width: mix.hotWidth,
        clients,
        raw_clients: rawClients,
      },
      app: appS,
      paced: { rate_per_s: round(pacedRate), ...pacedS },
      ceiling_runs: [rawBefore.summary(), rawAfter.summary()],
      audit: { ...audit, bookings_answered: expected },
      server_tree: tree,
      server_event_loop_lag_p99_ms: appStats.lag_p99_ms,
      server_cpu_percent: appStats.cpu_percent,
      error_samples: [...app.samples, ...slow.samples, ...rawBefore.samples, ...rawAfter.samples],
      notes:
        "TRUST_PROXY=true and a distinct X-Forwarded-For and phone per booking, so the portal's per-address and per-phone limits still run but do not refuse the bench's many customers; slot reads (GET .../slots) are not part of the mix",
      rss_note: "peak_rss_mb is the server child process alone",
      load_avg_end: loadAvg(),
      machine: machineInfo("postgres", bench.version),
    };
    const bars: Bar[] = [
      {
        name: "overbookings (places held beyond a slot's capacity, counted in the database)",
        target: "0",
        actual: `${audit.overbookings} over ${audit.slotsTouched} slots (${audit.fullSlots} full)`,
        pass: audit.overbookings === 0,
      },
      {
        name: "booking throughput vs the same statements raw (context, no fixed bar)",
        target: "reported",
        actual: `${(ratio * 100).toFixed(1)} % (${perS.toFixed(0)} / ${ceiling.toFixed(0)} attempts/s)`,
        pass: true,
      },
      {
        name: "booking p99 at half of capacity (paced)",
        target: `< ${PACED_P99_BAR_MS} ms`,
        actual: `${pacedS.p99_ms} ms at ${pacedRate.toFixed(0)} attempts/s`,
        pass: pacedS.p99_ms !== null && pacedS.p99_ms < PACED_P99_BAR_MS,
      },
      {
        name: "errors, lost and duplicate bookings",
        target: "0",
        actual: `${errors} errors, ${result.lost} lost, ${result.duplicates} duplicates (${audit.bookings} in the database, ${expected} answered booked)`,
        pass: errors === 0 && result.lost === 0 && result.duplicates === 0,
      },
    ];
    const file = writeResult({ ...result, bars }, outFile);
    printResult(result, bars);
    log(`wrote ${path.relative(process.cwd(), file)}`);
    return { pass: bars.every((b) => b.pass) };
  } finally {
    http?.close();
    await server?.stop();
    await raw?.close().catch(() => {});
    await bench.close().catch((err: unknown) => log(`cleanup: ${String(err)}`));
  }
}
