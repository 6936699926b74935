import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateSlots, slotCapacityAt, type BookingSlot, type SlotInput } from "./booking-slots";
import type { DayException, DayHours, WeeklyHours } from "./opening-hours";

// The oracle reads wall clocks with its own Intl formatter and does minute arithmetic by hand,
// so it shares no code with the generator beyond the input shape.
const wallFormats = new Map<string, Intl.DateTimeFormat>();
const wallFormat = (timeZone: string) => {
  const cached = wallFormats.get(timeZone);
  if (cached) return cached;
  const format = new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  wallFormats.set(timeZone, format);
  return format;
};
const wall = (at: Date, timeZone: string) => {
  const [date, time] = wallFormat(timeZone).format(at).split(" ") as [string, string];
  return { date, minutes: Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) };
};
const mins = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const weekdayOf = (date: string) =>
  String(((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1);
const dayAfter = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** True when [s, e) lies in open–close and touches no break of `day`. */
function dayHolds(day: DayHours | undefined, s: number, e: number): boolean {
  if (!day || s < mins(day.open) || e > mins(day.close)) return false;
  return (day.breaks ?? []).every((b) => e <= mins(b.start) || s >= mins(b.end));
}

function branchDay(input: SlotInput, date: string): DayHours | undefined {
  const usual = input.weeklyHours[weekdayOf(date) as keyof WeeklyHours];
  const exception = input.exceptions?.find((x) => x.day === date);
  if (exception?.kind === "CLOSED") return undefined;
  if (exception?.kind === "SHORT_DAY") {
    return { open: exception.opensAt!, close: exception.closesAt!, breaks: usual?.breaks ?? [] };
  }
  return usual;
}

const scheduledFor = (input: SlotInput, date: string, s: number, e: number) =>
  input.operators.filter((o) =>
    dayHolds(o.weeklySchedule[weekdayOf(date) as keyof WeeklyHours], s, e),
  );

const bookedOver = (input: SlotInput, slot: BookingSlot) =>
  (input.existingBookings ?? [])
    .filter((b) => {
      const end = b.end ?? new Date(b.start.getTime() + input.serviceDurationMinutes * 60_000);
      return b.start < slot.end && end > slot.start;
    })
    .reduce((sum, b) => sum + (b.count ?? 1), 0);

// --- generators: hours on a 5-minute grid, breaks inside them, schedules of the same shape.
const minute5 = (min: number, max: number) =>
  fc.integer({ min: min / 5, max: max / 5 }).map((n) => n * 5);
const dayHoursArb: fc.Arbitrary<DayHours> = fc
  .tuple(
    minute5(0, 720),
    minute5(60, 720),
    fc.array(fc.tuple(minute5(0, 700), minute5(5, 120)), { maxLength: 3 }),
  )
  .map(([open, length, raw]) => {
    const close = Math.min(open + length, 1435);
    const breaks: { start: string; end: string }[] = [];
    let cursor = open;
    for (const [offset, len] of raw.sort((a, b) => a[0] - b[0])) {
      const start = Math.max(cursor, open + offset);
      const end = Math.min(start + len, close);
      if (start >= end) continue;
      breaks.push({ start: hhmm(start), end: hhmm(end) });
      cursor = end;
    }
    return { open: hhmm(open), close: hhmm(close), breaks };
  });
const weekArb: fc.Arbitrary<WeeklyHours> = fc.dictionary(
  fc.constantFrom("1", "2", "3", "4", "5", "6", "7"),
  dayHoursArb,
) as fc.Arbitrary<WeeklyHours>;

const ZONES = [
  "Asia/Tashkent",
  "Europe/Berlin",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
];
// Around the transitions of 2026 as well as ordinary days.
const nowArb = fc.oneof(
  fc.date({
    min: new Date("2026-01-01T00:00:00Z"),
    max: new Date("2026-12-31T00:00:00Z"),
    noInvalidDate: true,
  }),
  fc
    .constantFrom("2026-03-27", "2026-04-03", "2026-10-02", "2026-10-23", "2026-11-30")
    .chain((d) =>
      fc
        .integer({ min: 0, max: 86_400 })
        .map((s) => new Date(Date.parse(`${d}T00:00:00Z`) + s * 1000)),
    ),
);

const inputArb: fc.Arbitrary<SlotInput> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    weeklyHours: weekArb,
    // Operators often keep the branch's hours (the editor's default), else their own.
    operatorPlan: fc.array(fc.tuple(fc.uuid(), fc.option(weekArb, { nil: undefined })), {
      minLength: 1,
      maxLength: 4,
    }),
    serviceDurationMinutes: fc.integer({ min: 5, max: 120 }),
    slotStepMinutes: fc.option(fc.constantFrom(5, 10, 15, 30, 60), { nil: undefined }),
    leadMinutes: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
    horizonDays: fc.integer({ min: 0, max: 9 }),
    onlineCap: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    now: nowArb,
    exceptionPlan: fc.array(fc.tuple(fc.integer({ min: -1, max: 10 }), fc.boolean(), dayHoursArb), {
      maxLength: 4,
    }),
    bookingPlan: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 10 * 96 }), fc.integer({ min: 0, max: 3 })),
      { maxLength: 30 },
    ),
  })
  .map(({ operatorPlan, exceptionPlan, bookingPlan, ...input }) => {
    const operators = operatorPlan.map(([id, own]) => ({
      id,
      weeklySchedule: own ?? input.weeklyHours,
    }));
    const today = wall(input.now, input.timeZone).date;
    const exceptions = new Map<string, DayException>();
    for (const [offset, closed, hours] of exceptionPlan) {
      const day = dayAfter(today, offset);
      exceptions.set(
        day,
        closed
          ? { day, kind: "CLOSED" }
          : { day, kind: "SHORT_DAY", opensAt: hours.open, closesAt: hours.close },
      );
    }
    const quarter = 15 * 60_000;
    const from = Math.floor(input.now.getTime() / quarter) * quarter;
    const existingBookings = bookingPlan.map(([q, count]) => ({
      start: new Date(from + (q % ((input.horizonDays + 1) * 96)) * quarter),
      count,
    }));
    return { ...input, operators, exceptions: [...exceptions.values()], existingBookings };
  });

/** Everything the oracle finds wrong with one slot; empty when it is right. */
function problemsOf(input: SlotInput, slot: BookingSlot): string[] {
  const d = input.serviceDurationMinutes;
  const s = mins(slot.localTime);
  const today = wall(input.now, input.timeZone).date;
  const scheduled = scheduledFor(input, slot.localDate, s, s + d);
  const start = wall(slot.start, input.timeZone);
  const end = wall(slot.end, input.timeZone);
  const checks: [string, boolean][] = [
    ["start is not its local day and time", start.date === slot.localDate && start.minutes === s],
    // The wall clock moves exactly the service's length: no clock change inside a slot.
    [
      "wall clock does not move by the duration",
      end.date === slot.localDate && end.minutes === s + d,
    ],
    ["length is not the duration", slot.end.getTime() - slot.start.getTime() === d * 60_000],
    [
      "outside branch hours, breaks or exceptions",
      dayHolds(branchDay(input, slot.localDate), s, s + d),
    ],
    [
      "before now + lead",
      slot.start.getTime() >= input.now.getTime() + (input.leadMinutes ?? 0) * 60_000,
    ],
    ["before today", slot.localDate >= today],
    ["beyond the horizon", slot.localDate <= dayAfter(today, input.horizonDays)],
    ["wrong operators", slot.operatorIds.join() === scheduled.map((o) => o.id).join()],
    ["wrong capacity", slot.capacity === Math.min(scheduled.length, input.onlineCap ?? Infinity)],
    ["no capacity", slot.capacity > 0],
    ["wrong booked", slot.booked === bookedOver(input, slot)],
    ["wrong available", slot.available === Math.max(0, slot.capacity - slot.booked)],
  ];
  return checks
    .filter(([, ok]) => !ok)
    .map(([what]) => `${slot.localDate} ${slot.localTime}: ${what}`);
}

// Generous timeouts: the machine running the suite may be busy; the runs themselves take ~1 s.
describe("generateSlots (properties)", { timeout: 60_000 }, () => {
  it("puts every slot inside the branch's hours, the exceptions and the operators' schedules", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(generateSlots(input).flatMap((slot) => problemsOf(input, slot))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("lists slots in time order without repeats, back to back when the step is the service", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const slots = generateSlots(input);
        const step = input.slotStepMinutes ?? input.serviceDurationMinutes;
        const disordered = slots.filter((cur, i) => {
          const prev = slots[i - 1];
          if (!prev) return false;
          if (cur.start <= prev.start) return true;
          return step >= input.serviceDurationMinutes && cur.start < prev.end;
        });
        expect(disordered).toEqual([]);
        expect(generateSlots(input)).toEqual(slots);
      }),
    );
  });

  it("finds each listed slot again by its start, and nothing at other minutes", () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.nat(),
        fc.integer({ min: 0, max: 10 * 1440 }),
        (input, pick, probe) => {
          const slots = generateSlots(input);
          const some = slots.filter((_, i) => (i + pick) % Math.ceil(slots.length / 5) === 0);
          for (const slot of some) expect(slotCapacityAt(input, slot.start)).toEqual(slot);
          const at = new Date(Math.floor(input.now.getTime() / 60_000) * 60_000 + probe * 60_000);
          const listed = slots.find((s) => s.start.getTime() === at.getTime()) ?? null;
          expect(slotCapacityAt(input, at)).toEqual(listed);
        },
      ),
    );
  });

  it("misses no slot in a zone without clock changes", () => {
    fc.assert(
      fc.property(inputArb, (raw) => {
        const input = { ...raw, timeZone: "Asia/Tashkent" };
        const d = input.serviceDurationMinutes;
        const step = input.slotStepMinutes ?? d;
        const today = wall(input.now, input.timeZone).date;
        const earliest = input.now.getTime() + (input.leadMinutes ?? 0) * 60_000;
        const expected: string[] = [];
        for (let k = 0; k <= input.horizonDays; k++) {
          const date = dayAfter(today, k);
          const day = branchDay(input, date);
          if (!day) continue;
          // Working spans: opening to the first break, between breaks, last break to closing.
          const breaks = [...(day.breaks ?? [])].sort((x, y) => mins(x.start) - mins(y.start));
          const edges = [mins(day.open), ...breaks.flatMap((b) => [mins(b.start), mins(b.end)])];
          edges.push(mins(day.close));
          for (let i = 0; i < edges.length; i += 2) {
            const from = Math.max(edges[i]!, mins(day.open));
            const to = Math.min(edges[i + 1]!, mins(day.close));
            for (let s = from; s + d <= to; s += step) {
              const start = Date.parse(`${date}T${hhmm(s)}:00+05:00`);
              const capacity = Math.min(
                scheduledFor(input, date, s, s + d).length,
                input.onlineCap ?? Infinity,
              );
              if (start >= earliest && capacity > 0) expected.push(`${date} ${hhmm(s)}`);
            }
          }
        }
        const actual = generateSlots(input).map((s) => `${s.localDate} ${s.localTime}`);
        expect(actual).toEqual(expected.sort());
      }),
    );
  });
});
