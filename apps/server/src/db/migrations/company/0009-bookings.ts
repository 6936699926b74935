import type { Migration } from "../migration";

/**
 * Booking a time on the portal.
 * - `booking_slots`: one row per (branch, service, slot start) that anybody tried to book. The
 *   row is never counted; it is the lock a booking takes (`select … for update`) before it
 *   counts the tickets holding the slot and inserts its own, in one transaction. Two customers
 *   asking for the last place queue on that row, so the database, not a check-then-insert,
 *   keeps a slot from being booked past its capacity.
 * - `tickets_booked_slot`: the count above, and the slot grid's "places left", read by index.
 * - `tickets_booking_phone_slot`: one open booking per phone number per slot.
 * - Branch settings for checking in: the window around the appointment time, and what happens
 *   to a booking whose customer has not checked in when it closes.
 */
export const companyBookings: Migration = {
  version: 9,
  name: "bookings",
  statements: (s) => [
    `create table ${s}.booking_slots (
      branch_id uuid not null references ${s}.branches(id) on delete cascade,
      service_id uuid not null references ${s}.services(id) on delete cascade,
      starts_at timestamptz not null,
      created_at timestamptz not null default now(),
      primary key (branch_id, service_id, starts_at))`,
    `create index tickets_booked_slot on ${s}.tickets (branch_id, service_id, appointment_at)
       where appointment_at is not null and status <> 'CANCELLED'`,
    `create unique index tickets_booking_phone_slot on ${s}.tickets (branch_id, service_id, appointment_at, customer_phone)
       where status = 'BOOKED' and customer_phone is not null`,
    `alter table ${s}.branches add column check_in_early_minutes integer not null default 15
       constraint branches_check_in_early_minutes_check check (check_in_early_minutes between 0 and 240)`,
    `alter table ${s}.branches add column check_in_late_minutes integer not null default 15
       constraint branches_check_in_late_minutes_check check (check_in_late_minutes between 0 and 240)`,
    `alter table ${s}.branches add column late_arrival text not null default 'WALK_IN'
       constraint branches_late_arrival_check check (late_arrival in ('WALK_IN','EXPIRE'))`,
  ],
};
