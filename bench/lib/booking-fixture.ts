/**
 * Set-up and bookkeeping of the `booking` benchmark: companies whose branches take bookings
 * around the clock (operators with weekly schedules, one 5-minute service), the slots a booker
 * asks for — hot ones everybody wants (the earliest free time of a few branches) and cold ones
 * spread over the horizon — and the audit that counts, per slot, the places held in the database.
 */
import { quoteIdent } from "@equeue/server/db";
import type { Platform } from "@equeue/server/platform";
import type { PgBench } from "./bench-env";
import { buildFixture } from "./queue-fixture";

/** Open around the clock every day (ISO weekday keys), so slots exist whenever the bench runs. */
const ALL_DAY = Object.fromEntries(
  ["1", "2", "3", "4", "5", "6", "7"].map((d) => [
    d,
    { open: "00:00", close: "24:00", breaks: [] },
  ]),
);

/** The fixture's service length: the slot grid's step too. */
export const SLOT_MINUTES = 5;

export type BookingTarget = {
  slug: string;
  schema: string;
  companyId: string;
  branchId: string;
  branchSlug: string;
  serviceId: string;
  /** Places per slot: the branch's operators, all scheduled all day. */
  capacity: number;
  /** Slot starts (epoch ms) from an hour ahead to the horizon, on the 5-minute grid. */
  slots: number[];
  /** Hot branches: the earliest slot not yet seen full; bookers rush it and the next ones. */
  front: number;
  full: Set<number>;
};

export type BookingFixture = { targets: BookingTarget[]; hot: BookingTarget[]; schemas: string[] };

export async function buildBookingFixture(
  bench: PgBench,
  setup: Platform,
  o: { companies: number; branches: number; capacity: number; hotBranches: number },
  log: (m: string) => void,
): Promise<BookingFixture> {
  const fx = await buildFixture(
    setup,
    bench.connect,
    {
      companies: o.companies,
      branchesPerCompany: o.branches,
      servicesPerBranch: 1,
      operatorsPerBranch: o.capacity,
      ticketsPerBranch: 0,
      slugPrefix: `bk${Math.random().toString(36).slice(2, 6)}`,
    },
    log,
  );
  const hours = JSON.stringify(ALL_DAY);
  const branchSlugs = new Map<string, string>();
  for (const c of fx.companies) {
    const s = quoteIdent(c.schema);
    // Only ACTIVE companies answer on the portal.
    await bench.exec(`update platform.companies set status = 'ACTIVE' where id = $1`, [c.id]);
    await bench.exec(`update ${s}.branches set weekly_hours = $1::jsonb`, [hours]);
    await bench.exec(`update ${s}.staff set weekly_schedule = $1::jsonb where role = 'OPERATOR'`, [
      hours,
    ]);
    await bench.exec(`update ${s}.services set duration_minutes = $1`, [SLOT_MINUTES]);
    for (const b of await bench.exec<{ id: string; slug: string }>(
      `select id, slug from ${s}.branches`,
    ))
      branchSlugs.set(b.id, b.slug);
  }
  // From an hour ahead (never "too soon", however long the run) to 13 days ahead (inside the
  // default 14-day horizon). Asia/Tashkent is UTC+5 all year, so the local grid is the UTC one.
  const step = SLOT_MINUTES * 60_000;
  const first = Math.ceil((Date.now() + 3_600_000) / step) * step;
  const count = Math.floor((13 * 86_400_000) / step);
  const slots = Array.from({ length: count }, (_, i) => first + i * step);
  const targets: BookingTarget[] = fx.branches.map((b) => ({
    slug: b.slug,
    schema: b.schema,
    companyId: b.companyId,
    branchId: b.branchId,
    branchSlug: branchSlugs.get(b.branchId)!,
    serviceId: b.serviceIds[0]!,
    capacity: o.capacity,
    slots,
    front: 0,
    full: new Set(),
  }));
  // Hot branches in different companies first, as a few popular offices would be.
  const byCompany = new Map<string, BookingTarget[]>();
  for (const t of targets) byCompany.set(t.slug, [...(byCompany.get(t.slug) ?? []), t]);
  const spread: BookingTarget[] = [];
  for (let i = 0; spread.length < targets.length; i++)
    for (const list of byCompany.values()) if (list[i]) spread.push(list[i]!);
  return {
    targets,
    hot: spread.slice(0, Math.max(1, o.hotBranches)),
    schemas: fx.companies.map((c) => c.schema),
  };
}

export type Attempt = { target: BookingTarget; index: number; hot: boolean };

/**
 * The next booker's wish: with probability `hotShare` one of the `hotWidth` earliest slots not
 * yet seen full at a hot branch, else a random slot of any branch over the horizon.
 */
export function pickAttempt(
  fx: BookingFixture,
  o: { hotShare: number; hotWidth: number },
): Attempt {
  if (Math.random() < o.hotShare) {
    const target = fx.hot[Math.floor(Math.random() * fx.hot.length)]!;
    const index = Math.min(
      target.front + Math.floor(Math.random() * o.hotWidth),
      target.slots.length - 1,
    );
    return { target, index, hot: true };
  }
  const target = fx.targets[Math.floor(Math.random() * fx.targets.length)]!;
  return { target, index: Math.floor(Math.random() * target.slots.length), hot: false };
}

/** A refusal said the slot is full: later hot bookers move on to the next time. */
export function markFull(a: Attempt): void {
  if (!a.hot) return;
  a.target.full.add(a.index);
  while (a.target.full.has(a.target.front)) a.target.front++;
}

let phones = 0;
/** A fresh Uzbek mobile number per booking (the per-phone limit is 3 in 10 minutes). */
export const nextPhone = () => `+99890${String(1_000_000 + (++phones % 9_000_000)).slice(-7)}`;

let addresses = 0;
/** A client address per request, sent as X-Forwarded-For (the per-address limit is 10 in 10 minutes). */
export const nextAddress = () => {
  const n = ++addresses;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/**
 * Counts, per (branch, service, start), the tickets holding a place — every booking not cancelled —
 * against the slot's capacity (the branch's active operators, all scheduled). Overbookings are the
 * places held beyond capacity, summed over slots.
 */
export async function bookingAudit(bench: PgBench, schemas: string[]) {
  let bookings = 0;
  let overbookings = 0;
  let overbookedSlots = 0;
  let fullSlots = 0;
  let slotsTouched = 0;
  for (const schema of schemas) {
    const s = quoteIdent(schema);
    const [r] = await bench.exec<{
      bookings: number;
      over: number;
      over_slots: number;
      full_slots: number;
      slots: number;
    }>(
      `with cap as (
         select branch_id, count(*)::int as n from ${s}.staff
         where role = 'OPERATOR' and is_active group by branch_id),
       held as (
         select t.branch_id, t.service_id, t.appointment_at, count(*)::int as n
         from ${s}.tickets t
         where t.appointment_at is not null and t.status <> 'CANCELLED'
         group by 1, 2, 3)
       select coalesce(sum(h.n), 0)::int as bookings,
              coalesce(sum(greatest(h.n - cap.n, 0)), 0)::int as over,
              count(*) filter (where h.n > cap.n)::int as over_slots,
              count(*) filter (where h.n = cap.n)::int as full_slots,
              count(*)::int as slots
       from held h join cap on cap.branch_id = h.branch_id`,
    );
    bookings += r!.bookings;
    overbookings += r!.over;
    overbookedSlots += r!.over_slots;
    fullSlots += r!.full_slots;
    slotsTouched += r!.slots;
  }
  return { bookings, overbookings, overbookedSlots, fullSlots, slotsTouched };
}
