/**
 * `hot-queue`: 50 operators on ONE branch and ONE service, over HTTP, each looping call-next +
 * close. Bars: ≥ 0.25 of the dequeue-hot anchor (pgq_deq_hot.sql by pgbench, 8 clients, same
 * run), p99 < 50 ms, 0 duplicates. Same code as `call-next`.
 */
import type { Args } from "../lib/args";
import { runCallNextScenario } from "./call-next";

export function run(args: Args, argv: string[]) {
  return runCallNextScenario(
    {
      name: "hot-queue",
      companies: 1,
      branches: 1,
      services: 1,
      operatorsPerBranch: args.int("operators", 50),
      ticketsPerBranch: args.int("tickets", 20_000),
      anchor: "deq_hot",
      anchorRows: 80_000,
      ratioBar: 0.25,
      p99Bar: 50,
      lostBar: true,
    },
    args,
    argv,
  );
}
