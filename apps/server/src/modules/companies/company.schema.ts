import { COMPANY_STATUSES } from "@equeue/contracts";
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

export const companyStatusSchema = z.enum(COMPANY_STATUSES);

export const listCompaniesQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  status: companyStatusSchema.optional(),
  ...pagingQuery,
});

export const provisioningStepSchema = z.object({
  key: z.string(),
  status: z.enum(["done", "failed", "skipped"]),
  ms: z.number(),
  error: z.string().optional(),
});

export const companySchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  status: companyStatusSchema,
  adminEmail: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  description: z.string().nullable(),
  defaultLanguage: languageSchema,
  logoId: z.string().nullable(),
  logoUrl: z.string().nullable(),
  schemaVersion: z.number(),
  migrationError: z.string().nullable(),
  readyRequestedAt: z.date().nullable(),
  activatedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  urls: z.object({ admin: z.string(), login: z.string() }),
  provisioning: z.object({ steps: z.array(provisioningStepSchema) }),
});
export type CompanyDto = z.infer<typeof companySchema>;

export const companyPage = pageOf(companySchema);

export const idParams = z.strictObject({ id: z.uuid("This is not a valid company id.") });

export const provisioningFailureSchema = z.object({
  id: z.string(),
  slug: z.string(),
  failedStep: z.string(),
  error: z.string(),
  attempts: z.number(),
  createdAt: z.date(),
  steps: z.array(provisioningStepSchema),
});
