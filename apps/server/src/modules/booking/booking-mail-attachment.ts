import { textLanguageOf } from "@equeue/contracts";
import type { Db } from "../../db/database";
import { companyDb } from "../tenancy";
import { bookingCalendar } from "./booking-calendar";
import { findBookingByToken } from "./booking.repository";

export type MailAttachment = { filename: string; contentType: string; content: string };

/** Outbox keys of booking e-mails: company:ticket:TRIGGER[@occurrence]:email. */
const BOOKING_MAIL =
  /^([0-9a-f-]{36}):([0-9a-f-]{36}):(BOOKING_CONFIRMED|BOOKING_RESCHEDULED|BOOKING_CANCELLED|REMINDER)(@[^:]*)?:email$/;

/**
 * The calendar file a booking e-mail carries, built when the e-mail is sent (the booking as it
 * is then: a cancelled one as CANCELLED, so the calendar that has the event removes it; the
 * ticket's token is the event's UID, so a reschedule updates the same event). The outbox stores
 * only the message; this resolves the attachment from the message's key.
 */
export function bookingMailAttachments(db: Db, publicUrl: string) {
  return async (m: {
    channel: string;
    dedupe_key: string | null;
    company_id: string | null;
  }): Promise<MailAttachment[]> => {
    const match = m.channel === "email" && m.dedupe_key ? BOOKING_MAIL.exec(m.dedupe_key) : null;
    if (!match) return [];
    const [, companyId, ticketId] = match;
    const company = await db
      .selectFrom("platform.companies")
      .select(["schema_name", "name", "slug", "default_language"])
      .where("id", "=", companyId!)
      .executeTakeFirst();
    if (!company) return [];
    const q = companyDb(db, company);
    const ticket = await q
      .selectFrom("tickets")
      .select(["token", "language"])
      .where("id", "=", ticketId!)
      .executeTakeFirst();
    if (!ticket) return [];
    const row = await findBookingByToken(q, ticket.token);
    if (!row) return [];
    const lang = textLanguageOf(ticket.language ?? company.default_language ?? "uz");
    const content = bookingCalendar(row, {
      companyName: company.name,
      trackUrl: `${publicUrl}/t/${row.token}`,
      lang,
      now: new Date(),
    });
    return [{ filename: `${row.label}.ics`, contentType: "text/calendar; charset=utf-8", content }];
  };
}
