import type { Migration } from "../migration";

/**
 * Per branch, at most this many online (portal) bookings per slot, so walk-ins keep room; null
 * lets online bookings take every operator scheduled. Staff bookings may use the full capacity.
 */
export const companyOnlineCap: Migration = {
  version: 12,
  name: "online-cap",
  statements: (s) => [
    `alter table ${s}.branches add column online_cap_per_slot integer
      constraint branches_online_cap_per_slot_check check (online_cap_per_slot between 1 and 1000)`,
  ],
};
