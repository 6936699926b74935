import { TICKET_ACTION, TICKET_STATUS, businessDay, decideCheckIn } from "@equeue/core";
import { sql } from "kysely";
import { AppError, notFound } from "../../shared/app-error";
import { isUniqueViolation } from "../../shared/db-errors";
import { checkInClosed, checkInRulesOf } from "../queue";
import { runQueueTransaction, type QueueDeps, type QueueTx } from "../queue";
import { TICKET_EVENT, type CompanyQueryDb } from "../queue";
import { applyTransition, cancelAsHolder, ticketFact } from "../queue";
import { ticketLabelSql, updateTicketWithEvent } from "../queue";
import type { CompanyRecord } from "../tenancy";
import { alreadyBooked, type BookingDeps } from "./book-time.command";
import {
  findBookingByToken,
  lockBookingByToken,
  lockSlotAndCount,
  type BookingRow,
} from "./booking.repository";
import { bookableOnline, onlineSlotAt, slotFull, slotKeyOf } from "./booking-slots.service";

// The customer acts with the ticket's token; the event log records no staff member.
const CUSTOMER = { staffId: null, counterId: null };

const viewOf = (row: BookingRow, changed: Partial<BookingRow>): BookingRow => ({
  ...row,
  ...changed,
});

async function lockBooking(tx: QueueTx, token: string): Promise<BookingRow> {
  const row = await lockBookingByToken(tx.db, token);
  if (!row) throw notFound("The booking");
  return row;
}

/** "14:45" on the branch's clock, as the customer reads the time on their ticket. */
const clockTime = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);

const notBooked = (row: BookingRow) =>
  new AppError(
    "INVALID_STATE",
    row.status === TICKET_STATUS.CANCELLED
      ? "This booking was cancelled."
      : row.status === TICKET_STATUS.BOOKED
        ? "This booking cannot be changed now."
        : "This booking is already checked in or over; it cannot be changed.",
  );

/**
 * The customer checks in from the ticket page. Inside the branch's window the ticket joins the
 * line queued at its appointment time (so call-next serves it at its time); after it, the
 * branch's rule decides: it joins now like a walk-in, or the booking is over.
 */
export async function checkInBooking(
  deps: QueueDeps,
  company: CompanyRecord,
  token: string,
  now = new Date(),
  by: "CUSTOMER" | "KIOSK" = "CUSTOMER",
): Promise<BookingRow> {
  return runQueueTransaction(deps, company, async (tx) => {
    const row = await lockBooking(tx, token);
    if (row.status !== TICKET_STATUS.BOOKED) throw notBooked(row);
    const decision = decideCheckIn(row.appointment_at!, now, checkInRulesOf(row));
    if (decision.kind === "TOO_EARLY") {
      // Another day is named: "at 11:45" alone reads as today.
      const day = businessDay(decision.opensAt, row.time_zone);
      const onDay = day === businessDay(now, row.time_zone) ? "" : ` on ${day}`;
      throw new AppError(
        "CHECK_IN_NOT_OPEN",
        `Check-in opens ${row.check_in_early_minutes} minutes before your time, at ${clockTime(decision.opensAt, row.time_zone)}${onDay}; come back then.`,
        { details: [{ path: "opensAt", message: decision.opensAt.toISOString() }] },
      );
    }
    if (decision.kind === "TOO_LATE") {
      throw checkInClosed();
    }
    const { row: changed } = await applyTransition(tx, row, TICKET_ACTION.CHECK_IN, {
      ctx: { now },
      actor: CUSTOMER,
      extra: { queued_at: decision.queuedAt },
      data: { by, late: decision.kind === "WALK_IN" },
    });
    const view = viewOf(row, changed);
    tx.facts.push(ticketFact(view, TICKET_ACTION.CHECK_IN, row.status, now));
    return view;
  });
}

/** The holder cancels a booking (or a checked-in one still waiting); its place is free again. */
export async function cancelBooking(
  deps: QueueDeps,
  company: CompanyRecord,
  token: string,
  now = new Date(),
): Promise<BookingRow> {
  return runQueueTransaction(deps, company, async (tx) => {
    const cancelled = await cancelAsHolder(tx, await lockBooking(tx, token), now, notBooked);
    // The row was read before its CANCEL event was written: the answer says whose it was.
    return { ...cancelled, cancel_data: { by: "CUSTOMER" } };
  });
}

/**
 * The holder moves a booking to another offered time. One transaction takes the new slot's lock
 * and counts its places (this booking aside) before the ticket's time changes, so the new place
 * is held before the old one is given up; a full slot leaves the booking as it was. Moving to
 * another day gives the ticket the next number of that day.
 */
export async function rescheduleBooking(
  deps: BookingDeps,
  db: CompanyQueryDb,
  company: CompanyRecord,
  token: string,
  startsAt: Date,
  now = new Date(),
): Promise<BookingRow> {
  const current = await findBookingByToken(db, token);
  if (!current) throw notFound("The booking");
  if (current.status !== TICKET_STATUS.BOOKED) throw notBooked(current);
  if (current.appointment_at!.getTime() === startsAt.getTime()) return current;
  const setup = bookableOnline(
    await deps.bookings.get(company, { id: current.branch_id }, current.service_id, now),
  );
  // Bookings are not read here: the count under the slot's lock, this booking aside, decides.
  const slot = onlineSlotAt(setup, startsAt, now);
  try {
    return await runQueueTransaction(deps, company, async (tx) => {
      const row = await lockBooking(tx, token);
      if (row.status !== TICKET_STATUS.BOOKED) throw notBooked(row);
      const taken = await lockSlotAndCount(tx.db, tx.schema, slotKeyOf(setup, startsAt), row.id);
      if (taken >= slot.capacity) throw slotFull();
      const day = businessDay(startsAt, row.time_zone);
      const numbering = day === row.day ? {} : await nextNumber(tx, row, day);
      const changed = await updateTicketWithEvent(
        tx.db,
        tx.schema,
        row.id,
        TICKET_STATUS.BOOKED,
        { appointment_at: startsAt, day, ...numbering, updated_at: now },
        {
          at: now,
          type: TICKET_EVENT.RESCHEDULE,
          actor: CUSTOMER,
          data: { by: "CUSTOMER", from: row.appointment_at, to: startsAt },
        },
      );
      if (!changed) throw notBooked(row);
      const view = viewOf(row, changed);
      tx.facts.push(ticketFact(view, TICKET_EVENT.RESCHEDULE, row.status, now));
      return view;
    });
  } catch (err) {
    if (isUniqueViolation(err, "tickets_booking_phone_slot")) throw alreadyBooked();
    throw err;
  }
}

/** The next number of the ticket's series on `day` (the same counter row issuing uses). */
async function nextNumber(tx: QueueTx, row: BookingRow, day: string) {
  const result = await sql<{ number: number; label: string }>`
    insert into ${sql.id(tx.schema, "ticket_series")} (branch_id, day, series, last_number)
    values (${row.branch_id}, ${day}, ${row.series}, 1)
    on conflict (branch_id, day, series)
      do update set last_number = ticket_series.last_number + 1
    returning last_number as number,
      ${ticketLabelSql(sql`${row.series}::text`, sql.ref("last_number"))} as label`.execute(tx.db);
  return result.rows[0]!;
}
