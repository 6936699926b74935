import { companySchema, companyStatusSchema } from "@equeue/contracts/schemas";
import { z } from "zod";
import { pageOf, pagingQuery } from "../../shared/paging";
import { companyFields, languageSchema } from "../provisioning";

export const updateCompanyBody = z
  .strictObject({
    ...companyFields,
    defaultLanguage: languageSchema.optional(),
    // Accepted only to explain that it cannot change.
    slug: z.string().optional(),
  })
  .partial();
export type UpdateCompanyInput = z.infer<typeof updateCompanyBody>;

// The answers (company, provisioning steps and failures) are a contract with the Super Admin's
// panel: defined once in @equeue/contracts.
export {
  companySchema,
  companyStatusSchema,
  provisioningFailureSchema,
  provisioningStepSchema,
  type CompanyDto,
} from "@equeue/contracts/schemas";

export const listCompaniesQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  status: companyStatusSchema.optional(),
  ...pagingQuery,
});

export const companyPage = pageOf(companySchema);

export const idParams = z.strictObject({ id: z.uuid("This is not a valid company id.") });
