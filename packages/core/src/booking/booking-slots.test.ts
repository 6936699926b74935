import { describe, expect, it } from "vitest";
import { QUEUE_ERROR_CODE } from "../errors";
import { generateSlots, slotCapacityAt, type SlotInput } from "./booking-slots";
import type { DayHours, WeeklyHours } from "./opening-hours";

const WORKDAY: DayHours = {
  open: "09:00",
  close: "18:00",
  breaks: [{ start: "13:00", end: "14:00" }],
};
const WEEKDAYS: WeeklyHours = {
  "1": WORKDAY,
  "2": WORKDAY,
  "3": WORKDAY,
  "4": WORKDAY,
  "5": WORKDAY,
};
// Monday 30 November 2026, 08:00 in Tashkent (UTC+5).
const MONDAY_8AM = new Date("2026-11-30T03:00:00Z");

function tashkent(overrides: Partial<SlotInput> = {}): SlotInput {
  return {
    timeZone: "Asia/Tashkent",
    weeklyHours: WEEKDAYS,
    operators: [{ id: "aziza", weeklySchedule: WEEKDAYS }],
    serviceDurationMinutes: 30,
    horizonDays: 0,
    now: MONDAY_8AM,
    ...overrides,
  };
}

const times = (input: SlotInput) => generateSlots(input).map((s) => s.localTime);

describe("generateSlots", () => {
  it("fills a Tashkent Monday 09:00–18:00 with lunch 13:00–14:00 with 16 half-hour slots", () => {
    const slots = generateSlots(tashkent());
    expect(slots).toHaveLength(16);
    expect(slots.map((s) => s.localTime)).toEqual([
      ...["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30"],
      ...["14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30"],
    ]);
    expect(slots[0]).toEqual({
      start: new Date("2026-11-30T04:00:00Z"),
      end: new Date("2026-11-30T04:30:00Z"),
      localDate: "2026-11-30",
      localTime: "09:00",
      capacity: 1,
      booked: 0,
      available: 1,
      operatorIds: ["aziza"],
    });
  });

  it("offers nothing on a holiday and resumes the next working day", () => {
    const slots = generateSlots(
      tashkent({ horizonDays: 1, exceptions: [{ day: "2026-11-30", kind: "CLOSED" }] }),
    );
    expect(new Set(slots.map((s) => s.localDate))).toEqual(new Set(["2026-12-01"]));
    expect(slots).toHaveLength(16);
  });

  it("keeps a short day's own hours and the weekday's lunch", () => {
    const shortDay = {
      day: "2026-11-30",
      kind: "SHORT_DAY",
      opensAt: "10:00",
      closesAt: "15:00",
    } as const;
    expect(times(tashkent({ exceptions: [shortDay] }))).toEqual([
      ...["10:00", "10:30", "11:00", "11:30", "12:00", "12:30", "14:00", "14:30"],
    ]);
  });

  it("opens a short Saturday only for operators scheduled on Saturdays", () => {
    const saturday = {
      day: "2026-12-05",
      kind: "SHORT_DAY",
      opensAt: "10:00",
      closesAt: "12:00",
    } as const;
    const base = tashkent({ horizonDays: 5, fromDay: "2026-12-05", exceptions: [saturday] });
    expect(generateSlots(base)).toEqual([]);
    const withSaturday = {
      ...base,
      operators: [{ id: "bekzod", weeklySchedule: { "6": { open: "09:00", close: "17:00" } } }],
    };
    expect(times(withSaturday)).toEqual(["10:00", "10:30", "11:00", "11:30"]);
  });

  it("skips the hour the clocks jump over in a DST zone", () => {
    // Berlin, Sunday 29 March 2026: 02:00 becomes 03:00.
    const night: WeeklyHours = { "7": { open: "01:00", close: "04:00" } };
    const slots = generateSlots({
      timeZone: "Europe/Berlin",
      weeklyHours: night,
      operators: [{ id: "a", weeklySchedule: night }],
      serviceDurationMinutes: 30,
      horizonDays: 0,
      now: new Date("2026-03-28T23:00:00Z"),
    });
    // 01:30 would end at a 02:00 that never comes; 02:00 and 02:30 do not exist.
    expect(slots.map((s) => s.localTime)).toEqual(["01:00", "03:00", "03:30"]);
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T01:00:00.000Z",
      "2026-03-29T01:30:00.000Z",
    ]);
  });

  it("gives each wall time of the repeated hour at most one slot when clocks fall back", () => {
    const night: WeeklyHours = { "7": { open: "01:00", close: "04:00" } };
    const slots = generateSlots({
      timeZone: "Europe/Berlin",
      weeklyHours: night,
      operators: [{ id: "a", weeklySchedule: night }],
      serviceDurationMinutes: 30,
      horizonDays: 0,
      now: new Date("2026-10-24T22:00:00Z"),
    });
    const labels = slots.map((s) => s.localTime);
    expect(new Set(labels).size).toBe(labels.length);
    for (const s of slots) expect(s.end.getTime() - s.start.getTime()).toBe(30 * 60_000);
    for (let i = 1; i < slots.length; i++) {
      expect(slots[i]!.start.getTime()).toBeGreaterThanOrEqual(slots[i - 1]!.end.getTime());
    }
  });

  it("starts no sooner than now plus the lead time", () => {
    const now = new Date("2026-11-30T05:05:00Z"); // 10:05 local
    expect(times(tashkent({ now, leadMinutes: 60 }))[0]).toBe("11:30");
    expect(times(tashkent({ now }))[0]).toBe("10:30");
  });

  it("reaches exactly horizonDays past today", () => {
    const days = (horizonDays: number) => [
      ...new Set(generateSlots(tashkent({ horizonDays })).map((s) => s.localDate)),
    ];
    expect(days(0)).toEqual(["2026-11-30"]);
    expect(days(7)).toEqual([
      ...["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"],
      "2026-12-07",
    ]);
  });

  it("lists only the asked window of days, still inside the horizon", () => {
    const days = (fromDay?: string, toDay?: string) => [
      ...new Set(
        generateSlots(tashkent({ horizonDays: 7, fromDay, toDay })).map((s) => s.localDate),
      ),
    ];
    expect(days("2026-12-02", "2026-12-03")).toEqual(["2026-12-02", "2026-12-03"]);
    expect(days("2026-11-01", "2026-11-30")).toEqual(["2026-11-30"]);
    expect(days("2026-12-07", "2027-01-31")).toEqual(["2026-12-07"]);
  });

  it("counts operators scheduled for the whole slot: 2 in the morning, 1 after lunch", () => {
    const morning: WeeklyHours = { "1": { open: "09:00", close: "13:00" } };
    const slots = generateSlots(
      tashkent({
        operators: [
          { id: "aziza", weeklySchedule: WEEKDAYS },
          { id: "bekzod", weeklySchedule: morning },
        ],
      }),
    );
    const capacity = Object.fromEntries(slots.map((s) => [s.localTime, s.capacity]));
    expect(capacity["09:00"]).toBe(2);
    expect(capacity["12:30"]).toBe(2);
    expect(capacity["14:00"]).toBe(1);
    expect(capacity["17:30"]).toBe(1);
    expect(slots.find((s) => s.localTime === "14:00")?.operatorIds).toEqual(["aziza"]);
  });

  it("leaves an operator out of slots that touch their own break", () => {
    const withTea: WeeklyHours = {
      "1": { ...WORKDAY, breaks: [{ start: "11:15", end: "11:30" }, ...WORKDAY.breaks!] },
    };
    const slots = generateSlots(tashkent({ operators: [{ id: "a", weeklySchedule: withTea }] }));
    expect(slots.map((s) => s.localTime)).not.toContain("11:00");
    expect(slots.map((s) => s.localTime)).toContain("11:30");
  });

  it("caps online capacity so walk-ins keep room", () => {
    const operators = ["a", "b", "c"].map((id) => ({ id, weeklySchedule: WEEKDAYS }));
    expect(generateSlots(tashkent({ operators }))[0]?.capacity).toBe(3);
    expect(generateSlots(tashkent({ operators, onlineCap: 2 }))[0]?.capacity).toBe(2);
    expect(generateSlots(tashkent({ operators, onlineCap: 0 }))).toEqual([]);
  });

  it("subtracts bookings from capacity and never goes below zero", () => {
    const operators = ["a", "b"].map((id) => ({ id, weeklySchedule: WEEKDAYS }));
    const at = (iso: string) => new Date(iso);
    const slots = generateSlots(
      tashkent({
        operators,
        existingBookings: [
          { start: at("2026-11-30T04:00:00Z") },
          { start: at("2026-11-30T04:30:00Z"), count: 3 },
        ],
      }),
    );
    expect(slots[0]).toMatchObject({ capacity: 2, booked: 1, available: 1 });
    expect(slots[1]).toMatchObject({ capacity: 2, booked: 3, available: 0 });
    expect(slots[2]).toMatchObject({ capacity: 2, booked: 0, available: 2 });
  });

  it("on a grid finer than the service, counts every booking that overlaps the slot", () => {
    const slots = generateSlots(
      tashkent({
        slotStepMinutes: 15,
        existingBookings: [{ start: new Date("2026-11-30T04:15:00Z") }], // 09:15–09:45
      }),
    );
    expect(slots.filter((s) => s.localDate === "2026-11-30").slice(0, 4)).toMatchObject([
      { localTime: "09:00", available: 0 },
      { localTime: "09:15", available: 0 },
      { localTime: "09:30", available: 0 },
      { localTime: "09:45", available: 1 },
    ]);
    expect(slots.filter((s) => s.localTime < "13:00").at(-1)?.localTime).toBe("12:30");
  });

  it("refuses an unknown time zone and a service without a duration", () => {
    expect(() => generateSlots(tashkent({ timeZone: "Mars/Olympus" }))).toThrow(
      expect.objectContaining({ code: QUEUE_ERROR_CODE.INVALID_TIME_ZONE }),
    );
    expect(() => generateSlots(tashkent({ serviceDurationMinutes: 0 }))).toThrow(
      expect.objectContaining({ code: QUEUE_ERROR_CODE.INVALID_ARGUMENT }),
    );
  });
});

describe("slotCapacityAt", () => {
  const operators = ["a", "b"].map((id) => ({ id, weeklySchedule: WEEKDAYS }));

  it("finds a real slot with its capacity and bookings", () => {
    const input = tashkent({
      operators,
      horizonDays: 3,
      existingBookings: [{ start: new Date("2026-12-01T09:00:00Z") }],
    });
    expect(slotCapacityAt(input, new Date("2026-12-01T09:00:00Z"))).toMatchObject({
      localDate: "2026-12-01",
      localTime: "14:00",
      capacity: 2,
      booked: 1,
      available: 1,
    });
  });

  it("answers null off the grid, in a break, too soon and beyond the horizon", () => {
    const input = tashkent({ operators, horizonDays: 3, leadMinutes: 120 });
    expect(slotCapacityAt(input, new Date("2026-11-30T07:10:00Z"))).toBeNull(); // 12:10
    expect(slotCapacityAt(input, new Date("2026-11-30T08:00:00Z"))).toBeNull(); // 13:00
    expect(slotCapacityAt(input, new Date("2026-11-30T04:30:00Z"))).toBeNull(); // 09:30 < 10:00
    expect(slotCapacityAt(input, new Date("2026-11-30T05:00:00Z"))).not.toBeNull(); // 10:00
    expect(slotCapacityAt(input, new Date("2026-12-04T04:00:00Z"))).toBeNull(); // day 4 > 3
    expect(slotCapacityAt(input, new Date("2026-11-29T04:00:00Z"))).toBeNull(); // yesterday
    expect(slotCapacityAt(input, new Date(Number.NaN))).toBeNull();
  });
});
