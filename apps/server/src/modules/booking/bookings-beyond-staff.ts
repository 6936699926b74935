import {
  TICKET_STATUS,
  daysBetween,
  generateSlots,
  localClock,
  formatClock,
  type SlotOperator,
  type WeeklyHours,
} from "@equeue/core";
import type { CompanyQueryDb } from "../queue";
import {
  findBookingBranch,
  findBookingService,
  readBookedCounts,
  readSetupSources,
} from "./booking.repository";
import { toDayException } from "./booking.mapper";

/** An edit of a staff member as far as it bears on their places in booked slots. */
export type StaffChange = {
  active?: boolean | undefined;
  role?: string | undefined;
  branchId?: string | null | undefined;
  serviceIds?: readonly string[] | undefined;
  weeklySchedule?: WeeklyHours | undefined;
};

/** A staff member as saved now (the staff module reads them): where and when they work. */
export type StaffNow = {
  id: string;
  active: boolean;
  role: string;
  branchId: string | null;
  /** The branches beside their own that they work at. */
  branchIds: readonly string[];
  serviceIds: readonly string[];
  weeklySchedule: WeeklyHours;
};

/** A booked time that the change leaves with fewer operators than bookings. */
export type ShortSlot = {
  branchId: string;
  serviceId: string;
  serviceName: { uz: string; ru?: string | undefined; en?: string | undefined };
  /** The branch's local day and time of the slot's start. */
  day: string;
  time: string;
  booked: number;
  /** Operators scheduled for the whole slot after the change. */
  places: number;
};

/**
 * The future booked times a staff member's edit (a new schedule, other services or branch,
 * deactivation) would leave short of operators: where the places fall below the bookings made.
 * Nothing is cancelled or changed — which customer to move is a person's choice; the admin is
 * told before saving. Only times whose places the change itself lowers are named, earliest
 * first. A staff member who is not active now holds no places, so nothing is short.
 */
export async function findSlotsShortOfStaff(
  db: CompanyQueryDb,
  staff: StaffNow,
  change: StaffChange,
  now: Date,
): Promise<ShortSlot[]> {
  if (!staff.active) return [];
  const staffId = staff.id;
  const extraBranches = staff.branchIds;
  const branches = [...new Set([staff.branchId, ...extraBranches])].filter(
    (b): b is string => b !== null,
  );
  const serviceIds = change.serviceIds ?? staff.serviceIds;
  const branchAfter = change.branchId !== undefined ? change.branchId : staff.branchId;
  const scheduleAfter = change.weeklySchedule ?? staff.weeklySchedule;
  const short: ShortSlot[] = [];
  for (const branchId of branches) {
    for (const serviceId of staff.serviceIds) {
      const stays =
        (change.active ?? true) &&
        (change.role ?? staff.role) === "OPERATOR" &&
        serviceIds.includes(serviceId) &&
        (branchAfter === branchId || extraBranches.includes(branchId));
      const after: SlotOperator | null = stays
        ? { id: staffId, weeklySchedule: scheduleAfter }
        : null;
      short.push(...(await shortSlotsOf(db, { branchId, serviceId, staffId, after, now })));
    }
  }
  return short.sort((a, b) => (a.day + a.time < b.day + b.time ? -1 : 1));
}

/** One branch's and service's booked times the staff member's new self (`after`) leaves short. */
async function shortSlotsOf(
  db: CompanyQueryDb,
  at: {
    branchId: string;
    serviceId: string;
    staffId: string;
    after: SlotOperator | null;
    now: Date;
  },
): Promise<ShortSlot[]> {
  const { branchId, serviceId, now } = at;
  const booked = await db
    .selectFrom("tickets")
    .select("appointment_at")
    .where("branch_id", "=", branchId)
    .where("service_id", "=", serviceId)
    .where("status", "=", TICKET_STATUS.BOOKED)
    .where("appointment_at", ">", now)
    .execute();
  if (booked.length === 0) return [];
  const [branch, service] = await Promise.all([
    findBookingBranch(db, { id: branchId }),
    findBookingService(db, branchId, serviceId),
  ]);
  if (!branch || !service) return [];
  const zone = branch.time_zone;
  const starts = booked.map((b) => new Date(b.appointment_at!).getTime());
  const today = localClock(now, zone).date;
  const lastDay = localClock(new Date(Math.max(...starts)), zone).date;
  const [sources, counts] = await Promise.all([
    readSetupSources(db, branchId, serviceId, today, lastDay),
    readBookedCounts(db, branchId, serviceId, today, lastDay),
  ]);
  const others = sources.operators
    .filter((o) => o.id !== at.staffId)
    .map((o) => ({ id: o.id, weeklySchedule: o.weekly_schedule as WeeklyHours }));
  const was = sources.operators.find((o) => o.id === at.staffId);
  const slotsWith = (operators: SlotOperator[]) =>
    new Map(
      generateSlots({
        timeZone: zone,
        weeklyHours: branch.weekly_hours as WeeklyHours,
        exceptions: sources.exceptions.map(toDayException),
        operators,
        serviceDurationMinutes: service.duration_minutes,
        horizonDays: Math.max(0, daysBetween(today, lastDay)),
        onlineCap: null,
        now,
        existingBookings: counts
          .filter((c) => c.appointment_at !== null)
          .map((c) => ({ start: new Date(c.appointment_at!), count: c.n })),
        fromDay: today,
        toDay: lastDay,
      }).map((s) => [s.start.getTime(), s]),
    );
  const before = slotsWith(
    was ? [...others, { id: was.id, weeklySchedule: was.weekly_schedule as WeeklyHours }] : others,
  );
  const after = slotsWith(at.after ? [...others, at.after] : others);
  const short: ShortSlot[] = [];
  for (const start of new Set(starts)) {
    const placesBefore = before.get(start)?.capacity ?? 0;
    const slot = after.get(start);
    const places = slot?.capacity ?? 0;
    const bookedThen = slot?.booked ?? starts.filter((s) => s === start).length;
    if (places >= placesBefore || bookedThen <= places) continue;
    const clock = localClock(new Date(start), zone);
    short.push({
      branchId,
      serviceId,
      serviceName: service.name as ShortSlot["serviceName"],
      day: clock.date,
      time: formatClock(clock.minutes),
      booked: bookedThen,
      places,
    });
  }
  return short;
}
