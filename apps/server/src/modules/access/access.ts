import type { ApiKeyScope } from "@equeue/contracts";
import { TICKET_SOURCE, type TicketSource } from "@equeue/core";
import type { StaffRole } from "../../db/tables";
import { AppError, notFound } from "../../shared/app-error";
import type { ApiKeyCaller, BranchScope, Caller, StaffCaller } from "./caller";

/**
 * What a caller may do, in one place: services call these first. A branch (or anything in it)
 * outside the caller's reach answers not-found, exactly like a missing one; a role that may not
 * act answers forbidden.
 */

/** Roles of the set-up API (an operator only sees its own profile there). */
export const SETUP_ROLES: readonly StaffRole[] = ["COMPANY_ADMIN", "BRANCH_MANAGER"];
export const ALL_STAFF_ROLES: readonly StaffRole[] = [
  "COMPANY_ADMIN",
  "BRANCH_MANAGER",
  "OPERATOR",
];

/** The branches a caller reaches, for filtering lists: a device its own, anonymous callers none. */
export function branchScope(caller: Caller): BranchScope {
  switch (caller.kind) {
    case "staff":
      return caller.branches;
    // A key is the company's own system: every branch of its company, nothing else.
    case "apiKey":
      return "ALL";
    case "device":
      return [caller.branchId];
    // Its account is read by its route's own statement; until then it reaches nothing.
    case "staffToken":
    case "ticketHolder":
    case "customer":
    case "superAdmin":
    case "anonymous":
      return [];
    default:
      return caller satisfies never;
  }
}

/** The scope as a list filter: null for every branch, else the ids. */
export function branchIdFilter(caller: Caller): string[] | null {
  const scope = branchScope(caller);
  return scope === "ALL" ? null : [...scope];
}

/** True when the caller may work with `branchId` (null, e.g. an unassigned row: never). */
export function canReachBranch(caller: Caller, branchId: string | null): boolean {
  if (branchId === null) return false;
  const scope = branchScope(caller);
  return scope === "ALL" || scope.includes(branchId);
}

/** Throws not-found (never forbidden) for a branch outside the caller's reach. */
export function requireBranchAccess(caller: Caller, branchId: string, what = "The branch"): void {
  if (!canReachBranch(caller, branchId)) throw notFound(what);
}

/** The caller as a staff member, or a refusal for anyone else. */
export function requireStaffCaller(caller: Caller): StaffCaller {
  if (caller.kind !== "staff") {
    throw new AppError(
      "UNAUTHENTICATED",
      "Log in first: this needs a staff member's access token.",
    );
  }
  return caller;
}

/** A staff member with one of `roles`; any other role is refused with forbidden. */
export function requireStaffRole(
  caller: Caller,
  roles: readonly StaffRole[],
  message = "Your role does not allow this action.",
): StaffCaller {
  const staff = requireStaffCaller(caller);
  if (!roles.includes(staff.role)) throw new AppError("FORBIDDEN", message);
  return staff;
}

export const isCompanyAdmin = (caller: Caller) =>
  caller.kind === "staff" && caller.role === "COMPANY_ADMIN";

/**
 * May this caller issue a ticket at `branchId`, and of which source? Staff issue at their
 * branches, a kiosk at its own; the portal's visitors at any branch the portal shows.
 */
export function requireTicketIssuer(caller: Caller, branchId: string): TicketSource {
  const source = ticketSourceFor(caller);
  if (caller.kind === "staff" || caller.kind === "device" || caller.kind === "apiKey")
    requireBranchAccess(caller, branchId);
  return source;
}

/**
 * Where a ticket comes from follows from who asks for it, never from the request: staff at
 * reception issue walk-in tickets, a kiosk kiosk tickets, the portal's visitors online ones.
 */
export function ticketSourceFor(caller: Caller): TicketSource {
  switch (caller.kind) {
    case "staff":
      return TICKET_SOURCE.WALK_IN;
    case "device":
      if (caller.deviceKind === "KIOSK") return TICKET_SOURCE.KIOSK;
      throw new AppError("FORBIDDEN", "A display board cannot issue tickets.");
    case "anonymous":
    case "customer":
      return TICKET_SOURCE.ONLINE;
    // Which operations a key may call is its scopes' business (checked by each operation).
    case "apiKey":
      return TICKET_SOURCE.API;
    case "staffToken":
    case "ticketHolder":
    case "superAdmin":
      throw new AppError("FORBIDDEN", "Tickets are issued by a branch, a kiosk or the portal.");
    default:
      return caller satisfies never;
  }
}

/**
 * The caller as an API key holding `scope`: anyone else is asked for a key (401), a key without
 * the scope is refused (403) with the scope it lacks named.
 */
export function requireApiScope(caller: Caller, scope: ApiKeyScope): ApiKeyCaller {
  if (caller.kind !== "apiKey") {
    throw new AppError(
      "UNAUTHENTICATED",
      "Send one of your company's API keys: Authorization: Bearer eqk_…",
    );
  }
  if (!caller.scopes.includes(scope)) {
    throw new AppError(
      "FORBIDDEN",
      `This API key does not have the "${scope}" scope; ask your company admin for a key that has it.`,
    );
  }
  return caller;
}
