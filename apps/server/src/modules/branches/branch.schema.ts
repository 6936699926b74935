import {
  isoDay,
  type createBranchBody,
  type createExceptionBody,
  type updateBranchBody,
} from "@equeue/contracts/schemas";
import { z } from "zod";
import { idParams, uuidOf } from "../setup-common";

// The bodies and answers (branch, exception, branch service) are a contract with the web:
// defined once in @equeue/contracts.
export {
  branchExceptionSchema as exceptionSchema,
  branchSchema,
  branchServicesBody,
  branchServiceSchema,
  createBranchBody,
  createExceptionBody,
  savedBranchServicesSchema,
  updateBranchBody,
  type BranchDto,
} from "@equeue/contracts/schemas";

export type CreateBranchInput = z.infer<typeof createBranchBody>;
export type UpdateBranchInput = z.infer<typeof updateBranchBody>;

/** What a branch manager may change on its own branch. */
export const MANAGER_EDITABLE = new Set<keyof UpdateBranchInput>(["weeklyHours"]);

export const listBranchesQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  status: z.enum(["OPEN", "CLOSED"]).optional(),
});

export const branchIdParams = idParams("branch");

export type CreateExceptionInput = z.infer<typeof createExceptionBody>;

export const listExceptionsQuery = z.strictObject({
  from: isoDay.optional(),
  to: isoDay.optional(),
});

export const exceptionParams = z.object({
  slug: z.string(),
  id: uuidOf("branch"),
  exceptionId: uuidOf("exception"),
});
