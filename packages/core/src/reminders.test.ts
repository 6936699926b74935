import { describe, expect, it } from "vitest";
import { dueReminders, inQuietHours, reminderTimes } from "./reminders";

const TZ = "Asia/Tashkent"; // UTC+5, no clock changes
const at = (iso: string) => new Date(iso);

describe("booking reminders", () => {
  const appointment = at("2026-12-02T10:00:00+05:00");
  const rule = { dayBeforeAt: "18:00", minutesBefore: 60 };

  it("falls the day before at the branch's time and N minutes before", () => {
    expect(reminderTimes(appointment, TZ, rule)).toEqual([
      { kind: "DAY_BEFORE", at: at("2026-12-01T18:00:00+05:00") },
      { kind: "BEFORE", at: at("2026-12-02T09:00:00+05:00") },
    ]);
    expect(reminderTimes(appointment, TZ, { dayBeforeAt: null, minutesBefore: null })).toEqual([]);
  });

  it("is due once its time has come and the appointment is still ahead", () => {
    const booking = { appointmentAt: appointment, createdAt: at("2026-11-28T12:00:00Z") };
    expect(dueReminders(booking, TZ, rule, at("2026-12-01T17:59:00+05:00"))).toEqual([]);
    expect(dueReminders(booking, TZ, rule, at("2026-12-01T18:00:00+05:00"))).toEqual([
      "DAY_BEFORE",
    ]);
    expect(dueReminders(booking, TZ, rule, at("2026-12-02T09:30:00+05:00"))).toEqual([
      "DAY_BEFORE",
      "BEFORE",
    ]);
    expect(dueReminders(booking, TZ, rule, at("2026-12-02T10:00:00+05:00"))).toEqual([]);
  });

  it("skips a reminder whose time passed before the booking was made", () => {
    const late = { appointmentAt: appointment, createdAt: at("2026-12-02T09:20:00+05:00") };
    expect(dueReminders(late, TZ, rule, at("2026-12-02T09:30:00+05:00"))).toEqual([]);
  });

  it("knows quiet hours across midnight in the branch's time", () => {
    const quiet = { from: "22:00", to: "08:00" };
    expect(inQuietHours(at("2026-12-01T21:59:00+05:00"), TZ, quiet)).toBe(false);
    expect(inQuietHours(at("2026-12-01T22:00:00+05:00"), TZ, quiet)).toBe(true);
    expect(inQuietHours(at("2026-12-02T07:59:00+05:00"), TZ, quiet)).toBe(true);
    expect(inQuietHours(at("2026-12-02T08:00:00+05:00"), TZ, quiet)).toBe(false);
    expect(inQuietHours(at("2026-12-02T13:00:00+05:00"), TZ, { from: "12:00", to: "14:00" })).toBe(
      true,
    );
    expect(inQuietHours(at("2026-12-02T13:00:00+05:00"), TZ, null)).toBe(false);
  });
});
