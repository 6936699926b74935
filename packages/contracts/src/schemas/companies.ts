import { codedPattern } from "../error-detail";
import { z } from "zod";
import { LIST_MAX, listOf } from "./answer-lists";
import { COMPANY_STATUSES } from "../company";
import { languageSchema } from "./queue-views";
import { patternBound, TEXT_MAX } from "./answer-text";
import { i18nPartial } from "./form-fields";
import { i18nPartialSchema } from "./setup";

/** What the Super Admin's panel reads about companies (`/api/platform/companies`, …). */

export const companyStatusSchema = z.enum(COMPANY_STATUSES);

/** One step of creating a company's schema and first admin, with how long it took. */
export const provisioningStepSchema = z.object({
  key: z.string().max(TEXT_MAX.word),
  status: z.enum(["done", "failed", "skipped"]),
  ms: z.number(),
  error: z.string().max(TEXT_MAX.error).optional(),
});
export type ProvisioningStepDto = z.infer<typeof provisioningStepSchema>;

export const companySchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  name: z.string().max(TEXT_MAX.name),
  slug: z.string().max(TEXT_MAX.slug),
  status: companyStatusSchema,
  adminEmail: z.string().max(TEXT_MAX.email),
  phone: z.string().max(TEXT_MAX.phone).nullable(),
  address: z.string().max(TEXT_MAX.address).nullable(),
  description: i18nPartialSchema.nullable().describe("In Uzbek, Russian and English; null: none"),
  defaultLanguage: languageSchema,
  logoId: z.string().max(TEXT_MAX.id).nullable(),
  logoUrl: z.string().max(TEXT_MAX.path).nullable(),
  schemaVersion: z.number(),
  migrationError: z.string().max(TEXT_MAX.error).nullable(),
  readyRequestedAt: z.date().nullable(),
  activatedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  urls: z.object({ admin: z.string().max(TEXT_MAX.path), login: z.string().max(TEXT_MAX.path) }),
  provisioning: z.object({ steps: listOf(LIST_MAX.provisioningSteps, provisioningStepSchema) }),
});
export type CompanyDto = z.infer<typeof companySchema>;

/** A company whose creation stopped at a step; the Super Admin may retry it. */
export const provisioningFailureSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  slug: z.string().max(TEXT_MAX.slug),
  failedStep: z.string().max(TEXT_MAX.word),
  error: z.string().max(TEXT_MAX.error),
  attempts: z.number(),
  createdAt: z.date(),
  steps: listOf(LIST_MAX.provisioningSteps, provisioningStepSchema),
});
export type ProvisioningFailureDto = z.infer<typeof provisioningFailureSchema>;

/** What the Super Admin sends to create and edit a company. */

export const companySlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(
    // Checked after lowering, so the pattern also tells API readers that any case is accepted.
    codedPattern(/^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9]+)*$/, "invalid_slug"),
    "Use Latin letters, digits and single dashes, starting with a letter (e.g. kapitalbank).",
  )
  .meta({
    description:
      "The company's address (…/c/{slug}): Latin letters, digits and dashes, any case; spaces around it are dropped and it is stored in lowercase.",
  });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

/**
 * A company's description for the portal in up to three languages, `{ uz, ru, en }`. Nothing
 * given (`{}`, all empty, or null) clears it.
 */
export const companyDescription = i18nPartial(TEXT_MAX.description)
  .transform((text) =>
    Object.keys(text).length > 0 ? (text as z.infer<typeof i18nPartialSchema>) : null,
  )
  .nullable()
  .optional()
  .meta({ description: "In Uzbek, Russian and English, any of them; empty or null clears it." });

/** The fields of a company its creator gives and the super admin may later edit. */
export const companyFields = {
  name: z.string().trim().min(2, "Enter the company name (at least 2 characters).").max(120),
  adminEmail: z.email("Enter a valid e-mail address, e.g. admin@kapitalbank.uz.").max(254),
  phone: z
    .string()
    .trim()
    .regex(
      codedPattern(/^(\+?[0-9][0-9 ()-]{6,19})?$/, "invalid_phone"),
      "Enter a phone number like +998 71 200 00 00.",
    )
    .meta(patternBound(21))
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  address: optionalText(300),
  description: companyDescription,
  defaultLanguage: languageSchema.default("uz"),
  logoId: z.uuid("Upload the logo again.").nullable().optional(),
};

export const createCompanyBody = z.strictObject({ ...companyFields, slug: companySlugSchema });
export type CompanyInput = z.input<typeof createCompanyBody>;

export const updateCompanyBody = z
  .strictObject({
    ...companyFields,
    defaultLanguage: languageSchema.optional(),
    // Accepted only to explain that it cannot change.
    slug: z.string().max(TEXT_MAX.slug).optional(),
  })
  .partial();
/** A company's edit: any of its fields but the slug, which never changes. */
export type CompanyPatch = Omit<z.input<typeof updateCompanyBody>, "slug">;
