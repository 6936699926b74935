import type {
  assignmentSchema,
  createServiceBody,
  updateServiceBody,
} from "@equeue/contracts/schemas";
import { z } from "zod";
import { idParams } from "../setup-common";

// The bodies and the answer are a contract with the web: defined once in @equeue/contracts.
export {
  createServiceBody,
  serviceBranchesBody,
  serviceSchema,
  updateServiceBody,
  updatedServiceSchema,
  type ServiceDto,
} from "@equeue/contracts/schemas";

export type CreateServiceInput = z.infer<typeof createServiceBody>;
export type UpdateServiceInput = z.infer<typeof updateServiceBody>;
export type Assignment = z.infer<typeof assignmentSchema>;

export const listServicesQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  active: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});

export const serviceIdParams = idParams("service");
