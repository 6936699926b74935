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
  "call-next": {
    description:
      "500 operators over HTTP loop call-next + close on pre-issued tickets (100 companies × 5 branches)",
    usage:
      "call-next [--companies 100] [--branches 5] [--services 2] [--tickets-per-branch 300] [--seconds 30] [--close cancel|finish] [--think-ms 0] [--raw-seconds 5] [--raw-clients 8] [--anchor-seconds 10] [--anchor-clients 8] [--out call-next]",
    load: () => import("./call-next"),
  },
  "hot-queue": {
    description: "50 operators over HTTP on one branch and one service (one hot queue)",
    usage:
      "hot-queue [--operators 50] [--tickets 20000] [--seconds 30] [--close cancel|finish] [--raw-seconds 5] [--anchor-seconds 10] [--out hot-queue]",
    load: () => import("./hot-queue"),
  },
  issue: {
    description: "kiosk + online ticket issuing burst over HTTP with status polls mixed in",
    usage:
      "issue [--companies 20] [--branches 5] [--clients 50] [--seconds 20] [--polls-per-issue 1] [--raw-seconds 5] [--anchor-seconds 10] [--anchor-rows 100000] [--out issue]",
    load: () => import("./issue"),
  },
  embedded: {
    description:
      "call-next over HTTP on the embedded default (managed PostgreSQL) and on the system PostgreSQL, same run",
    usage:
      "embedded [--companies 10] [--branches 5] [--services 2] [--tickets-per-branch 300] [--seconds 30] [--close cancel|finish] [--out embedded]",
    load: () => import("./embedded"),
  },
  fanout: {
    description:
      "20,000 socket.io ticket trackers + 500 display boards on one node, 500 call events/s",
    usage:
      "fanout [--clients 20000] [--companies 100] [--branches 5] [--rate 500] [--seconds 30] [--client-procs 4] [--connect-concurrency 100] [--out fanout]",
    load: () => import("./fanout"),
  },
  booking: {
    description:
      "concurrent bookers over HTTP rushing the earliest free times of a few branches (most refused SLOT_FULL); 0 overbookings",
    usage:
      "booking [--companies 4] [--branches 3] [--capacity 3] [--hot-branches 3] [--hot-share 0.8] [--hot-width 2] [--clients 50] [--seconds 20] [--paced-seconds 15] [--paced-rate half] [--raw-seconds 5] [--raw-clients 8] [--out booking]",
    load: () => import("./booking"),
  },
  "day-sim": {
    description:
      "the day benchmark's queue intelligence on the day simulator (no server): ETA estimators, call-next vs per-service FIFO, Erlang C staffing check",
    usage: "day-sim [--train-days 40] [--test-days 40] [--print-model] [--out day-sim]",
    load: () => import("./day-sim"),
  },
  reports: {
    description:
      "a year of a 100-branch company's report roll-ups (~10 M tickets), then the report timed over a year, quarter, month, week",
    usage: "reports [--branches 100] [--days 365] [--services 5] [--operators 4] [--keep]",
    load: () => import("./reports"),
  },
  notify: {
    description:
      "paced calls over HTTP producing notifications to faked SMS/Telegram/push transports on loopback: call → transport request latency, duplicates, lost",
    usage:
      "notify [--rate 100] [--seconds 25] [--poll-ms 1000] [--drain-seconds 60] [--companies 10] [--branches 5] [--services 2] [--operators-per-branch 2] [--tickets-per-branch 100] [--telegram-pct 10] [--push-pct 30] [--out notify]",
    load: () => import("./notify"),
  },
  webhooks: {
    description:
      "paced issue + call-next + finish over HTTP; signed webhooks to a verifying receiver on loopback: answer → receiver latency per event type, duplicates, lost, bad signatures, order",
    usage:
      "webhooks [--rate 20] [--seconds 60] [--warmup-seconds 3] [--drain-seconds 30] [--poll-ms 1000] [--companies 10] [--branches 2] [--operators-per-branch 3] [--endpoints 1] [--smoke] [--out webhooks]",
    load: () => import("./webhooks"),
  },
  outage: {
    description:
      "kill -9 of the server and a restart of its own PostgreSQL cluster, under issue load: tickets lost, time to recover",
    usage: "outage [--workers 16] [--seconds 4] [--outage-seconds 3]",
    load: () => import("./outage"),
  },
};

/** Scenarios named in BENCHMARKS.md that have no script yet. */
export const planned = ["call-next", "hot-queue", "issue", "fanout", "embedded", "day"].filter(
  (n) => !(n in scenarios),
);
