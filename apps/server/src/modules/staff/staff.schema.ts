import {
  staffRoleSchema,
  staffSchema,
  type createStaffBody,
  type updateStaffBody,
} from "@equeue/contracts/schemas";
import { z } from "zod";
import { pageOf, pagingQuery } from "../../shared/paging";
import { idParams, uuidOf } from "../setup-common";

// The bodies and answers (staff member, credentials) are a contract with the web: defined once
// in @equeue/contracts.
export {
  createdStaffSchema,
  createStaffBody,
  credentialsSchema,
  resetPasswordBody,
  staffSchema,
  updateStaffBody,
  type StaffDto,
} from "@equeue/contracts/schemas";

export type CreateStaffInput = z.infer<typeof createStaffBody>;
export type UpdateStaffInput = z.infer<typeof updateStaffBody>;

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

export const staffPage = pageOf(staffSchema);

export const staffIdParams = idParams("staff member");
