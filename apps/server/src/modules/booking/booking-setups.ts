import { addDays, localClock } from "@equeue/core";
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../../db/database";
import { notFound } from "../../shared/app-error";
import type { SlotClaim, SlotClaims } from "../queue";
import { companyDb, type CompanyRecord } from "../tenancy";
import { findBookingBranch, findBookingService, readSetupSources } from "./booking.repository";
import { onlineSlotAt, slotClaim, staffSlotAt, type BookingSetup } from "./booking-slots.service";

/** How long a branch's booking set-up is kept without a change being heard of. */
export const BOOKING_SETUP_TTL_MS = 10_000;

/** Enough for a booking already past its checks to commit (its transaction takes milliseconds). */
export const BOOKINGS_IN_FLIGHT_MS = 250;

/**
 * After an admin's change to what can be booked (hours, the services a branch offers), just
 * saved: bookings from now on read the new set-up (the kept one is dropped at once, not when
 * the answer goes out), and those already in their transaction on the old one are given a
 * moment to commit, so that a cancelling pass after this finds them too.
 */
export async function settleBookingsInFlight(
  deps: { bookings: BookingSetups },
  company: CompanyRecord,
): Promise<void> {
  deps.bookings.invalidate(company.id);
  await sleep(BOOKINGS_IN_FLIGHT_MS);
}

type Entry = { at: number; setup: Promise<BookingSetup | null> };

/**
 * The booking calendar's inputs per branch and service, kept briefly so a booking or a slot
 * list does not read the whole set-up every time (the bench's hot path read 5 statements of it
 * per booking). Every successful change under the company's admin API drops the company's
 * entries (app.ts); on several nodes another node's change is seen within the TTL. Bookings
 * themselves are never kept: the slot's locked count decides, and slot lists read them fresh.
 *
 * Also the queue's SlotClaims: a ticket issued with an appointment time, by staff or the portal,
 * holds its slot through `claim`, with the same lock and count as every booking.
 */
export class BookingSetups implements SlotClaims {
  private readonly byCompany = new Map<string, Map<string, Entry>>();

  constructor(
    private readonly db: Db,
    private readonly ttlMs = BOOKING_SETUP_TTL_MS,
  ) {}

  /** Forgets what was kept for a company (all of it, when none is named). */
  invalidate(companyId?: string): void {
    if (companyId === undefined) this.byCompany.clear();
    else this.byCompany.delete(companyId);
  }

  /** The set-up of a branch (by slug or id) and service; null when either is not there. */
  async get(
    company: CompanyRecord,
    branch: { slug: string } | { id: string },
    serviceId: string,
    now: Date,
  ): Promise<BookingSetup | null> {
    const key = `${"slug" in branch ? `s:${branch.slug}` : `i:${branch.id}`}:${serviceId}`;
    let entries = this.byCompany.get(company.id);
    if (!entries) this.byCompany.set(company.id, (entries = new Map()));
    const hit = entries.get(key);
    const t = Date.now();
    if (hit && t - hit.at < this.ttlMs) return hit.setup;
    const setup = this.read(company, branch, serviceId, now);
    const entry = { at: t, setup };
    entries.set(key, entry);
    // A missing branch or a failed read is not kept: the next request asks again.
    const drop = () => entries.get(key) === entry && entries.delete(key);
    setup.then((s) => s ?? drop(), drop);
    return setup;
  }

  private async read(
    company: CompanyRecord,
    by: { slug: string } | { id: string },
    serviceId: string,
    now: Date,
  ): Promise<BookingSetup | null> {
    const db = companyDb(this.db, company);
    const branch = await findBookingBranch(db, by);
    // No branch says so; null is left for a service that is not there.
    if (!branch) throw notFound("The branch");
    const first = localClock(now, branch.time_zone).date;
    // A day past the horizon: the set-up outlives midnight by up to the TTL.
    const last = addDays(first, branch.booking_horizon_days + 1);
    const [service, sources] = await Promise.all([
      findBookingService(db, branch.id, serviceId),
      readSetupSources(db, branch.id, serviceId, first, last),
    ]);
    if (!service) return null;
    return { branch, service, ...sources };
  }

  /** The queue's claim for a booking at `startsAt` (see SlotClaims). */
  async claim(
    company: CompanyRecord,
    slot: { branchId: string; serviceId: string; startsAt: Date; online: boolean },
    now: Date,
  ): Promise<SlotClaim> {
    const setup = await this.get(company, { id: slot.branchId }, slot.serviceId, now);
    if (!setup) throw notFound("The service");
    const at = slot.online
      ? onlineSlotAt(setup, slot.startsAt, now)
      : staffSlotAt(setup, slot.startsAt, now);
    return slotClaim(company.schema_name, setup, at);
  }
}
