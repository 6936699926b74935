import { TICKET_STATUS } from "@equeue/core";
import { AppError, notFound } from "../../shared/app-error";
import type { CompanyQueryDb, QueueDeps } from "../queue";
import type { CompanyRecord } from "../tenancy";
import { checkInBooking } from "./booking-changes.command";
import type { BookingRow } from "./booking.repository";
import { checkInCodeOf } from "./check-in-code";

const DAY_MS = 86_400_000;
/** How far around now a typed code is looked for: yesterday's late bookings to next week's. */
const CODE_SPAN = { backDays: 1, aheadDays: 8 } as const;

/** What the customer shows the kiosk: the code on their booking, or its QR's tracking token. */
export type KioskCheckInInput = { code: string } | { token: string };

const noBooking = () => notFound("A booking with this code at this branch");

/** The booking's token a typed code names among this branch's bookings around now. */
async function tokenOfCode(db: CompanyQueryDb, branchId: string, code: string, now: Date) {
  const rows = await db
    .selectFrom("tickets")
    .select(["token", "status"])
    .where("branch_id", "=", branchId)
    .where("status", "<>", TICKET_STATUS.CANCELLED)
    .where("appointment_at", ">=", new Date(now.getTime() - CODE_SPAN.backDays * DAY_MS))
    .where("appointment_at", "<", new Date(now.getTime() + CODE_SPAN.aheadDays * DAY_MS))
    .execute();
  const matches = rows.filter((r) => checkInCodeOf(r.token) === code);
  // A clash of two open bookings is refused, never guessed: the QR code names one for sure.
  const open = matches.filter((r) => r.status === TICKET_STATUS.BOOKED);
  if (open.length > 1) {
    throw new AppError(
      "INVALID_STATE",
      "This code names more than one booking here; scan the booking's QR code instead.",
    );
  }
  const match = open[0] ?? matches[0];
  if (!match) throw noBooking();
  return match.token;
}

/** The token of a scanned ticket, when it is a booking of this branch. */
async function tokenOfScan(db: CompanyQueryDb, branchId: string, token: string) {
  const row = await db
    .selectFrom("tickets")
    .select(["branch_id", "appointment_at"])
    .where("token", "=", token)
    .executeTakeFirst();
  // Another branch's ticket is not this kiosk's business: it answers as if it did not exist.
  if (!row || row.branch_id !== branchId) throw noBooking();
  if (row.appointment_at === null) {
    throw new AppError(
      "INVALID_STATE",
      "This ticket is not a booking: it already has its place in the line.",
    );
  }
  return token;
}

/**
 * A booked customer checks in at a kiosk of the booking's branch, by the code on the booking or
 * its scanned QR code: the same check-in as on the ticket page (the window, the late rule), with
 * the kiosk recorded as the one who checked it in.
 */
export async function checkInAtKiosk(
  deps: QueueDeps,
  db: CompanyQueryDb,
  company: CompanyRecord,
  branchId: string,
  input: KioskCheckInInput,
  now = new Date(),
): Promise<BookingRow> {
  const token =
    "code" in input
      ? await tokenOfCode(db, branchId, input.code, now)
      : await tokenOfScan(db, branchId, input.token);
  return checkInBooking(deps, company, token, now, "KIOSK");
}
