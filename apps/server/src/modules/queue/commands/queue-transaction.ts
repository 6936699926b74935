import type { Db } from "../../../db/database";
import { AppError } from "../../../shared/app-error";
import { isUniqueViolation } from "../../../shared/db-errors";
import { companyDb, type CompanyRecord } from "../../tenancy";
import { mapQueueError } from "../queue-errors";
import type { CompanyQueryDb, QueueFact, QueuePublisher, SlotClaims } from "../queue.types";

/** The named unique index refused the row (on PostgreSQL, PGlite, or a Citus worker's shard). */
export const isUniqueViolationOf = (err: unknown, index: string): boolean =>
  isUniqueViolation(err, index);

/**
 * The database refused a second open place for one phone number in a line (portal or API).
 * The index's name before it covered the API too is still there where that migration waits.
 */
export const isSecondPlaceForPhone = (err: unknown): boolean =>
  isUniqueViolation(err, "tickets_phone_open") ||
  isUniqueViolation(err, "tickets_online_phone_open");

/**
 * `events` hears of every committed change (the event dispatcher: realtime first); `bookings`
 * holds a booking's slot when a ticket is issued with an appointment time (no bookings without).
 */
export type QueueDeps = { db: Db; events: QueuePublisher; bookings?: SlotClaims };

/** What a command gets inside its transaction: the company's tables and a list to record facts. */
export type QueueTx = { db: CompanyQueryDb; facts: QueueFact[]; schema: string };

/**
 * Runs a queue command in one transaction. Facts it records are published only after the
 * commit, so no screen ever shows a change that was rolled back; the durable copy of each
 * change is the ticket_events row the command wrote in the same statement (ADR 0004). Domain refusals (QueueError)
 * become AppErrors; a race on "one open ticket per operator" or a second open place for one
 * phone number becomes a clear 409.
 */
export async function runQueueTransaction<T>(
  deps: QueueDeps,
  company: CompanyRecord,
  fn: (tx: QueueTx) => Promise<T>,
  opts: { singleStatement?: boolean } = {},
): Promise<T> {
  const facts: QueueFact[] = [];
  let result: T;
  try {
    // A command whose every write is one statement is atomic without BEGIN/COMMIT round trips.
    result = opts.singleStatement
      ? await fn({ db: companyDb(deps.db, company), facts, schema: company.schema_name })
      : await deps.db
          .transaction()
          .execute((trx) =>
            fn({ db: companyDb(trx, company), facts, schema: company.schema_name }),
          );
  } catch (err) {
    if (isUniqueViolationOf(err, "tickets_operator_open")) {
      throw new AppError(
        "TICKET_IN_PROGRESS",
        "You already have a customer called or at your counter; finish that ticket first.",
      );
    }
    if (isSecondPlaceForPhone(err)) {
      // Taken on the portal or the API, moved here by a transfer, or a booking checked in.
      throw new AppError(
        "ALREADY_IN_QUEUE",
        "This phone number already has a place in this queue; follow that ticket, or finish or cancel it first.",
      );
    }
    if (isUniqueViolationOf(err, "tickets_booking_phone_slot")) {
      // Staff or the portal booking one phone number twice at one time.
      throw new AppError(
        "ALREADY_BOOKED",
        "This phone number already has a booking at this time. Open it from the link you got.",
      );
    }
    throw mapQueueError(err);
  }
  if (facts.length > 0) deps.events.publish(company, facts);
  return result;
}
