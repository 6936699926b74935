import { addDays, instantsAt, localClock, parseClock } from "./booking/local-time";

/** When a company reminds its bookings; either may be off (null). */
export type ReminderRule = {
  /** "18:00": the day before the appointment at that branch time. */
  dayBeforeAt: string | null;
  /** This many minutes before the appointment. */
  minutesBefore: number | null;
};

export type ReminderKind = "DAY_BEFORE" | "BEFORE";

/** The moment each reminder of an appointment falls due (branch time for the day-before one). */
export function reminderTimes(
  appointment: Date,
  timeZone: string,
  rule: ReminderRule,
): { kind: ReminderKind; at: Date }[] {
  const out: { kind: ReminderKind; at: Date }[] = [];
  if (rule.dayBeforeAt) {
    const day = addDays(localClock(appointment, timeZone).date, -1);
    // A skipped hour (spring forward) has no instant: take the first one after it.
    const at =
      instantsAt(day, parseClock(rule.dayBeforeAt), timeZone)[0] ??
      instantsAt(day, parseClock(rule.dayBeforeAt) + 60, timeZone)[0];
    if (at) out.push({ kind: "DAY_BEFORE", at });
  }
  if (rule.minutesBefore && rule.minutesBefore > 0) {
    out.push({ kind: "BEFORE", at: new Date(appointment.getTime() - rule.minutesBefore * 60_000) });
  }
  return out;
}

/**
 * The reminders of a booking due at `now`: their time has come, the appointment is still ahead,
 * and the booking was made before the reminder's time (a booking made an hour ahead needs no
 * "one hour before": its confirmation just said it).
 */
export function dueReminders(
  booking: { appointmentAt: Date; createdAt: Date },
  timeZone: string,
  rule: ReminderRule,
  now: Date,
): ReminderKind[] {
  if (booking.appointmentAt.getTime() <= now.getTime()) return [];
  return reminderTimes(booking.appointmentAt, timeZone, rule)
    .filter((r) => r.at.getTime() <= now.getTime() && booking.createdAt.getTime() < r.at.getTime())
    .map((r) => r.kind);
}

/**
 * Whether `now` falls in the quiet hours [from, to) of the branch's wall clock; a span that
 * crosses midnight (22:00–08:00) is understood so. Equal ends mean no quiet hours.
 */
export function inQuietHours(
  now: Date,
  timeZone: string,
  quiet: { from: string; to: string } | null,
): boolean {
  if (!quiet) return false;
  const from = parseClock(quiet.from);
  const to = parseClock(quiet.to);
  if (from === to) return false;
  const m = localClock(now, timeZone).minutes;
  return from < to ? m >= from && m < to : m >= from || m < to;
}
