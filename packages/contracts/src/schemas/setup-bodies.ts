import { z } from "zod";
import { patternBound } from "./answer-text";
import { STAFF_ROLES } from "../staff";
import { i18nPartial, i18nText, phoneSchema, uuidOf, weeklyHoursInput } from "./form-fields";

/** What the admin panel sends to create and edit services, counters and staff. */

export const serviceLetterSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}$/, "Use one or two Latin capital letters, e.g. K or KR.")
  .meta(patternBound(2));

export const serviceCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z][A-Z0-9_]{1,19}$/,
    "Use 2–20 Latin capitals, digits or underscores, starting with a letter, e.g. KASSA.",
  )
  .meta(patternBound(20));

export const assignmentSchema = z.strictObject({
  branchId: uuidOf("branch"),
  enabled: z.boolean().default(true),
});
const assignments = z.array(assignmentSchema).max(1000);

const serviceFields = {
  name: i18nText(120),
  description: i18nPartial(1000),
  code: serviceCodeSchema,
  letter: serviceLetterSchema,
  durationMinutes: z
    .number()
    .int("Use whole minutes.")
    .min(1, "Use 1 to 480 minutes.")
    .max(480, "Use 1 to 480 minutes."),
  priority: z.number().int().min(0, "Priority is 0 to 10.").max(10, "Priority is 0 to 10."),
  headStartSeconds: z
    .number()
    .int()
    .min(0, "Use 0 to 7200 seconds.")
    .max(7200, "Use 0 to 7200 seconds."),
  onlineBooking: z.boolean(),
  showOnKiosk: z.boolean(),
  active: z.boolean(),
  /** A waiting customer at this place in line or nearer is told "nearly up" (0: never). */
  nearlyUpPosition: z
    .number()
    .int("Use a whole place in line.")
    .min(0, "Use 0 to 50 (0: no message).")
    .max(50, "Use 0 to 50 (0: no message)."),
  /** Also "nearly up" once the estimated wait is this many minutes or less (0: never). */
  nearlyUpMinutes: z
    .number()
    .int("Use whole minutes.")
    .min(0, "Use 0 to 240 minutes (0: by place only).")
    .max(240, "Use 0 to 240 minutes (0: by place only)."),
  /** The wait this service aims at; staff are alerted when the longest wait passes it. */
  targetWaitMinutes: z
    .number()
    .int("Use whole minutes.")
    .min(1, "Use 1 to 1440 minutes, or none.")
    .max(1440, "Use 1 to 1440 minutes, or none.")
    .nullable(),
};

export const createServiceBody = z.strictObject({
  ...serviceFields,
  description: serviceFields.description.optional(),
  code: serviceFields.code.optional(),
  priority: serviceFields.priority.default(0),
  headStartSeconds: serviceFields.headStartSeconds.default(0),
  nearlyUpPosition: serviceFields.nearlyUpPosition.default(3),
  nearlyUpMinutes: serviceFields.nearlyUpMinutes.default(0),
  targetWaitMinutes: serviceFields.targetWaitMinutes.default(null),
  onlineBooking: z.boolean().default(true),
  showOnKiosk: z.boolean().default(true),
  active: z.boolean().default(true),
  branches: assignments.default([]),
});
export const updateServiceBody = z.strictObject(serviceFields).partial();

/** Every editable field of a service, as the panel's full create or edit sends it. */
export type ServiceInput = Omit<Required<z.input<typeof updateServiceBody>>, "code"> & {
  /** Left out: a new service gets one made from its name, an edited one keeps its own. */
  code?: string;
};

export const serviceBranchesBody = z.strictObject({ branches: assignments });
export type AssignmentInput = z.input<typeof assignmentSchema>;

const counterFields = {
  number: z
    .number()
    .int("Use a whole number.")
    .min(1, "Counter numbers are 1 to 999.")
    .max(999, "Counter numbers are 1 to 999."),
  name: z
    .string()
    .trim()
    .max(60, "Use at most 60 characters.")
    .transform((v) => (v === "" ? null : v))
    .nullable(),
  active: z.boolean(),
};

export const createCounterBody = z.strictObject({
  number: counterFields.number,
  name: counterFields.name.optional(),
  active: counterFields.active.default(true),
});
export const updateCounterBody = z.strictObject(counterFields).partial();
export type CounterInput = z.input<typeof createCounterBody>;

const roleChoice = `${STAFF_ROLES.slice(0, -1).join(", ")} or ${STAFF_ROLES.at(-1)}`;
export const staffRoleSchema = z.enum(STAFF_ROLES, `Choose ${roleChoice}.`);

/** How a new or reset one-time password reaches the person. */
export const credentialDeliverySchema = z.enum(
  ["PASSWORD", "EMAIL"],
  "Choose PASSWORD (shown once here) or EMAIL (sent as an invite).",
);

const staffFields = {
  email: z.email("Enter a valid e-mail address, e.g. aziza@hamkorbank.uz.").max(254),
  name: z
    .string()
    .trim()
    .min(2, "Enter the person's name (at least 2 characters).")
    .max(120, "Use at most 120 characters."),
  role: staffRoleSchema,
  phone: phoneSchema,
  branchId: uuidOf("branch").nullable(),
  counterId: uuidOf("counter").nullable(),
  serviceIds: z.array(uuidOf("service")).max(100),
  branchIds: z.array(uuidOf("branch")).max(500),
  weeklySchedule: weeklyHoursInput,
};

export const createStaffBody = z.strictObject({
  ...staffFields,
  phone: staffFields.phone.optional(),
  branchId: staffFields.branchId.optional(),
  counterId: staffFields.counterId.optional(),
  serviceIds: staffFields.serviceIds.optional(),
  branchIds: staffFields.branchIds.optional(),
  weeklySchedule: staffFields.weeklySchedule.default({}),
  delivery: credentialDeliverySchema.default("PASSWORD"),
});
export const updateStaffBody = z.strictObject(staffFields).partial();

/** An edit of a staff member (or a deactivation) to check against the bookings before saving. */
export const staffBookingsCheckBody = z.strictObject({
  role: staffFields.role.optional(),
  branchId: staffFields.branchId.optional(),
  serviceIds: staffFields.serviceIds.optional(),
  weeklySchedule: staffFields.weeklySchedule.optional(),
  active: z.boolean("Use true or false.").optional(),
});

/** Every editable field of a staff member, as the panel's full create or edit sends it. */
export type StaffInput = Required<z.input<typeof updateStaffBody>>;
/** PASSWORD: a one-time password shown once in the panel; EMAIL: an invite by e-mail. */
export type CredentialDelivery = z.infer<typeof credentialDeliverySchema>;

export const resetPasswordBody = z.strictObject({
  delivery: credentialDeliverySchema.default("PASSWORD"),
});
