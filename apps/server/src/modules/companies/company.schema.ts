import { z } from "zod";
import { pageOf, pagingQuery } from "../../shared/paging";

/** Words that name parts of the platform and so cannot be a company's address. */
export const RESERVED_SLUGS = new Set([
  "admin",
  "api",
  "app",
  "assets",
  "auth",
  "c",
  "d",
  "k",
  "t",
  "me",
  "docs",
  "help",
  "support",
  "www",
  "mail",
  "smtp",
  "ftp",
  "static",
  "public",
  "files",
  "platform",
  "status",
  "login",
  "logout",
  "kiosk",
  "display",
  "operator",
  "portal",
  "root",
  "system",
  "e-queue",
  "equeue",
  "health",
  "ready",
  "socket-io",
  "cdn",
  "dashboard",
  "billing",
  "test",
  "demo-admin",
]);

export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(
    // Checked after lowering, so the pattern also tells API readers that any case is accepted.
    /^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/,
    "Use Latin letters, digits and single dashes, starting with a letter (e.g. kapitalbank).",
  )
  .meta({
    description:
      "The company's address (…/c/{slug}): Latin letters, digits and dashes, any case; stored in lowercase.",
  });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const languageSchema = z.enum(["uz", "ru", "en"]);

const editableFields = {
  name: z.string().trim().min(2, "Enter the company name (at least 2 characters).").max(120),
  adminEmail: z.email("Enter a valid e-mail address, e.g. admin@kapitalbank.uz.").max(254),
  phone: z
    .string()
    .trim()
    .regex(/^(\+?[0-9][0-9 ()-]{6,19})?$/, "Enter a phone number like +998 71 200 00 00.")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  address: optionalText(300),
  description: optionalText(1000),
  defaultLanguage: languageSchema.default("uz"),
  logoId: z.uuid("Upload the logo again.").nullable().optional(),
};

export const createCompanyBody = z.strictObject({ ...editableFields, slug: slugSchema });
export type CreateCompanyInput = z.infer<typeof createCompanyBody>;

export const updateCompanyBody = z
  .strictObject({
    ...editableFields,
    defaultLanguage: languageSchema.optional(),
    // Accepted only to explain that it cannot change.
    slug: z.string().optional(),
  })
  .partial();
export type UpdateCompanyInput = z.infer<typeof updateCompanyBody>;

export const companyStatusSchema = z.enum(["INACTIVE", "ACTIVE", "SUSPENDED", "DELETED"]);

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
