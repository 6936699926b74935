/**
 * The pgbench anchor of a queue scenario (BENCHMARKS.md): the minimal SQL for the same work
 * (`/work/shared/bench-anchors/pgq_*.sql`, or `BENCH_ANCHORS_DIR`) run by `pgbench` with 8 clients
 * on the same PostgreSQL, in the same run as the app, on its own throwaway database created from
 * pgq_schema.sql and seeded with a row count comparable to the scenario's.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { createThrowawayDatabase } from "./pg";
import { round } from "./stats";

const run = promisify(execFile);

export const ANCHORS_DIR = process.env.BENCH_ANCHORS_DIR ?? "/work/shared/bench-anchors";
export const PGBENCH = process.env.PGBENCH ?? "/usr/bin/pgbench";

export type AnchorName = "enq" | "deq_many" | "deq_hot";

export type AnchorResult = {
  anchor: string;
  ops_per_s: number;
  clients: number;
  seconds: number;
  transactions: number;
  latency_avg_ms: number | null;
  seeded_rows: number;
  protocol: string;
  command: string;
};

/**
 * Rows to seed: every anchor script starts from pgq_schema.sql; the dequeue anchors need enough
 * waiting rows that the queues never run dry within the run (an empty queue's UPDATE is cheaper
 * and would inflate the anchor).
 */
function seedSql(name: AnchorName, rows: number): string {
  if (name === "deq_hot") {
    // pgq_deq_hot.sql dequeues from queue 7; a few other queues share the index, as in the app.
    return `insert into tickets (queue_id) select case when g % 10 = 0 then g % 1000 else 7 end
              from generate_series(1, ${rows}) g`;
  }
  return `insert into tickets (queue_id) select g % 1000 from generate_series(1, ${rows}) g`;
}

/**
 * Runs `pgq_<name>.sql` with pgbench (`clients` clients, 2 threads, `seconds` s) on a fresh
 * database seeded with `rows` tickets; drops the database afterwards.
 */
export async function runAnchor(
  name: AnchorName,
  opts: { rows: number; clients?: number; seconds?: number; log?: (m: string) => void },
): Promise<AnchorResult> {
  const clients = opts.clients ?? 8;
  const seconds = opts.seconds ?? 10;
  const script = path.join(ANCHORS_DIR, `pgq_${name}.sql`);
  const schema = path.join(ANCHORS_DIR, "pgq_schema.sql");
  if (!fs.existsSync(script) || !fs.existsSync(schema))
    throw new Error(`anchor scripts not found in ${ANCHORS_DIR} (set BENCH_ANCHORS_DIR)`);
  if (!fs.existsSync(PGBENCH)) throw new Error(`pgbench not found at ${PGBENCH} (set PGBENCH)`);
  const db = await createThrowawayDatabase("eq_anchor");
  try {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      await c.query(fs.readFileSync(schema, "utf8"));
      await c.query(seedSql(name, opts.rows));
      await c.query("vacuum analyze tickets");
      await c.query("checkpoint").catch(() => {});
    } finally {
      await c.end();
    }
    const url = new URL(db.url);
    const args = [
      "-n", // no vacuum of pgbench's own tables (they do not exist here)
      "-M",
      "simple",
      "-c",
      String(clients),
      "-j",
      "2",
      "-T",
      String(seconds),
      "-f",
      script,
      "-h",
      url.hostname,
      "-p",
      url.port || "5432",
      "-U",
      decodeURIComponent(url.username || "postgres"),
      db.name,
    ];
    const { stdout } = await run(PGBENCH, args, { maxBuffer: 1 << 20 });
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
    const tx = /number of transactions actually processed: (\d+)/.exec(stdout);
    const lat = /latency average = ([\d.]+) ms/.exec(stdout);
    if (!tps) throw new Error(`pgbench printed no tps:\n${stdout}`);
    const result: AnchorResult = {
      anchor: `pgq_${name}.sql`,
      ops_per_s: round(Number(tps[1]))!,
      clients,
      seconds,
      transactions: tx ? Number(tx[1]) : 0,
      latency_avg_ms: lat ? Number(lat[1]) : null,
      seeded_rows: opts.rows,
      protocol: "simple",
      command: `pgbench ${args.slice(0, -1).join(" ")} <db>`,
    };
    opts.log?.(
      `anchor ${result.anchor}: ${result.ops_per_s}/s (${clients} clients, ${seconds} s, ${opts.rows} rows)`,
    );
    return result;
  } finally {
    await db.drop();
  }
}
