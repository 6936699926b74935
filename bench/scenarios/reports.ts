/**
 * `reports`: a year of a 100-branch company's report roll-ups (about 10 M tickets), generated
 * straight into `report_rollups` on PostgreSQL, then the report the admin page asks for
 * (buildReport: totals by source, percentiles, days, heatmap, operators, branches, ratings) is
 * timed over a year, a quarter, a month and a week, for the whole company and for one branch,
 * and over a year and a month of one service and a year of one operator (each filter reads its
 * own tiers: whole months from the month tier, the days around them from the day tier); the day
 * tiers are filled from the generated rows and the month tiers from the day rows by the
 * migrations' backfill statements.
 * Bar: each of the whole company's year, one service's year and one operator's year in < 1 s
 * (median of 3, after one warm-up).
 *
 * The generator: branches open 09:00–19:00 Asia/Tashkent (40 intervals a day, every day); per
 * interval, one roll-up row per ticket source with no operator (issued, cancelled…) and three
 * operator rows (called, served, wait and service sums and histograms), with counts drawn so
 * that a branch issues about 270 tickets a day.
 */
import { openDatabase, quoteIdent } from "@equeue/server/db";
import {
  backfillMonthTier,
  backfillTier,
  buildReport,
  DAY_TIERS,
  MONTH_TIERS,
  NO_OPERATOR,
} from "@equeue/server/reports";
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
  // Leaves the generated database in place (for EXPLAIN); the timings are the same.
  const keep = args.flag("keep");
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

    // The day tiers, filled from the generated rows by the migrations' own backfill statements
    // (one per tier, the same sums the subscriber's refresh keeps), three at a time.
    raw = await openDatabase({ url: bench.db.url, poolSize: 3 });
    const t1 = Date.now();
    let nextTier = 0;
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        while (nextTier < DAY_TIERS.length) {
          const tier = DAY_TIERS[nextTier++]!;
          await bench.exec(backfillTier(s, tier));
          await bench.exec(`vacuum analyze ${s}.${tier.table}`);
        }
      }),
    );
    const [dayRows] = await bench.exec<{
      days: number;
      operators: number;
      services: number;
      cells: number;
    }>(
      `select (select count(*) from ${s}.report_days)::int as days,
        (select count(*) from ${s}.report_day_operators)::int as operators,
        (select count(*) from ${s}.report_day_services)::int as services,
        (select count(*) from ${s}.report_day_operator_cells)::int as cells`,
    );
    const daysSeconds = round((Date.now() - t1) / 1000);
    log(
      `built the day tiers (${dayRows!.days} day rows, ${dayRows!.operators} operator-day rows, ` +
        `${dayRows!.services} service-day rows, ${dayRows!.cells} operator cells) in ${daysSeconds} s`,
    );

    // The month tiers, from the day rows, by company migration 21's own backfill statements.
    const t2 = Date.now();
    let nextMonthTier = 0;
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        while (nextMonthTier < MONTH_TIERS.length) {
          const tier = MONTH_TIERS[nextMonthTier++]!;
          const c = await bench.connect();
          try {
            // In a transaction without JIT, as the migration runs it.
            await c.exec("begin");
            await c.exec("set local jit = off");
            await c.exec(backfillMonthTier(s, tier));
            await c.exec("commit");
          } finally {
            c.release();
          }
          await bench.exec(`vacuum analyze ${s}.${tier.table}`);
        }
      }),
    );
    const monthRows = Object.fromEntries(
      await Promise.all(
        MONTH_TIERS.map(async (t) => {
          const [r] = await bench.exec<{ n: number }>(
            `select count(*)::int as n from ${s}.${t.table}`,
          );
          return [`${t.table}_rows`, r!.n];
        }),
      ),
    );
    const monthsSeconds = round((Date.now() - t2) / 1000);
    log(`built the month tiers (${JSON.stringify(monthRows)}) in ${monthsSeconds} s`);

    // Every tier's totals equal the 15-minute rows' (the operator cells leave out no-operator
    // figures, so they are compared with the operator rows only).
    const totalsOf = async (table: string, where = "") => {
      const [r] = await bench.exec<Record<string, string>>(
        `select sum(issued) as issued, sum(served) as served, sum(wait_count) as wait_count,
          sum(service_count) as service_count from ${s}.${table} ${where}`,
      );
      return JSON.stringify(r);
    };
    const operatorsOnly = `where operator_id <> '${NO_OPERATOR}'`;
    const [allRows, operatorRows] = await Promise.all([
      totalsOf("report_rollups"),
      totalsOf("report_rollups", operatorsOnly),
    ]);
    let mismatches = 0;
    for (const t of [...DAY_TIERS, ...MONTH_TIERS]) {
      const want = t.operatorsOnly ? operatorRows : allRows;
      if ((await totalsOf(t.table)) !== want) {
        mismatches++;
        log(`${t.table}: totals differ from the 15-minute rows'`);
      }
    }

    const record = (await raw.db
      .selectFrom("platform.companies")
      .selectAll()
      .where("id", "=", company.id)
      .executeTakeFirstOrThrow()) as never;
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const lastDay = new Date(end.getTime() - 86_400_000);
    const back = (n: number) => day(new Date(lastDay.getTime() - (n - 1) * 86_400_000));
    const firstBranch = branchRows[0]!.id;
    const [operator] = await bench.exec<{ id: string }>(
      `select id from ${s}.staff where branch_id = $1 and role = 'OPERATOR' order by id limit 1`,
      [firstBranch],
    );
    const cases: {
      name: string;
      from: string;
      branchId?: string;
      serviceId?: string;
      operatorId?: string;
    }[] = [
      { name: "year", from: back(Math.min(days, 366)) },
      { name: "quarter", from: back(91) },
      { name: "month", from: back(30) },
      { name: "week", from: back(7) },
      { name: "year_one_branch", from: back(Math.min(days, 366)), branchId: firstBranch },
      // A service or an operator filter reads its own day tier.
      { name: "year_one_service", from: back(Math.min(days, 366)), serviceId: serviceIds[0]! },
      { name: "month_one_service", from: back(30), serviceId: serviceIds[0]! },
      { name: "year_one_operator", from: back(Math.min(days, 366)), operatorId: operator!.id },
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
        operatorId: c.operatorId,
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
      {
        name: "a year of one service, all branches",
        target: `< ${BAR_MS} ms`,
        actual: `${timings.year_one_service_ms} ms`,
        pass: (timings.year_one_service_ms ?? Infinity) < BAR_MS,
      },
      {
        name: "a year of one operator",
        target: `< ${BAR_MS} ms`,
        actual: `${timings.year_one_operator_ms} ms`,
        pass: (timings.year_one_operator_ms ?? Infinity) < BAR_MS,
      },
      {
        name: "every tier's totals equal the 15-minute rows'",
        target: "0 mismatches",
        actual: `${mismatches} mismatches`,
        pass: mismatches === 0,
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
      service_day_rows: dayRows!.services,
      operator_cell_rows: dayRows!.cells,
      day_tier_seconds: daysSeconds,
      ...monthRows,
      month_tier_seconds: monthsSeconds,
      tickets,
      year_served: yearServed,
      generate_seconds: generateSeconds,
      ...timings,
      max_report_ms: Math.max(...Object.values(timings)),
      rollup_mismatches: mismatches,
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
    if (keep) {
      await bench.pool.end();
      log(`kept the database ${bench.db.name}: drop it with \`drop database ${bench.db.name}\``);
    } else await bench.close();
  }
}
