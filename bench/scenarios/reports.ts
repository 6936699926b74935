/**
 * `reports`: a year of a 100-branch company's report roll-ups (about 10 M tickets), generated
 * straight into `report_rollups` on PostgreSQL, then the report the admin page asks for
 * (buildReport: totals by source, percentiles, days, heatmap, operators, branches, ratings) is
 * timed over a year, a quarter, a month and a week, for the whole company and for one branch
 * (these read the day tier, built from the generated rows by the subscriber's own refresh), and
 * over a month and a week of one service (the 15-minute rows).
 * Bar: the whole company's year in < 1 s (median of 3, after one warm-up).
 *
 * The generator: branches open 09:00–19:00 Asia/Tashkent (40 intervals a day, every day); per
 * interval, one roll-up row per ticket source with no operator (issued, cancelled…) and three
 * operator rows (called, served, wait and service sums and histograms), with counts drawn so
 * that a branch issues about 270 tickets a day.
 */
import { openDatabase, quoteIdent } from "@equeue/server/db";
import { buildReport, refreshDays } from "@equeue/server/reports";
import type { Args } from "../lib/args";
import { loadAvg, logger, openPgBench } from "../lib/bench-env";
import { buildFixture } from "../lib/queue-fixture";
import { commandLine, machineInfo, printResult, writeResult, type Bar } from "../lib/results";
import { round } from "../lib/stats";

const BAR_MS = 1000;

const hist = (count: string, key: string) =>
  `array[${Array.from({ length: 18 }, (_, i) => `(${key} = ${i})::int * ${count}`).join(", ")}]`;

export async function run(args: Args, argv: string[]): Promise<{ pass: boolean }> {
  const branches = args.int("branches", 100);
  const days = args.int("days", 365);
  const services = args.int("services", 5);
  const operators = args.int("operators", 4);
  const log = logger("reports");
  const loadStart = loadAvg();
  const bench = await openPgBench(log, 6);
  let raw: Awaited<ReturnType<typeof openDatabase>> | null = null;
  try {
    const fx = await buildFixture(
      bench.setup,
      bench.connect,
      {
        companies: 1,
        branchesPerCompany: branches,
        servicesPerBranch: services,
        operatorsPerBranch: operators,
        ticketsPerBranch: 0,
        slugPrefix: `rp${Math.random().toString(36).slice(2, 6)}`,
      },
      log,
    );
    const company = fx.companies[0]!;
    const s = quoteIdent(company.schema);
    await bench.setup.close();
    const end = new Date();
    end.setUTCHours(0, 0, 0, 0);
    const start = new Date(end.getTime() - days * 86_400_000);
    const t0 = Date.now();
    const branchRows = await bench.exec<{ id: string }>(
      `select id from ${s}.branches order by code`,
    );
    const serviceIds = (await bench.exec<{ id: string }>(`select id from ${s}.services`)).map(
      (r) => r.id,
    );
    // One statement per branch: every interval of the year, four roll-up rows each.
    let rows = 0;
    let tickets = 0;
    let next = 0;
    const worker = async () => {
      const c = await bench.connect();
      try {
        while (next < branchRows.length) {
          const branch = branchRows[next++]!.id;
          const ops = (
            await c.exec<{ id: string }>(
              `select s.id from ${s}.staff s where s.branch_id = $1 and s.role = 'OPERATOR'`,
              [branch],
            )
          ).map((r) => r.id);
          const [r] = await c.exec<{ rows: number; issued: number }>(
            `with buckets as (
               select b as bucket
               from generate_series($1::timestamptz, $2::timestamptz - interval '15 minutes', interval '15 minutes') b
               where extract(hour from b at time zone 'Asia/Tashkent') between 9 and 18),
             cells as (
               select bucket, k, (random() * 3)::int as n, (random() * 17)::int as w, (random() * 12)::int as v
               from buckets, generate_series(0, 5) k),
             ins as (
               insert into ${s}.report_rollups (branch_id, bucket, service_id, operator_id, source,
                 issued, cancelled, expired, called, served, no_show, wait_count, wait_sum, wait_hist,
                 target_count, within_target, service_count, service_sum, service_hist)
               select $3::uuid, bucket,
                 ($4::uuid[])[1 + (k + extract(epoch from bucket)::bigint / 900) % ${services}],
                 case when k < 3 then '00000000-0000-0000-0000-000000000000'::uuid
                   else ($5::uuid[])[1 + (k + extract(epoch from bucket)::bigint / 900) % ${operators}] end,
                 (array['WALK_IN','KIOSK','ONLINE'])[1 + k % 3],
                 case when k < 3 then n + 1 else 0 end, case when k = 0 then (n = 3)::int else 0 end, 0,
                 case when k >= 3 then n + 1 else 0 end, case when k >= 3 then n else 0 end,
                 case when k >= 3 then (n = 0)::int else 0 end,
                 case when k >= 3 then n + 1 else 0 end, case when k >= 3 then (n + 1) * w * 60.0 else 0 end,
                 ${hist("(case when k >= 3 then n + 1 else 0 end)", "w")},
                 case when k >= 3 then n + 1 else 0 end, case when k >= 3 and w < 10 then n + 1 else 0 end,
                 case when k >= 3 then n else 0 end, case when k >= 3 then n * v * 60.0 else 0 end,
                 ${hist("(case when k >= 3 then n else 0 end)", "v")}
               from cells
               returning issued)
             select count(*)::int as rows, sum(issued)::int as issued from ins`,
            [start, end, branch, serviceIds, ops],
          );
          rows += r!.rows;
          tickets += r!.issued;
        }
      } finally {
        c.release();
      }
    };
    await Promise.all(Array.from({ length: 3 }, worker));
    await bench.exec(`vacuum analyze ${s}.report_rollups`);
    const generateSeconds = round((Date.now() - t0) / 1000);
    log(`generated ${rows} roll-up rows (${tickets} tickets) in ${generateSeconds} s`);

    // The day tier, built by the subscriber's own refresh (per branch: every local day).
    raw = await openDatabase({ url: bench.db.url, poolSize: 3 });
    const t1 = Date.now();
    const noons = Array.from(
      { length: days },
      (_, d) => new Date(start.getTime() + d * 86_400_000 + 6 * 3_600_000),
    );
    let nextDay = 0;
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        while (nextDay < branchRows.length) {
          const branchId = branchRows[nextDay++]!.id;
          await raw!.db.transaction().execute((trx) =>
            refreshDays(
              trx,
              company.schema,
              noons.map((bucket) => ({ branchId, bucket })),
            ),
          );
        }
      }),
    );
    await bench.exec(`vacuum analyze ${s}.report_days`);
    await bench.exec(`vacuum analyze ${s}.report_day_operators`);
    const [dayRows] = await bench.exec<{ days: number; operators: number }>(
      `select (select count(*) from ${s}.report_days)::int as days,
        (select count(*) from ${s}.report_day_operators)::int as operators`,
    );
    const daysSeconds = round((Date.now() - t1) / 1000);
    log(
      `built the day tier (${dayRows!.days} day rows, ${dayRows!.operators} operator-day rows) in ${daysSeconds} s`,
    );

    const record = (await raw.db
      .selectFrom("platform.companies")
      .selectAll()
      .where("id", "=", company.id)
      .executeTakeFirstOrThrow()) as never;
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const lastDay = new Date(end.getTime() - 86_400_000);
    const back = (n: number) => day(new Date(lastDay.getTime() - (n - 1) * 86_400_000));
    const firstBranch = branchRows[0]!.id;
    const cases: { name: string; from: string; branchId?: string; serviceId?: string }[] = [
      { name: "year", from: back(Math.min(days, 366)) },
      { name: "quarter", from: back(91) },
      { name: "month", from: back(30) },
      { name: "week", from: back(7) },
      { name: "year_one_branch", from: back(Math.min(days, 366)), branchId: firstBranch },
      // A service filter reads the 15-minute roll-ups (context, not the bar).
      { name: "month_one_service", from: back(30), serviceId: serviceIds[0]! },
      { name: "week_one_service", from: back(7), serviceId: serviceIds[0]! },
    ];
    const timings: Record<string, number> = {};
    let yearServed = 0;
    for (const c of cases) {
      const filter = {
        from: c.from,
        to: day(lastDay),
        scope: null,
        branchId: c.branchId,
        serviceId: c.serviceId,
      };
      const first = await buildReport(raw.db, record, filter); // warm-up
      if (c.name === "year") yearServed = first.totals.served;
      const ms: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await buildReport(raw.db, record, filter);
        ms.push(performance.now() - t);
      }
      timings[`${c.name}_ms`] = Math.round(ms.sort((a, b) => a - b)[1]!);
      log(
        `${c.name}: ${timings[`${c.name}_ms`]} ms (runs ${ms.map((m) => Math.round(m)).join(", ")})`,
      );
    }
    const bars: Bar[] = [
      {
        name: "a year of the whole company",
        target: `< ${BAR_MS} ms`,
        actual: `${timings.year_ms} ms`,
        pass: (timings.year_ms ?? Infinity) < BAR_MS,
      },
    ];
    const result = {
      name: "reports",
      date: new Date().toISOString(),
      command: commandLine("reports", argv),
      ops_per_s: null,
      ceiling_ops_per_s: null,
      ratio: null,
      p50_ms: timings.year_ms ?? null,
      p99_ms: null,
      duplicates: null,
      lost: null,
      errors: null,
      peak_rss_mb: null,
      branches,
      days,
      rollup_rows: rows,
      day_rows: dayRows!.days,
      operator_day_rows: dayRows!.operators,
      day_tier_seconds: daysSeconds,
      tickets,
      year_served: yearServed,
      generate_seconds: generateSeconds,
      ...timings,
      load_avg_start: loadStart,
      load_avg_end: loadAvg(),
      machine: machineInfo("postgresql", bench.version),
      bars,
    };
    printResult(result, bars);
    log(`wrote ${writeResult(result)}`);
    return { pass: bars.every((b) => b.pass) };
  } finally {
    await raw?.close();
    await bench.close();
  }
}
