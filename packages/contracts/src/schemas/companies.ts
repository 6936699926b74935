import { z } from "zod";
import { COMPANY_STATUSES } from "../company";
import { languageSchema } from "./queue-views";

/** What the Super Admin's panel reads about companies (`/api/platform/companies`, …). */

export const companyStatusSchema = z.enum(COMPANY_STATUSES);

/** One step of creating a company's schema and first admin, with how long it took. */
export const provisioningStepSchema = z.object({
  key: z.string(),
  status: z.enum(["done", "failed", "skipped"]),
  ms: z.number(),
  error: z.string().optional(),
});
export type ProvisioningStepDto = z.infer<typeof provisioningStepSchema>;

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

/** A company whose creation stopped at a step; the Super Admin may retry it. */
export const provisioningFailureSchema = z.object({
  id: z.string(),
  slug: z.string(),
  failedStep: z.string(),
  error: z.string(),
  attempts: z.number(),
  createdAt: z.date(),
  steps: z.array(provisioningStepSchema),
});
export type ProvisioningFailureDto = z.infer<typeof provisioningFailureSchema>;
