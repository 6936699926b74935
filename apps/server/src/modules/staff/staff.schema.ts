import { STAFF_ROLES } from "@equeue/contracts";
import { z } from "zod";
import { pageOf, pagingQuery } from "../../shared/paging";
import { phoneSchema, uuidOf, idParams } from "../setup-common";
import { weeklyHoursOut, weeklyHoursSchema } from "../setup-common";

const roleChoice = `${STAFF_ROLES.slice(0, -1).join(", ")} or ${STAFF_ROLES.at(-1)}`;
export const staffRoleSchema = z.enum(STAFF_ROLES, `Choose ${roleChoice}.`);

/** How a new or reset one-time password reaches the person. */
export const deliverySchema = z.enum(
  ["PASSWORD", "EMAIL"],
  "Choose PASSWORD (shown once here) or EMAIL (sent as an invite).",
);

const fields = {
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
  weeklySchedule: weeklyHoursSchema,
};

export const createStaffBody = z.strictObject({
  ...fields,
  phone: fields.phone.optional(),
  branchId: fields.branchId.optional(),
  counterId: fields.counterId.optional(),
  serviceIds: fields.serviceIds.optional(),
  branchIds: fields.branchIds.optional(),
  weeklySchedule: fields.weeklySchedule.default({}),
  delivery: deliverySchema.default("PASSWORD"),
});
export type CreateStaffInput = z.infer<typeof createStaffBody>;

export const updateStaffBody = z.strictObject(fields).partial();
export type UpdateStaffInput = z.infer<typeof updateStaffBody>;

export const resetPasswordBody = z.strictObject({ delivery: deliverySchema.default("PASSWORD") });

export const listStaffQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  role: staffRoleSchema.optional(),
  branchId: uuidOf("branch").optional(),
  active: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  ...pagingQuery,
});
export type ListStaffQuery = z.infer<typeof listStaffQuery>;

export const staffSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: staffRoleSchema,
  phone: z.string().nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.date().nullable(),
  lastLoginAt: z.date().nullable(),
  branchId: z.string().nullable(),
  counterId: z.string().nullable(),
  serviceIds: z.array(z.string()),
  branchIds: z.array(z.string()),
  weeklySchedule: weeklyHoursOut,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type StaffDto = z.infer<typeof staffSchema>;

export const staffPage = pageOf(staffSchema);

/** The one-time password is in the answer only when delivery is PASSWORD, and only this once. */
export const credentialsSchema = z.object({
  oneTimePassword: z.string().nullable(),
  outboxId: z.string().nullable(),
  expiresAt: z.date(),
});

export const createdStaffSchema = credentialsSchema.extend({ staff: staffSchema });

export const staffIdParams = idParams("staff member");
