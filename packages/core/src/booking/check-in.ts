import { LATE_ARRIVAL, type LateArrival } from "@equeue/contracts";

const MINUTE_MS = 60_000;

// What becomes of a late booking is a contract between server and web; re-exported for the domain.
export { LATE_ARRIVAL, type LateArrival };

/** A branch's check-in rules: the window around the appointment time and the late rule. */
export type CheckInRules = { earlyMinutes: number; lateMinutes: number; lateArrival: LateArrival };

export const DEFAULT_CHECK_IN_RULES: CheckInRules = {
  earlyMinutes: 15,
  lateMinutes: 15,
  lateArrival: LATE_ARRIVAL.WALK_IN,
};

/** When a booked customer may check in: from `opensAt` up to, not including, `closesAt`. */
export function checkInWindow(appointmentAt: Date, rules: CheckInRules) {
  const at = appointmentAt.getTime();
  return {
    opensAt: new Date(at - rules.earlyMinutes * MINUTE_MS),
    closesAt: new Date(at + rules.lateMinutes * MINUTE_MS),
  };
}

export type CheckInDecision =
  /** In the window: queued at the appointment time, so call-next serves it at its time. */
  | { kind: "ON_TIME"; queuedAt: Date }
  /** After the window with the WALK_IN rule: queued now, like someone who just walked in. */
  | { kind: "WALK_IN"; queuedAt: Date }
  | { kind: "TOO_EARLY"; opensAt: Date }
  /** After the window with the EXPIRE rule: the booking is over. */
  | { kind: "TOO_LATE"; closedAt: Date };

/** What checking in at `now` does for a booking at `appointmentAt` under a branch's rules. */
export function decideCheckIn(
  appointmentAt: Date,
  now: Date,
  rules: CheckInRules,
): CheckInDecision {
  const { opensAt, closesAt } = checkInWindow(appointmentAt, rules);
  if (now < opensAt) return { kind: "TOO_EARLY", opensAt };
  if (now < closesAt) return { kind: "ON_TIME", queuedAt: appointmentAt };
  return rules.lateArrival === LATE_ARRIVAL.WALK_IN
    ? { kind: "WALK_IN", queuedAt: now }
    : { kind: "TOO_LATE", closedAt: closesAt };
}

/**
 * True when a booking nobody checked in for is over at `now`: its window has closed and the
 * branch's rule expires late bookings (with WALK_IN the customer may still come until day end).
 */
export function isBookingLapsed(appointmentAt: Date, now: Date, rules: CheckInRules): boolean {
  return (
    rules.lateArrival === LATE_ARRIVAL.EXPIRE && now >= checkInWindow(appointmentAt, rules).closesAt
  );
}
