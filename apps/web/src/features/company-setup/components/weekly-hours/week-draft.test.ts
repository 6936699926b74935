import { describe, expect, it } from "vitest";
import {
  copyMondayToWeekdays,
  defaultWeek,
  fromDraft,
  nextBreak,
  normaliseTime,
  toDraft,
  validateWeek,
  type WeekDraft,
} from "./week-draft";

const withMonday = (patch: Partial<WeekDraft["1"]>): WeekDraft => {
  const week = defaultWeek();
  return { ...week, "1": { ...week["1"], ...patch } };
};

describe("weekly hours draft", () => {
  it("starts as Monday–Friday 09:00–18:00 with lunch, weekend closed", () => {
    const hours = fromDraft(defaultWeek());
    expect(Object.keys(hours)).toEqual(["1", "2", "3", "4", "5"]);
    expect(hours["1"]).toEqual({
      open: "09:00",
      close: "18:00",
      breaks: [{ start: "13:00", end: "14:00" }],
    });
  });

  it("round-trips stored hours, a missing day being closed and keeping times for reopening", () => {
    const stored = { "6": { open: "10:00", close: "14:00", breaks: [] } };
    const draft = toDraft(stored);
    expect(draft["6"].open).toBe(true);
    expect(draft["7"]).toMatchObject({ open: false, from: "09:00", to: "18:00" });
    expect(fromDraft(draft)).toEqual(stored);
  });

  it("sends breaks in time order whatever order they were added in", () => {
    const week = withMonday({
      breaks: [
        { start: "16:00", end: "16:15" },
        { start: "13:00", end: "14:00" },
      ],
    });
    expect(fromDraft(week)["1"]?.breaks.map((b) => b.start)).toEqual(["13:00", "16:00"]);
  });

  it("copies Monday, breaks included, to Tuesday–Friday only", () => {
    const week = copyMondayToWeekdays(withMonday({ from: "08:30", breaks: [] }));
    for (const d of ["2", "3", "4", "5"] as const)
      expect(week[d]).toMatchObject({ from: "08:30", breaks: [] });
    expect(week["6"].open).toBe(false);
    week["2"].breaks.push({ start: "12:00", end: "12:30" });
    expect(week["1"].breaks).toEqual([]);
  });

  it("flags the later of two overlapping breaks, like the server", () => {
    const week = withMonday({
      breaks: [
        { start: "13:00", end: "14:00" },
        { start: "13:30", end: "14:30" },
      ],
    });
    expect(validateWeek(week)).toEqual({ "1": { breaks: { 1: "breakOverlap" } } });
  });

  it("flags breaks that take the whole day, and leaves one that spares a minute", () => {
    const day = { from: "09:00", to: "18:00" };
    const whole = withMonday({ ...day, breaks: [{ start: "09:00", end: "18:00" }] });
    expect(validateWeek(whole)).toEqual({ "1": { breaks: { 0: "breakAllDay" } } });
    const twoHalves = withMonday({
      ...day,
      breaks: [
        { start: "13:00", end: "18:00" },
        { start: "09:00", end: "13:00" },
      ],
    });
    expect(validateWeek(twoHalves)).toEqual({ "1": { breaks: { 0: "breakAllDay" } } });
    const spared = withMonday({ ...day, breaks: [{ start: "09:00", end: "17:59" }] });
    expect(validateWeek(spared)["1"]).toBeUndefined();
  });

  it("says to close at 23:59 when 24:00 is typed, and asks for a whole time otherwise", () => {
    expect(validateWeek(withMonday({ from: "09:00", to: "24:00" }))["1"]?.hours).toBe("midnight");
    expect(validateWeek(withMonday({ from: "09:00", to: "25:00" }))["1"]?.hours).toBe("missing");
    expect(validateWeek(withMonday({ from: "09:00", to: "23:59" }))["1"]).toBeUndefined();
  });

  it("flags closing before opening, a break outside the day and a break that ends first", () => {
    expect(validateWeek(withMonday({ from: "18:00", to: "09:00" }))["1"]?.hours).toBe(
      "closeBeforeOpen",
    );
    expect(
      validateWeek(withMonday({ breaks: [{ start: "08:00", end: "08:30" }] }))["1"]?.breaks[0],
    ).toBe("breakOutside");
    expect(
      validateWeek(withMonday({ breaks: [{ start: "14:00", end: "13:00" }] }))["1"]?.breaks[0],
    ).toBe("breakOrder");
  });

  it("ignores a closed day's times and accepts the default week", () => {
    const week = defaultWeek();
    week["7"] = { open: false, from: "20:00", to: "08:00", breaks: [] };
    expect(validateWeek(week)).toEqual({});
  });

  it("puts a new break after the last one and inside the day", () => {
    expect(nextBreak({ open: true, from: "09:00", to: "18:00", breaks: [] })).toEqual({
      start: "13:00",
      end: "14:00",
    });
    expect(nextBreak(withMonday({})["1"])).toEqual({ start: "15:00", end: "15:15" });
    expect(
      nextBreak({
        open: true,
        from: "09:00",
        to: "14:30",
        breaks: [{ start: "13:00", end: "14:00" }],
      }),
    ).toEqual({
      start: "14:15",
      end: "14:30",
    });
  });
});

describe("normaliseTime", () => {
  it.each([
    ["930", "09:30"],
    ["0930", "09:30"],
    ["9:30", "09:30"],
    ["9", "09:00"],
    ["18", "18:00"],
    ["9:3", "09:30"],
  ])("reads %s as %s", (raw, time) => expect(normaliseTime(raw)).toBe(time));

  it("leaves what is not a time for validation to flag", () => {
    expect(normaliseTime("25:00")).toBe("25:00");
    expect(normaliseTime("9:75")).toBe("9:75");
    expect(normaliseTime("")).toBe("");
  });
});
