import { decideCheckIn, type CheckInRules } from "@equeue/core";
import type { Updateable } from "kysely";
import type { LateArrivalRule, TicketsTable } from "../../db/tables";
import { AppError } from "../../shared/app-error";

/** A branch's check-in settings as core reads them. */
export const checkInRulesOf = (b: {
  check_in_early_minutes: number;
  check_in_late_minutes: number;
  late_arrival: LateArrivalRule;
}): CheckInRules => ({
  earlyMinutes: b.check_in_early_minutes,
  lateMinutes: b.check_in_late_minutes,
  lateArrival: b.late_arrival,
});

export const checkInClosed = () =>
  new AppError(
    "CHECK_IN_CLOSED",
    "The time to check in for this booking has passed; book another time or join the queue.",
  );

/**
 * The columns a check-in at the counter sets beside the state machine's: a booked customer
 * joins the line at the appointment time (also when staff let them in early), a late one at
 * the time they came, or — where the branch expires late bookings — not at all.
 */
export function staffCheckInColumns(
  ticket: Parameters<typeof checkInRulesOf>[0] & { appointment_at: Date | null },
  now: Date,
): Updateable<TicketsTable> {
  if (!ticket.appointment_at) return {};
  const decision = decideCheckIn(ticket.appointment_at, now, checkInRulesOf(ticket));
  switch (decision.kind) {
    case "TOO_EARLY":
      return { queued_at: ticket.appointment_at };
    case "ON_TIME":
    case "WALK_IN":
      return { queued_at: decision.queuedAt };
    case "TOO_LATE":
      throw checkInClosed();
    default: {
      const never: never = decision;
      throw new Error(`unhandled check-in ${String(never)}`);
    }
  }
}
