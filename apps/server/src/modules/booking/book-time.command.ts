import type { ScreenLanguage } from "@equeue/contracts";
import { TICKET_STATUS, businessDay } from "@equeue/core";
import { AppError } from "../../shared/app-error";
import { isUniqueViolation } from "../../shared/db-errors";
import { anonymousCaller, type Caller } from "../access";
import { issueTicket, type QueueDeps, type TicketView } from "../queue";
import { companyDb, type CompanyRecord } from "../tenancy";
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

/**
 * Open bookings one phone number may hold at a branch on one day from the portal: enough for a
 * customer's two errands, not for one person to fill a day's calendar with made-up visits.
 * (Staff and the company's own API clients are not held to it.)
 */
export const PORTAL_BOOKINGS_PER_PHONE_DAY = 2;

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
  if (caller.kind === "anonymous")
    await assertRoomForPhone(deps, company, setup, slot.start, input.phone);
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

/** Refuses a portal booking past PORTAL_BOOKINGS_PER_PHONE_DAY at the branch on that day. */
async function assertRoomForPhone(
  deps: BookingDeps,
  company: CompanyRecord,
  setup: BookingSetup,
  start: Date,
  phone: string,
) {
  const day = businessDay(start, setup.branch.time_zone);
  const held = await companyDb(deps.db, company)
    .selectFrom("tickets")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("branch_id", "=", setup.branch.id)
    .where("day", "=", day)
    .where("customer_phone", "=", phone)
    .where("status", "=", TICKET_STATUS.BOOKED)
    .executeTakeFirstOrThrow();
  if (Number(held.n) >= PORTAL_BOOKINGS_PER_PHONE_DAY) {
    throw new AppError(
      "ALREADY_BOOKED",
      `This phone number already has ${PORTAL_BOOKINGS_PER_PHONE_DAY} bookings at this branch that day; open one from its link to move it, or cancel one first.`,
    );
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
    cancel_data: null,
  };
}
