import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import type { I18nText } from "../../db/tables";
import type { BookingRow } from "./booking.repository";

const nameIn = (text: I18nText, lang: "uz" | "ru" | "en") => text[lang] ?? text.uz;

/**
 * The booking as an iCalendar file (RFC 5545) for "add to calendar": one event at the booked
 * time in UTC (every calendar shows it in its own zone), with the ticket's page as its URL and
 * its token as the stable UID, so a re-download after a reschedule updates the same event.
 */
export function bookingCalendar(
  row: BookingRow,
  opts: { companyName: string; trackUrl: string; lang?: "uz" | "ru" | "en"; now: Date },
): string {
  const lang = opts.lang ?? "uz";
  const start = row.appointment_at!;
  const address = (row.branch_address as Partial<I18nText>)[lang] ?? row.branch_address.uz;
  const cal = ical({
    name: opts.companyName,
    prodId: { company: "E-Queue", product: "booking", language: lang.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
  });
  cal.createEvent({
    id: `${row.token}@equeue`,
    sequence: Math.max(0, Math.floor((row.updated_at.getTime() - row.created_at.getTime()) / 1000)),
    start,
    end: new Date(start.getTime() + row.duration_minutes * 60_000),
    stamp: opts.now,
    summary: `${nameIn(row.service_name, lang)} — ${opts.companyName} (${row.label})`,
    description: `${row.label}\n${opts.trackUrl}`,
    location: [nameIn(row.branch_name as I18nText, lang), address].filter(Boolean).join(", "),
    url: opts.trackUrl,
    // A cancelled booking downloaded again removes the event from the calendar that has it.
    status: row.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
}
