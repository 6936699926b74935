import { isoWeekday, parseClock as minutesOf, zoneOffsetMinutes } from "@equeue/core";
import type { Rng } from "./prng";
import type { SimOperator, SimPause, SimPlan, SimShift } from "./history-sim";

/**
 * The shape of a demo branch's day: when customers come (the branch's own hours, narrowed to
 * the hours people visit a bank), how many, who works and when they take their breaks.
 */

export type DayHours = { open: string; close: string; breaks: { start: string; end: string }[] };
export type PlanBranch = {
  timeZone: string;
  weeklyHours: Record<string, DayHours | undefined>;
  /** Expected walk-in, kiosk and online tickets on an ordinary Tuesday. */
  base: number;
};

const MIN = 60_000;
/** Monday … Sunday: Mondays and Fridays are busier, weekends quiet. */
const DAY_FACTOR = [1.15, 1.0, 0.95, 1.0, 1.1, 0.5, 0.35];

/** The local day's midnight (epoch ms) and the local hour of an instant. */
export function localClock(day: string, timeZone: string) {
  const midnight =
    Date.parse(`${day}T00:00:00Z`) -
    zoneOffsetMinutes(new Date(`${day}T12:00:00Z`), timeZone) * MIN;
  return {
    midnight,
    at: (minutes: number) => midnight + minutes * MIN,
    hourOf: (at: number) => Math.floor(((at - midnight) / MIN / 60) % 24),
  };
}

/**
 * The plan of `day` for a branch with `ops` (null when the branch is closed). An always-open
 * branch still sees customers by day: 09:00–19:30 on weekdays, 10:00–16:30 at weekends.
 */
export function planDay(
  rng: Rng,
  branch: PlanBranch,
  ops: SimOperator[],
  day: string,
  dayIndex: number,
): SimPlan | null {
  const dow = Number(isoWeekday(day));
  const hours = branch.weeklyHours[String(dow)];
  if (!hours || ops.length === 0) return null;
  const weekend = dow >= 6;
  const clock = localClock(day, branch.timeZone);
  const open = Math.max(minutesOf(hours.open), weekend ? 600 : 540);
  const close = Math.min(minutesOf(hours.close), weekend ? 990 : 1170) - 20;
  if (close - open < 60) return null;
  const windows: { open: number; close: number }[] = [];
  let from = open;
  for (const b of [...hours.breaks].sort((x, y) => x.start.localeCompare(y.start))) {
    if (minutesOf(b.start) > from) windows.push({ open: from, close: minutesOf(b.start) });
    from = Math.max(from, minutesOf(b.end));
  }
  if (close > from) windows.push({ open: from, close });
  const working = weekend ? dropOne(ops, dayIndex) : ops;
  const shifts: SimShift[] = working.map((op, i) => {
    const pauses: SimPause[] = hours.breaks.length
      ? hours.breaks.map((b) => ({
          at: clock.at(minutesOf(b.start)),
          len: (minutesOf(b.end) - minutesOf(b.start)) * MIN,
          kind: "BREAK" as const,
        }))
      : close - open > 300
        ? [{ at: clock.at(750 + i * 45), len: 40 * MIN, kind: "BREAK" as const }]
        : [];
    if (rng.chance(0.5)) {
      const at = clock.at(open + rng.between(60, Math.max(61, close - open - 60)));
      pauses.push({ at, len: rng.between(6, 15) * MIN, kind: "AWAY" });
    }
    pauses.sort((a, b) => a.at - b.at);
    return { op, start: clock.at(open - 10), end: clock.at(close + 20), pauses };
  });
  const noise = 0.9 + rng.next() * 0.2;
  return {
    windows: windows.map((w) => ({ open: clock.at(w.open), close: clock.at(w.close) })),
    hourOf: clock.hourOf,
    shifts,
    volume: branch.base * DAY_FACTOR[dow - 1]! * noise,
    bookings: weekend ? rng.between(0, 1) : rng.between(1, 3),
  };
}

/** At weekends one operator has the day off — one whose services the others still cover. */
function dropOne(ops: SimOperator[], dayIndex: number): SimOperator[] {
  if (ops.length < 3) return ops;
  const all = new Set(ops.flatMap((o) => o.serviceIds));
  const spare = ops.filter((o) => {
    const rest = new Set(ops.filter((x) => x !== o).flatMap((x) => x.serviceIds));
    return [...all].every((s) => rest.has(s));
  });
  if (spare.length === 0) return ops;
  const off = spare[dayIndex % spare.length]!;
  return ops.filter((o) => o !== off);
}
