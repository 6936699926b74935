import { z } from "zod";
import { TEXT_MAX } from "./answer-text";

/**
 * Sign-in answers of the three realms: staff and Super Admins (e-mail and password, one shape
 * for both), customers (a one-time SMS code), and a company's public card for its login page.
 */

/** Staff and Super Admins sign in with e-mail and password. */
export const loginBody = z.strictObject({
  email: z.email("Enter your e-mail address.").max(254),
  password: z.string().min(1, "Enter your password.").max(200),
});
export type LoginInput = z.input<typeof loginBody>;

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: z.string().min(1, "Enter a new password.").max(200),
});
export type ChangePasswordInput = z.input<typeof changePasswordBody>;

/** The signed-in staff member or Super Admin. */
export const authUserSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  email: z.string().max(TEXT_MAX.email),
  name: z.string().max(TEXT_MAX.name),
  role: z.string().max(TEXT_MAX.word),
  mustChangePassword: z.boolean(),
});
export type AuthUserDto = z.infer<typeof authUserSchema>;

/** Login, refresh and change-password answers (the refresh token travels as a cookie). */
export const authSessionSchema = z.object({
  accessToken: z.string().max(TEXT_MAX.secret),
  user: authUserSchema,
});
export type AuthSessionDto = z.infer<typeof authSessionSchema>;

/** A company's branding for its login page (`GET /api/c/{slug}/info`). */
export const companyInfoSchema = z.object({
  name: z.string().max(TEXT_MAX.name),
  slug: z.string().max(TEXT_MAX.slug),
  logoUrl: z.string().max(TEXT_MAX.path).nullable(),
  defaultLanguage: z.string().max(TEXT_MAX.word),
  status: z.string().max(TEXT_MAX.word),
});
export type CompanyInfoDto = z.infer<typeof companyInfoSchema>;

/** Where the sign-in code went (masked) and when a resend may be offered. */
export const requestCodeResponse = z.object({
  phone: z.string().max(TEXT_MAX.phone).describe("The number the code was sent to, masked"),
  expiresInSeconds: z.number().int(),
  resendInSeconds: z.number().int(),
});
export type SignInCodeDto = z.infer<typeof requestCodeResponse>;

export const customerSchema = z.object({
  id: z.string().max(TEXT_MAX.id),
  phone: z.string().max(TEXT_MAX.phone),
});
export type CustomerDto = z.infer<typeof customerSchema>;

export const customerSessionSchema = z.object({
  accessToken: z.string().max(TEXT_MAX.secret),
  user: customerSchema,
});
export type CustomerSessionDto = z.infer<typeof customerSessionSchema>;
