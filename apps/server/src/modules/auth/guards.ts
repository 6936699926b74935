import type { FastifyRequest } from "fastify";
import type { StaffRole } from "../../db/tables";
import { AppError } from "../../shared/app-error";
import type { AccessTokens, CompanyClaims, PlatformClaims } from "./access-token";

function bearer(request: FastifyRequest): string {
  const header = request.headers.authorization;
  const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : "";
  if (!token) throw new AppError("UNAUTHENTICATED", "Log in first: this needs an access token.");
  return token;
}

/** onRequest hook: only a super admin of the platform realm passes. */
export const requireSuperAdmin = (tokens: AccessTokens) => async (request: FastifyRequest) => {
  request.auth = await tokens.verify(bearer(request), { realm: "platform" });
  request.log = request.log.child({ user: request.auth.sub });
};

export type StaffGuardOptions = {
  roles?: StaffRole[];
  /** The change-password endpoint itself must work while a change is still required. */
  allowPendingPasswordChange?: boolean;
};

/** onRequest hook: a staff member of the request's company, with one of `roles` when given. */
export const requireStaff =
  (tokens: AccessTokens, opts: StaffGuardOptions = {}) =>
  async (request: FastifyRequest) => {
    const company = request.company;
    if (!company) throw new AppError("NOT_FOUND", "There is no company at this address.");
    const claims = await tokens.verify(bearer(request), {
      realm: "company",
      companyId: company.id,
      validAfter: company.sessions_valid_after,
    });
    request.auth = claims;
    request.log = request.log.child({ user: claims.sub });
    if (claims.realm !== "company")
      throw new AppError("WRONG_REALM", "This token is not for this company.");
    if (claims.mustChangePassword && !opts.allowPendingPasswordChange) {
      throw new AppError(
        "PASSWORD_CHANGE_REQUIRED",
        "Change your one-time password before continuing.",
      );
    }
    if (opts.roles && !opts.roles.includes(claims.role)) {
      throw new AppError("FORBIDDEN", "Your role does not allow this action.");
    }
  };

export const platformClaims = (request: FastifyRequest) => request.auth as PlatformClaims;
export const staffClaims = (request: FastifyRequest) => request.auth as CompanyClaims;
