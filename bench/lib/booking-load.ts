/**
 * The load of the `booking` benchmark: booking attempts over HTTP (the portal's POST
 * /portal/bookings) or raw (the app's bookTime command on plain connections), run closed-loop
 * by N clients for a while, or paced at a fixed rate. Each attempt ends booked, refused because
 * the slot is full (SLOT_FULL: the expected answer for most hot-slot bookers), or in error.
 */
import { BookingSetups, bookTime } from "@equeue/server/booking";
import type { Db } from "@equeue/server/db";
import type { CompanyRecord } from "@equeue/server/queue";
import {
  markFull,
  nextAddress,
  nextPhone,
  pickAttempt,
  type Attempt,
  type BookingFixture,
} from "./booking-fixture";
import type { HttpClient } from "./http";
import { round, summarize } from "./stats";

/** "booked", "full", or an error description. */
export type Outcome = string;
export type AttemptFn = (a: Attempt) => Promise<Outcome>;
export type Mix = { hotShare: number; hotWidth: number };

export const httpAttempt =
  (http: HttpClient): AttemptFn =>
  async (a) => {
    const res = await http.request("POST", `/api/c/${a.target.slug}/portal/bookings`, {
      body: {
        branchId: a.target.branchId,
        serviceId: a.target.serviceId,
        startsAt: new Date(a.target.slots[a.index]!).toISOString(),
        phone: nextPhone(),
      },
      // The server trusts the proxy's header (TRUST_PROXY): each booker has an address of its own.
      headers: { "x-forwarded-for": nextAddress() },
    });
    if (res.status === 201) return "booked";
    if (res.status === 409 && res.body.includes('"SLOT_FULL"')) return "full";
    return `${res.status} ${res.body}`;
  };

/** The same booking through the app's command on plain connections: no HTTP, JSON or limits. */
export const rawAttempt = (db: Db): AttemptFn => {
  // The app's own set-up cache, as the server keeps it (one per process).
  const deps = { db, events: { publish: () => {} }, bookings: new BookingSetups(db) };
  return async (a) => {
    const company = {
      id: a.target.companyId,
      schema_name: a.target.schema,
      slug: a.target.slug,
    } as CompanyRecord;
    try {
      await bookTime(deps, company, {
        branchId: a.target.branchId,
        serviceId: a.target.serviceId,
        startsAt: new Date(a.target.slots[a.index]!),
        phone: nextPhone(),
      });
      return "booked";
    } catch (err) {
      if ((err as { code?: string }).code === "SLOT_FULL") return "full";
      return String(err);
    }
  };
};

export class Tally {
  attempts = 0;
  booked = 0;
  refused = 0;
  errors = 0;
  behind = 0;
  readonly lat: number[] = [];
  readonly bookedLat: number[] = [];
  readonly samples: string[] = [];
  seconds = 0;

  async one(fx: BookingFixture, mix: Mix, attempt: AttemptFn): Promise<void> {
    const a = pickAttempt(fx, mix);
    const t = performance.now();
    let outcome: Outcome;
    try {
      outcome = await attempt(a);
    } catch (err) {
      outcome = String(err);
    }
    const ms = performance.now() - t;
    this.attempts++;
    this.lat.push(ms);
    if (outcome === "booked") {
      this.booked++;
      this.bookedLat.push(ms);
    } else if (outcome === "full") {
      this.refused++;
      markFull(a);
    } else {
      this.errors++;
      if (this.samples.length < 8) this.samples.push(outcome.slice(0, 300));
    }
  }

  summary() {
    const all = summarize(this.lat);
    const booked = summarize(this.bookedLat);
    return {
      attempts: this.attempts,
      booked: this.booked,
      refused_full: this.refused,
      errors: this.errors,
      seconds: round(this.seconds),
      attempts_per_s: round(this.attempts / this.seconds),
      booked_per_s: round(this.booked / this.seconds),
      p50_ms: round(all.p50),
      p90_ms: round(all.p90),
      p99_ms: round(all.p99),
      max_ms: round(all.max),
      booked_p50_ms: round(booked.p50),
      booked_p99_ms: round(booked.p99),
      ...(this.behind && { behind_ticks: this.behind }),
    };
  }
}

/** `clients` bookers, each trying again as soon as it has its answer, for `seconds`. */
export async function closedLoop(
  fx: BookingFixture,
  mix: Mix,
  attempt: AttemptFn,
  o: { clients: number; seconds: number },
): Promise<Tally> {
  const tally = new Tally();
  const started = performance.now();
  const deadline = started + o.seconds * 1000;
  await Promise.all(
    Array.from({ length: o.clients }, async () => {
      while (performance.now() < deadline) await tally.one(fx, mix, attempt);
    }),
  );
  tally.seconds = (performance.now() - started) / 1000;
  return tally;
}

/**
 * Attempts started at `rate` per second for `seconds` (open loop: a slow answer does not delay
 * the next booker), at most `maxInFlight` at once; a tick that finds none free counts as behind.
 */
export async function paced(
  fx: BookingFixture,
  mix: Mix,
  attempt: AttemptFn,
  o: { rate: number; seconds: number; maxInFlight: number },
): Promise<Tally> {
  const tally = new Tally();
  const inflight = new Set<Promise<void>>();
  const begin = performance.now();
  const deadline = begin + o.seconds * 1000;
  let started = 0;
  while (performance.now() < deadline) {
    const due = Math.floor(((performance.now() - begin) / 1000) * o.rate);
    while (started < due) {
      if (inflight.size >= o.maxInFlight) {
        tally.behind++;
        break;
      }
      started++;
      const p = tally.one(fx, mix, attempt).finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(inflight);
  tally.seconds = (performance.now() - begin) / 1000;
  return tally;
}
