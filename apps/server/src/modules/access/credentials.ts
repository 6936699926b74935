import type { Db } from "../../db/database";
import { AppError } from "../../shared/app-error";
import type { AccessTokens, CompanyClaims, CustomerClaims, PlatformClaims } from "./access-token";
import type { CompanyRecord } from "../tenancy";
import type { CustomerCaller, StaffCaller, SuperAdminCaller } from "./caller";
import { loadStaffCaller } from "./staff-caller";

/** What resolving a caller needs; a narrow slice of the app context. */
export type AccessDeps = { db: Db; tokens: AccessTokens };

export type StaffTokenOptions = {
  /** The change-password endpoint itself must work while a change is still required. */
  allowPendingPasswordChange?: boolean;
};

/** The bearer token of an Authorization header, or a refusal asking to log in. */
export function bearerToken(header: string | undefined): string {
  const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : "";
  if (!token) throw new AppError("UNAUTHENTICATED", "Log in first: this needs an access token.");
  return token;
}

/** Verifies a staff access token for `company` (its realm, its sessions cut-off). */
export async function verifyStaffToken(
  tokens: AccessTokens,
  company: CompanyRecord,
  token: string,
  opts: StaffTokenOptions = {},
): Promise<CompanyClaims> {
  const claims = await tokens.verify(token, {
    realm: "company",
    companyId: company.id,
    validAfter: company.sessions_valid_after,
  });
  if (claims.realm !== "company")
    throw new AppError("WRONG_REALM", "This token is not for this company.");
  if (claims.mustChangePassword && !opts.allowPendingPasswordChange) {
    throw new AppError(
      "PASSWORD_CHANGE_REQUIRED",
      "Change your one-time password before continuing.",
    );
  }
  return claims;
}

/**
 * The staff caller a token proves: the token says who, the database what it may do now.
 * HTTP hooks and the socket handshake both come through here.
 */
export async function resolveStaffCaller(
  deps: AccessDeps,
  company: CompanyRecord,
  token: string,
  opts: StaffTokenOptions = {},
): Promise<{ claims: CompanyClaims; caller: StaffCaller }> {
  const claims = await verifyStaffToken(deps.tokens, company, token, opts);
  return { claims, caller: await loadStaffCaller(deps.db, company, claims.sub) };
}

/** A platform administrator's token, as a caller. */
export async function resolveSuperAdmin(
  tokens: AccessTokens,
  token: string,
): Promise<{ claims: PlatformClaims; caller: SuperAdminCaller }> {
  const claims = (await tokens.verify(token, { realm: "platform" })) as PlatformClaims;
  return { claims, caller: { kind: "superAdmin", adminId: claims.sub } };
}

/**
 * A customer's token, as a caller: the token says who, the database that the account still
 * exists (and the phone it proved), so a deleted account loses access at once.
 */
export async function resolveCustomer(
  deps: AccessDeps,
  token: string,
  companyId: string | null = null,
): Promise<CustomerCaller> {
  const claims = (await deps.tokens.verify(token, { realm: "customer" })) as CustomerClaims;
  const row = await deps.db
    .selectFrom("platform.customers")
    .select(["id", "phone"])
    .where("id", "=", claims.sub)
    .executeTakeFirst();
  if (!row) throw new AppError("UNAUTHENTICATED", "Your account no longer exists. Sign in again.");
  return { kind: "customer", companyId, customerId: row.id, phone: row.phone };
}
