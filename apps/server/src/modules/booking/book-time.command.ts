import type { ScreenLanguage } from "@equeue/contracts";
import { TICKET_STATUS } from "@equeue/core";
import { AppError } from "../../shared/app-error";
import { isUniqueViolation } from "../../shared/db-errors";
import { anonymousCaller, type Caller } from "../access";
import { issueTicket, type QueueDeps, type TicketView } from "../queue";
import type { CompanyRecord } from "../tenancy";
import type { BookingRow } from "./booking.repository";
import type { BookingSetups } from "./booking-setups";
import {
  bookableOnline,
  issueTargetOf,
  onlineSlotAt,
  slotClaim,
  type BookingSetup,
} from "./booking-slots.service";

/** What booking needs: the queue's deps and the booking set-ups it keeps. */
export type BookingDeps = QueueDeps & { bookings: BookingSetups };

export type BookTimeInput = {
  branchId: string;
  serviceId: string;
  startsAt: Date;
  phone: string;
  name?: string | null | undefined;
  email?: string | null | undefined;
  /** The customer's screen language (Uzbek Cyrillic too): their messages speak it. */
  language?: ScreenLanguage | null | undefined;
};

export const alreadyBooked = () =>
  new AppError(
    "ALREADY_BOOKED",
    "This phone number already has a booking at this time. Open it from the link you got.",
  );

/**
 * "Book a time" from the portal: a BOOKED ticket (source ONLINE) at one of the offered slots.
 * The slot is checked with core against the branch's set-up (kept briefly by BookingSetups: on
 * the grid, someone scheduled, inside the horizon, within the online cap), then the ticket is
 * issued through the queue's one issue command, whose transaction takes the slot's lock and
 * then counts its places in the same statement as the insert: the database keeps the capacity,
 * whoever asks at once. Four statements when the set-up is kept: BEGIN, lock, count + insert,
 * COMMIT. The answer is built from the inserted row and the set-up.
 */
export async function bookTime(
  deps: BookingDeps,
  company: CompanyRecord,
  input: BookTimeInput,
  now = new Date(),
  // A portal visitor by default (an online booking); the public API passes its key's caller.
  caller: Caller = anonymousCaller(company.id),
): Promise<BookingRow> {
  const setup = bookableOnline(
    await deps.bookings.get(company, { id: input.branchId }, input.serviceId, now),
  );
  const slot = onlineSlotAt(setup, input.startsAt, now);
  try {
    const ticket = await issueTicket(
      deps,
      company,
      caller,
      {
        branchId: setup.branch.id,
        serviceId: setup.service.id,
        customerPhone: input.phone,
        customerName: input.name ?? null,
        customerEmail: input.email ?? null,
        appointmentAt: slot.start,
        language: input.language ?? null,
      },
      { now, target: issueTargetOf(setup), slot: slotClaim(company.schema_name, setup, slot) },
    );
    if (ticket.status !== TICKET_STATUS.BOOKED) throw new Error("a booking must be BOOKED");
    return bookingRowOf(ticket, setup);
  } catch (err) {
    if (isUniqueViolation(err, "tickets_booking_phone_slot")) throw alreadyBooked();
    throw err;
  }
}

/** The booking as findBookingByToken reads it, from the new ticket and the set-up in hand. */
function bookingRowOf(ticket: TicketView, setup: BookingSetup): BookingRow {
  const { branch: b, service: s } = setup;
  return {
    ...ticket,
    service_name: s.name,
    duration_minutes: s.duration_minutes,
    counter_number: null,
    branch_slug: b.slug,
    branch_name: b.name,
    branch_address: b.address,
    time_zone: b.time_zone,
    check_in_early_minutes: b.check_in_early_minutes,
    check_in_late_minutes: b.check_in_late_minutes,
    late_arrival: b.late_arrival,
  };
}
