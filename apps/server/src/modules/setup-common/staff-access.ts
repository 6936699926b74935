import type { FastifyRequest } from "fastify";
import type { AppContext } from "../../app-context";
import type { StaffRole } from "../../db/tables";
import { AppError, notFound } from "../../shared/app-error";
import { requireStaff } from "../auth/guards";
import { companyDb } from "../tenancy/company-directory";
import { findStaffState, listManagedBranchIds } from "./staff-access.repository";

/** What the calling staff member may reach: every branch (null) or the listed ones. */
export type StaffAccess = {
  staffId: string;
  role: StaffRole;
  branchIds: ReadonlySet<string> | null;
};

declare module "fastify" {
  interface FastifyRequest {
    /** The calling staff member's role and branches, set by `requireStaffAccess`. */
    staffAccess?: StaffAccess;
  }
}

export const SETUP_ROLES: StaffRole[] = ["COMPANY_ADMIN", "BRANCH_MANAGER"];
export const ALL_STAFF_ROLES: StaffRole[] = ["COMPANY_ADMIN", "BRANCH_MANAGER", "OPERATOR"];

/**
 * onRequest hook: a logged-in staff member of this company with one of `roles`, checked against
 * the database (not only the token) so that a deactivated or demoted account loses access at once.
 * Company admins reach every branch (null); branch managers the branches they manage; operators
 * no branch through the set-up API.
 */
export const requireStaffAccess = (ctx: AppContext, roles: StaffRole[]) => {
  const verify = requireStaff(ctx.tokens, { roles });
  return async (request: FastifyRequest) => {
    await verify(request);
    const db = companyDb(ctx.db, request.company!);
    const staff = await findStaffState(db, request.auth!.sub);
    if (!staff || !staff.is_active) {
      throw new AppError(
        "UNAUTHENTICATED",
        "Your account was deactivated. Ask your company administrator.",
      );
    }
    if (!roles.includes(staff.role)) {
      throw new AppError("FORBIDDEN", "Your role does not allow this action.");
    }
    const branchIds =
      staff.role === "COMPANY_ADMIN"
        ? null
        : new Set(staff.role === "BRANCH_MANAGER" ? await listManagedBranchIds(db, staff.id) : []);
    request.staffAccess = { staffId: staff.id, role: staff.role, branchIds };
  };
};

/** Route-level onRequest hook (after `requireStaffAccess`): company admins only. */
export const companyAdminOnly = async (request: FastifyRequest) => {
  if (request.staffAccess?.role !== "COMPANY_ADMIN") {
    throw new AppError("FORBIDDEN", "Only a company administrator can do this.");
  }
};

export const canSeeBranch = (access: StaffAccess, branchId: string | null) =>
  branchId !== null && (access.branchIds === null || access.branchIds.has(branchId));

/** A branch outside the caller's reach answers not-found, exactly like a missing one. */
export function assertBranchVisible(access: StaffAccess, branchId: string, what = "The branch") {
  if (!canSeeBranch(access, branchId)) throw notFound(what);
}

export const isCompanyAdmin = (access: StaffAccess) => access.role === "COMPANY_ADMIN";
