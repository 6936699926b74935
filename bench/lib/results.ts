import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const RESULTS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "results",
);

/** The fields every `bench/results/<name>.json` carries (BENCHMARKS.md); null where not applicable. */
export type BaseResult = {
  name: string;
  date: string;
  command: string;
  ops_per_s: number | null;
  ceiling_ops_per_s: number | null;
  ratio: number | null;
  p50_ms: number | null;
  p99_ms: number | null;
  duplicates: number | null;
  lost: number | null;
  errors: number | null;
  peak_rss_mb: number | null;
};

/** `speed` marks a bar on time or throughput, which only a figure-of-record run can judge. */
export type Bar = { name: string; target: string; actual: string; pass: boolean; speed?: boolean };

/**
 * Whether a run passes. A smoke run (CI, on a machine of unknown speed and load) must be
 * correct — no errors, nothing lost — but its speed bars are printed, not enforced: the figure
 * of record for speed comes from a full run on a quiet machine (BENCHMARKS.md).
 */
export function barsPass(bars: Bar[], smoke: boolean): boolean {
  const judged = smoke ? bars.filter((b) => !b.speed) : bars;
  if (smoke && judged.length < bars.length)
    console.log("smoke run: speed bars are reported above, not enforced");
  return bars.length > 0 && judged.every((b) => b.pass);
}

export type Machine = {
  cpu_model: string;
  cores: number;
  total_mem_gib: number;
  node: string;
  platform: string;
  db: string;
  db_version: string | null;
};

export function machineInfo(db: string, dbVersion: string | null = null): Machine {
  const cpus = os.cpus();
  return {
    cpu_model: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    total_mem_gib: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    db,
    db_version: dbVersion,
  };
}

/** The command line that reproduces this run. */
export function commandLine(scenario: string, argv: string[]): string {
  const extra = process.env.BENCH_SERVER_ENV_EXTRA;
  const prefix = extra ? [`BENCH_SERVER_ENV_EXTRA='${extra}'`] : [];
  return [...prefix, "npm run bench --", scenario, ...argv].join(" ");
}

/** Writes `bench/results/<file>.json` and returns its path. */
export function writeResult(
  result: BaseResult & Record<string, unknown>,
  file = result.name,
): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const out = path.join(RESULTS_DIR, `${file}.json`);
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  return out;
}

const fmt = (v: unknown): string => {
  if (v === null || v === undefined) return "—";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
};

/** Prints a two-column table of the scalar fields, then the bars with PASS/FAIL. */
export function printResult(result: Record<string, unknown>, bars: Bar[] = []): void {
  const rows = Object.entries(result).filter(
    ([, v]) => v === null || typeof v !== "object" || JSON.stringify(v).length <= 100,
  );
  const width = Math.max(...rows.map(([k]) => k.length));
  const line = "─".repeat(width + 2 + 40);
  console.log(line);
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${fmt(v)}`);
  if (bars.length) {
    console.log(line);
    for (const b of bars) {
      console.log(`${b.pass ? "PASS" : "FAIL"}  ${b.name}: ${b.actual} (bar: ${b.target})`);
    }
  }
  console.log(line);
}
