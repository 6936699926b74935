import { SCREEN_LANGUAGES } from "@equeue/contracts";
import { z } from "zod";
import { phoneField } from "../../shared/phone";

// The answers (company page, branch page, joining a queue) are a contract with the web: defined
// once in @equeue/contracts.
export {
  joinQueueResponse,
  portalBranchResponse,
  portalCompanyResponse,
  publicBranchSchema,
  publicCompanySchema,
  serviceLineSchema,
  type PublicBranchDto,
  type PublicCompanyDto,
  type ServiceLineDto,
} from "@equeue/contracts/schemas";

export const branchParams = z.object({
  slug: z.string(),
  branchSlug: z.string().max(63, "This is not a branch address."),
});

export const joinQueueBody = z.strictObject({
  branchId: z.uuid("Choose a branch."),
  serviceId: z.uuid("Choose a service."),
  phone: phoneField,
  name: z.string().trim().min(1, "Write a name or leave the field out.").max(100).nullish(),
  /** The portal's language, for the customer's SMS. */
  language: z.enum(SCREEN_LANGUAGES).nullish(),
});

export const directoryQuery = z.strictObject({
  search: z.string().trim().max(100, "At most 100 characters.").optional(),
});
