import {
  companySchema,
  companyStatusSchema,
  type updateCompanyBody,
} from "@equeue/contracts/schemas";
import { z } from "zod";
import { pageOf, pagingQuery } from "../../shared/paging";

export type UpdateCompanyInput = z.infer<typeof updateCompanyBody>;

// The edit body and the answers (company, provisioning steps and failures) are a contract with
// the Super Admin's panel: defined once in @equeue/contracts.
export {
  companySchema,
  companyStatusSchema,
  provisioningFailureSchema,
  provisioningStepSchema,
  updateCompanyBody,
  type CompanyDto,
} from "@equeue/contracts/schemas";

export const listCompaniesQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  status: companyStatusSchema.optional(),
  ...pagingQuery,
});

export const companyPage = pageOf(companySchema);

export const idParams = z.strictObject({ id: z.uuid("This is not a valid company id.") });
