import { TICKET_STATUS } from "@equeue/core";
import { AppError } from "../../shared/app-error";
import { isUniqueViolation } from "../../shared/db-errors";
import { anonymousCaller } from "../access";
import { issueTicket } from "../queue";
import type { QueueDeps } from "../queue";
import type { CompanyQueryDb } from "../queue";
import type { CompanyRecord } from "../tenancy";
import { lockSlotAndCount } from "./booking.repository";
import { getBookableTarget, getSlotAt, slotFull } from "./booking-slots.service";

export type BookTimeInput = {
  branchId: string;
  serviceId: string;
  startsAt: Date;
  phone: string;
  name?: string | null | undefined;
  email?: string | null | undefined;
  language?: "uz" | "ru" | "en" | null | undefined;
};

export const alreadyBooked = () =>
  new AppError(
    "ALREADY_BOOKED",
    "This phone number already has a booking at this time. Open it from the link you got.",
  );

/**
 * "Book a time" from the portal: a BOOKED ticket (source ONLINE) at one of the offered slots.
 * The slot is checked with core (on the grid, someone scheduled, inside the horizon), then the
 * ticket is issued through the queue's one issue command, whose transaction first takes the
 * slot's lock and counts its places: the database keeps the capacity, whoever asks at once.
 */
export async function bookTime(
  deps: QueueDeps,
  db: CompanyQueryDb,
  company: CompanyRecord,
  input: BookTimeInput,
  now = new Date(),
) {
  const target = await getBookableTarget(db, { id: input.branchId }, input.serviceId);
  const slot = await getSlotAt(db, target, input.startsAt, now);
  try {
    const ticket = await issueTicket(
      deps,
      company,
      // A portal visitor: the caller makes it an online ticket.
      anonymousCaller(company.id),
      {
        branchId: target.branch.id,
        serviceId: target.service.id,
        customerPhone: input.phone,
        customerName: input.name ?? null,
        customerEmail: input.email ?? null,
        appointmentAt: slot.start,
        language: input.language ?? null,
      },
      {
        now,
        claim: async (tx) => {
          const taken = await lockSlotAndCount(tx.db, {
            branchId: target.branch.id,
            serviceId: target.service.id,
            startsAt: slot.start,
            durationMinutes: target.service.duration_minutes,
          });
          if (taken >= slot.capacity) throw slotFull();
        },
      },
    );
    if (ticket.status !== TICKET_STATUS.BOOKED) throw new Error("a booking must be BOOKED");
    return ticket;
  } catch (err) {
    if (isUniqueViolation(err, "tickets_booking_phone_slot")) throw alreadyBooked();
    throw err;
  }
}
