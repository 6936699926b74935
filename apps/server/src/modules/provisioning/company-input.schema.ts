import { z } from "zod";
import { OFFICE_PHONE, codedPattern } from "../../shared/validation-details";

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

export const languageSchema = z.enum(["uz", "ru", "en"]);

/** The fields of a company its creator gives and the super admin may later edit. */
export const companyFields = {
  name: z.string().trim().min(2, "Enter the company name (at least 2 characters).").max(120),
  adminEmail: z.email("Enter a valid e-mail address, e.g. admin@kapitalbank.uz.").max(254),
  phone: z
    .string()
    .trim()
    .regex(OFFICE_PHONE, "Enter a phone number like +998 71 200 00 00.")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional(),
  address: optionalText(300),
  description: optionalText(1000),
  defaultLanguage: languageSchema.default("uz"),
  logoId: z.uuid("Upload the logo again.").nullable().optional(),
};

export const createCompanyBody = z.strictObject({ ...companyFields, slug: slugSchema });
export type CreateCompanyInput = z.infer<typeof createCompanyBody>;
