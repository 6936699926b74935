import { STAFF_ROLES } from "@equeue/contracts";
import { staffSchema } from "@equeue/contracts/schemas";
import { z } from "zod";
import { pageOf, pagingQuery } from "../../shared/paging";
import { phoneSchema, uuidOf, idParams } from "../setup-common";
import { weeklyHoursSchema } from "../setup-common";

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

// The answers (staff member, credentials) are a contract with the web: defined once in
// @equeue/contracts.
export {
  createdStaffSchema,
  credentialsSchema,
  staffSchema,
  type StaffDto,
} from "@equeue/contracts/schemas";
export const staffPage = pageOf(staffSchema);

export const staffIdParams = idParams("staff member");
