import { z } from "zod";
import { LIST_MAX, listOf } from "./answer-lists";
import { BRANCH_STATUSES, EXCEPTION_KINDS, LATE_ARRIVAL, NUMBER_SCHEME } from "../branch";
import { CHECKLIST_KEYS, COMPANY_STATUSES } from "../company";
import { STAFF_ROLES } from "../staff";
import { i18nTextSchema } from "./queue-views";
import { TEXT_MAX } from "./answer-text";

/**
 * What the server answers to a company's set-up (`/api/c/{slug}/admin/…`): branches, their
 * exceptions and services, services, counters, staff (with their weekly schedules), the overview
 * and branding. The server serialises with these; the web reads their types through `Wire<…>`.
 */

/** Optional text in up to three languages. */
export const i18nPartialSchema = z.object({
  uz: z.string().max(TEXT_MAX.translated).optional(),
  ru: z.string().max(TEXT_MAX.translated).optional(),
  en: z.string().max(TEXT_MAX.translated).optional(),
});

export const timeRangeSchema = z.object({
  start: z.string().max(TEXT_MAX.time),
  end: z.string().max(TEXT_MAX.time),
});
export const dayHoursSchema = z.object({
  open: z.string().max(TEXT_MAX.time),
  close: z.string().max(TEXT_MAX.time),
  breaks: listOf(LIST_MAX.breaks, timeRangeSchema),
});
/** ISO weekdays "1" (Monday) … "7" (Sunday) → hours; a missing day is closed. */
export const weeklyHoursSchema = z.record(z.string(), dayHoursSchema);

export const branchSettingsSchema = z.object({
  numberScheme: z.enum(NUMBER_SCHEME),
  noShowGraceSeconds: z.number(),
  dailyTicketLimit: z.number().nullable(),
  bookingHorizonDays: z.number(),
  onlineCapPerSlot: z.number().nullable(),
  keepOvernight: z.boolean(),
  checkInEarlyMinutes: z.number(),
  checkInLateMinutes: z.number(),
  lateArrival: z.enum(LATE_ARRIVAL),
});
export type BranchSettingsDto = z.infer<typeof branchSettingsSchema>;

export const branchSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  slug: z.string().max(TEXT_MAX.slug),
  code: z.string().max(TEXT_MAX.code),
  name: i18nTextSchema,
  address: i18nPartialSchema,
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  phone: z.string().max(TEXT_MAX.phone).nullable(),
  timeZone: z.string().max(TEXT_MAX.timeZone),
  status: z.enum(BRANCH_STATUSES),
  weeklyHours: weeklyHoursSchema,
  settings: branchSettingsSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type BranchDto = z.infer<typeof branchSchema>;

/** The answer to editing a branch: it, and how many bookings its new hours had no room for. */
export const updatedBranchSchema = branchSchema.extend({
  cancelledBookings: z
    .number()
    .int()
    .describe("Future bookings cancelled because the new hours or time zone have no room for them"),
});
export type UpdatedBranchDto = z.infer<typeof updatedBranchSchema>;

/** The bookings hours would cancel if saved: how many, and on which local days. */
export const hoursPreviewSchema = z.object({
  bookingsOutside: z.number().int(),
  days: listOf(
    LIST_MAX.previewDays,
    z.object({ day: z.string().max(TEXT_MAX.day), bookings: z.number().int() }),
  ).describe("The earliest days with bookings outside the hours, with how many on each"),
});
export type HoursPreviewDto = z.infer<typeof hoursPreviewSchema>;

export const branchExceptionSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  branchId: z.string().max(TEXT_MAX.id),
  day: z.string().max(TEXT_MAX.day),
  kind: z.enum(EXCEPTION_KINDS),
  opensAt: z.string().max(TEXT_MAX.time).nullable(),
  closesAt: z.string().max(TEXT_MAX.time).nullable(),
  note: z.string().max(TEXT_MAX.note).nullable(),
  createdAt: z.date(),
});
export type BranchExceptionDto = z.infer<typeof branchExceptionSchema>;

/** The answer to adding an exception: it, and how many of the day's bookings it cancelled. */
export const addedExceptionSchema = branchExceptionSchema.extend({
  cancelledBookings: z.number().int().describe("Bookings cancelled for this day"),
});
export type AddedExceptionDto = z.infer<typeof addedExceptionSchema>;

export const branchServiceSchema = z.object({
  serviceId: z.string().max(TEXT_MAX.id),
  enabled: z.boolean(),
  letter: z.string().max(TEXT_MAX.letter),
  name: i18nTextSchema,
  active: z.boolean(),
  bookings: z
    .number()
    .int()
    .describe("Bookings of this service at the branch not yet checked in (paused: cancelled)"),
});
export type BranchServiceDto = z.infer<typeof branchServiceSchema>;

/** The answer to setting a branch's services: them, and the bookings the change cancelled. */
export const savedBranchServicesSchema = z.object({
  items: listOf(LIST_MAX.services, branchServiceSchema),
  cancelledBookings: z
    .number()
    .int()
    .describe("Bookings cancelled because their service is no longer offered at the branch"),
});
export type SavedBranchServicesDto = z.infer<typeof savedBranchServicesSchema>;

export const serviceAssignmentSchema = z.object({
  branchId: z.string().max(TEXT_MAX.id),
  enabled: z.boolean(),
  bookings: z.number().int().describe("The service's bookings at this branch not yet checked in"),
});
export type ServiceAssignmentDto = z.infer<typeof serviceAssignmentSchema>;

export const serviceSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  code: z.string().max(TEXT_MAX.code),
  letter: z.string().max(TEXT_MAX.letter),
  name: i18nTextSchema,
  description: i18nPartialSchema,
  durationMinutes: z.number(),
  priority: z.number(),
  headStartSeconds: z.number(),
  nearlyUpPosition: z.number(),
  nearlyUpMinutes: z.number(),
  targetWaitMinutes: z.number().nullable(),
  onlineBooking: z.boolean(),
  showOnKiosk: z.boolean(),
  active: z.boolean(),
  branches: listOf(LIST_MAX.branches, serviceAssignmentSchema),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ServiceDto = z.infer<typeof serviceSchema>;

/** The answer to editing a service or its branches: it, and the bookings the change cancelled. */
export const updatedServiceSchema = serviceSchema.extend({
  cancelledBookings: z
    .number()
    .int()
    .describe("Bookings cancelled because the service is no longer offered where they were made"),
});
export type UpdatedServiceDto = z.infer<typeof updatedServiceSchema>;

export const counterSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  branchId: z.string().max(TEXT_MAX.id),
  number: z.number(),
  name: z.string().max(TEXT_MAX.name).nullable(),
  active: z.boolean(),
  createdAt: z.date(),
});
export type CounterDto = z.infer<typeof counterSchema>;

export const staffSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  email: z.string().max(TEXT_MAX.email),
  name: z.string().max(TEXT_MAX.name),
  role: z.enum(STAFF_ROLES),
  phone: z.string().max(TEXT_MAX.phone).nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.date().nullable(),
  lastLoginAt: z.date().nullable(),
  branchId: z.string().max(TEXT_MAX.id).nullable(),
  counterId: z.string().max(TEXT_MAX.id).nullable(),
  serviceIds: listOf(LIST_MAX.staffServices, z.string().max(TEXT_MAX.id)),
  branchIds: listOf(LIST_MAX.staffBranches, z.string().max(TEXT_MAX.id)),
  weeklySchedule: weeklyHoursSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type StaffDto = z.infer<typeof staffSchema>;

/** The one-time password is in the answer only when delivery is PASSWORD, and only this once. */
export const credentialsSchema = z.object({
  oneTimePassword: z.string().max(TEXT_MAX.secret).nullable(),
  outboxId: z.string().max(TEXT_MAX.id).nullable(),
  expiresAt: z.date(),
});
export type CredentialsDto = z.infer<typeof credentialsSchema>;

export const createdStaffSchema = credentialsSchema.extend({ staff: staffSchema });

/** The booked times a staff member's edit would leave with fewer operators than bookings. */
export const staffBookingsCheckSchema = z.object({
  bookingsShort: z.number().int().describe("Bookings beyond the places left, over all the times"),
  slots: listOf(
    LIST_MAX.previewSlots,
    z.object({
      branchId: z.string().max(TEXT_MAX.id),
      serviceId: z.string().max(TEXT_MAX.id),
      serviceName: i18nTextSchema,
      day: z.string().max(TEXT_MAX.day),
      time: z.string().max(TEXT_MAX.time),
      booked: z.number().int(),
      places: z.number().int(),
    }),
  ).describe("The earliest such times"),
});
export type StaffBookingsCheckDto = z.infer<typeof staffBookingsCheckSchema>;
export type CreatedStaffDto = z.infer<typeof createdStaffSchema>;

export const checklistItemSchema = z.object({
  key: z.enum(CHECKLIST_KEYS),
  done: z.boolean(),
  /** Required before the company can be marked ready; the others are advice. */
  required: z.boolean(),
  message: z.string().max(TEXT_MAX.message),
});
export type ChecklistItemDto = z.infer<typeof checklistItemSchema>;

export const overviewSchema = z.object({
  status: z.enum(COMPANY_STATUSES),
  readyRequestedAt: z.date().nullable(),
  activatedAt: z.date().nullable(),
  counts: z.object({
    branches: z.number(),
    openBranches: z.number(),
    services: z.number(),
    activeServices: z.number(),
    counters: z.number(),
    operators: z.number(),
    pairedDevices: z.number(),
  }),
  checklist: listOf(LIST_MAX.checklist, checklistItemSchema),
  canRequestActivation: z.boolean(),
});
export type OverviewDto = z.infer<typeof overviewSchema>;

export const readySchema = z.object({ readyRequestedAt: z.date() });
export type ReadyDto = z.infer<typeof readySchema>;

export const brandingSchema = z.object({
  name: z.string().max(TEXT_MAX.name),
  logoUrl: z.string().max(TEXT_MAX.path).nullable(),
  primaryColor: z.string().max(TEXT_MAX.color).nullable(),
});
export type BrandingDto = z.infer<typeof brandingSchema>;

const profileBranchSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  slug: z.string().max(TEXT_MAX.slug),
  code: z.string().max(TEXT_MAX.code),
  name: i18nTextSchema,
  timeZone: z.string().max(TEXT_MAX.timeZone),
  status: z.enum(BRANCH_STATUSES),
});

/** The signed-in staff member's own profile (`GET …/staff/me`), with the company's branding. */
export const staffProfileSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  email: z.string().max(TEXT_MAX.email),
  name: z.string().max(TEXT_MAX.name),
  role: z.enum(STAFF_ROLES),
  phone: z.string().max(TEXT_MAX.phone).nullable(),
  branch: profileBranchSchema.nullable(),
  counter: z
    .object({
      id: z.string().max(TEXT_MAX.id),
      number: z.number(),
      name: z.string().max(TEXT_MAX.name).nullable(),
      active: z.boolean(),
    })
    .nullable(),
  services: listOf(
    LIST_MAX.services,
    z.object({
      id: z.string().max(TEXT_MAX.id),
      letter: z.string().max(TEXT_MAX.letter),
      name: i18nTextSchema,
      durationMinutes: z.number(),
      active: z.boolean(),
    }),
  ),
  managedBranches: listOf(LIST_MAX.branches, profileBranchSchema),
  weeklySchedule: weeklyHoursSchema,
  company: brandingSchema.extend({ slug: z.string().max(TEXT_MAX.slug) }),
});
export type StaffProfileDto = z.infer<typeof staffProfileSchema>;
