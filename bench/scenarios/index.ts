import type { Args } from "../lib/args";

/** A benchmark scenario: `bench/scenarios/<name>.ts` exports `run` (and is listed below). */
export type ScenarioModule = { run: (args: Args, argv: string[]) => Promise<{ pass: boolean }> };

export type ScenarioEntry = {
  description: string;
  usage: string;
  load: () => Promise<ScenarioModule>;
};

/**
 * The registry `npm run bench -- <name>` dispatches on. To add a scenario, write
 * `bench/scenarios/<name>.ts` exporting `run(args, argv)` and add one entry here.
 */
export const scenarios: Record<string, ScenarioEntry> = {
  tenants: {
    description: "create N companies (schemas) over HTTP, then apply one new migration to all",
    usage:
      "tenants [--companies 2000] [--db postgres|pglite] [--clients 4] [--concurrency 4] [--ceiling 200] [--out tenants]",
    load: () => import("./tenants"),
  },
};

/** Scenarios named in BENCHMARKS.md that have no script yet. */
export const planned = ["call-next", "hot-queue", "issue", "fanout", "embedded", "day"].filter(
  (n) => !(n in scenarios),
);
