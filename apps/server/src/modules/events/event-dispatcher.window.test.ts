import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/database";
import { EventDispatcher } from "./event-dispatcher";
import type { DurableSubscriber, EventCompany } from "./events.types";

// When an unhurried subscriber's runs start, with the run itself replaced: no database, only the
// dispatcher's timing (windows, gathering, held retries) under a steady stream of commits.
const WINDOW_MS = 1_000;
const company = { id: "c1", schema_name: "company_c1" } as EventCompany;
const rollup: DurableSubscriber = { name: "test-rollup", unhurried: true, handle: async () => {} };
type Outcome = "done" | "held" | "skipped";

/** A dispatcher whose runs answer `outcome()`, and the times its runs started. */
function dispatcherWithRuns(outcome: () => [Outcome, number]) {
  const d = new EventDispatcher(
    null as unknown as Db,
    [],
    [rollup],
    { batchSize: 500, concurrency: 1, sweepSeconds: 0, idleGatherMs: WINDOW_MS, hold: false },
    pino({ level: "silent" }),
  );
  const starts: number[] = [];
  Object.assign(d, {
    runOnce: async () => {
      starts.push(performance.now());
      return outcome();
    },
  });
  return { d, starts };
}

describe("an unhurried subscriber's window under steady commits", () => {
  let stop: (() => Promise<void>) | null = null;
  afterEach(async () => {
    await stop?.();
    stop = null;
  });
  /** When the runs started, each answering `outcome`, under commits every 5 ms for `ms`. */
  const runsUnderSteadyCommits = async (outcome: [Outcome, number], ms: number) => {
    const { d, starts } = dispatcherWithRuns(() => outcome);
    stop = () => d.stop();
    const end = performance.now() + ms;
    while (performance.now() < end) {
      d.poke(company);
      await new Promise((r) => setTimeout(r, 5));
    }
    return starts;
  };

  it("starts delivering runs at most once a window", async () => {
    const starts = await runsUnderSteadyCommits(["done", 1], 2_500);
    // At once, then a window after each start: three at most in 2.5 s.
    expect(starts.length).toBeGreaterThanOrEqual(2);
    expect(starts.length).toBeLessThanOrEqual(3);
    for (let i = 1; i < starts.length; i++)
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThan(WINDOW_MS - 50);
  });

  it("retries a run held back before it delivered by the held back-off, not every gathering", async () => {
    const starts = await runsUnderSteadyCommits(["held", 0], 1_500);
    // 25, 50, 100, 200, then every 250 ms: about nine runs in 1.5 s. Pokes starting runs of
    // their own (every 20 ms gathering) would make it seventy.
    expect(starts.length).toBeGreaterThanOrEqual(4);
    expect(starts.length).toBeLessThanOrEqual(12);
    // …and not a window apart either: the first retry follows within the back-off.
    expect(starts[1]! - starts[0]!).toBeLessThan(WINDOW_MS / 2);
  });

  it("counts a run skipped for another node's as the window's run", async () => {
    const starts = await runsUnderSteadyCommits(["skipped", 0], 1_500);
    expect(starts.length).toBeLessThanOrEqual(2);
    if (starts.length === 2) expect(starts[1]! - starts[0]!).toBeGreaterThan(WINDOW_MS - 50);
  });
});
