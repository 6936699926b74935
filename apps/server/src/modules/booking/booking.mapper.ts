import {
  CANCEL_REASONS,
  TICKET_STATUS,
  checkInWindow,
  decideCheckIn,
  formatClock,
  localClock,
  type DayException,
} from "@equeue/core";
import type { I18nText } from "../../db/tables";
import { checkInRulesOf } from "../queue";
import type { BookingRow } from "./booking.repository";
import type { BookingDto } from "./booking.schema";
import { checkInCodeOf } from "./check-in-code";

/** A branch exception row as core's slot rules read it. */
export const toDayException = (e: {
  day: string;
  kind: DayException["kind"];
  opens_at: string | null;
  closes_at: string | null;
}): DayException => ({ day: e.day, kind: e.kind, opensAt: e.opens_at, closesAt: e.closes_at });

/** What the booking's holder sees: when and where, in the branch's own time, and what they can do. */
export function toBookingDto(row: BookingRow, companySlug: string, now: Date): BookingDto {
  const startsAt = row.appointment_at!;
  const rules = checkInRulesOf(row);
  const local = localClock(startsAt, row.time_zone);
  const booked = row.status === TICKET_STATUS.BOOKED;
  const decision = decideCheckIn(startsAt, now, rules).kind;
  return {
    token: row.token,
    label: row.label,
    status: row.status,
    trackPath: `/t/${row.token}`,
    checkInCode: checkInCodeOf(row.token),
    calendarPath: `/api/c/${companySlug}/portal/bookings/${row.token}/calendar.ics`,
    startsAt,
    endsAt: new Date(startsAt.getTime() + row.duration_minutes * 60_000),
    timeZone: row.time_zone,
    localDate: local.date,
    localTime: formatClock(local.minutes),
    branch: { id: row.branch_id, slug: row.branch_slug, name: row.branch_name as I18nText },
    service: {
      id: row.service_id,
      name: row.service_name as I18nText,
      durationMinutes: row.duration_minutes,
    },
    customerName: row.customer_name,
    checkIn: { ...checkInWindow(startsAt, rules), lateArrival: rules.lateArrival },
    canCheckIn: booked && (decision === "ON_TIME" || decision === "WALK_IN"),
    canChange: booked && startsAt > now,
    canCancel: booked || row.status === TICKET_STATUS.WAITING,
    cancelled: row.status === TICKET_STATUS.CANCELLED ? cancelledOf(row.cancel_data) : null,
  };
}

/** Who cancelled a booking and why, from its CANCEL event's data (`by`, `reason`, `message`). */
function cancelledOf(data: unknown): NonNullable<BookingDto["cancelled"]> {
  const d = (data ?? {}) as Record<string, unknown>;
  const reason = CANCEL_REASONS.find((r) => r === d.reason) ?? null;
  const message = typeof d.message === "string" && d.message.trim() !== "" ? d.message : null;
  return { by: d.by === "CUSTOMER" ? "CUSTOMER" : "COMPANY", reason, message };
}
