import type { Selectable } from "kysely";
import type { BranchExceptionsTable, BranchesTable } from "../../db/tables";
import { shortTime } from "../setup-common";
import type { BranchDto } from "./branch.schema";

export type BranchRow = Selectable<BranchesTable>;

/** The API's view of a branch row. */
export const toBranchDto = (b: BranchRow): BranchDto => ({
  id: b.id,
  slug: b.slug,
  code: b.code,
  name: b.name,
  address: b.address,
  latitude: b.latitude,
  longitude: b.longitude,
  phone: b.phone,
  timeZone: b.time_zone,
  status: b.status,
  weeklyHours: b.weekly_hours as BranchDto["weeklyHours"],
  settings: {
    numberScheme: b.number_scheme,
    noShowGraceSeconds: b.no_show_grace_seconds,
    dailyTicketLimit: b.daily_ticket_limit,
    bookingHorizonDays: b.booking_horizon_days,
    onlineCapPerSlot: b.online_cap_per_slot,
    keepOvernight: b.keep_overnight,
    checkInEarlyMinutes: b.check_in_early_minutes,
    checkInLateMinutes: b.check_in_late_minutes,
    lateArrival: b.late_arrival,
  },
  createdAt: b.created_at,
  updatedAt: b.updated_at,
});

export const toExceptionDto = (e: Selectable<BranchExceptionsTable>) => ({
  id: e.id,
  branchId: e.branch_id,
  day: e.day,
  kind: e.kind,
  opensAt: shortTime(e.opens_at),
  closesAt: shortTime(e.closes_at),
  note: e.note,
  createdAt: e.created_at,
});
