import type { ApiKeyScope } from "@equeue/contracts";
import type { DeviceKind, StaffRole } from "../../db/tables";

/** Branches a caller may reach: every branch of its company, or the listed ones. */
export type BranchScope = "ALL" | readonly string[];

/** A signed-in staff member; role and branches as the database says now, not as the token said. */
export type StaffCaller = {
  kind: "staff";
  companyId: string;
  staffId: string;
  role: StaffRole;
  /** A company admin reaches every branch; others their own branch and the ones they manage. */
  branches: BranchScope;
};

/**
 * A staff member whose access token is verified but whose account is not read yet: the route's
 * command reads it in its own statement (the queue's call-next and ticket actions) and refuses a
 * missing or deactivated account exactly as `staffCaller` would, one round trip fewer. No check
 * of the access module accepts it: it carries no role and no branches.
 */
export type StaffTokenCaller = { kind: "staffToken"; companyId: string; staffId: string };

/** A paired, unrevoked kiosk or display board; it is bound to one branch. */
export type DeviceCaller = {
  kind: "device";
  companyId: string;
  deviceId: string;
  deviceKind: DeviceKind;
  branchId: string;
};

/** Whoever holds a ticket's tracking link (or its QR code). */
export type TicketHolderCaller = { kind: "ticketHolder"; companyId: string; ticketId: string };

/**
 * A customer who proved a phone number with a one-time code; one account across companies
 * (`companyId` is the company whose pages are being used, if any). Their tickets are the ones
 * taken with that phone.
 */
export type CustomerCaller = {
  kind: "customer";
  companyId: string | null;
  customerId: string;
  /** E.164, as proven. */
  phone: string;
};

/** A platform administrator (the platform realm, its own login). */
export type SuperAdminCaller = { kind: "superAdmin"; adminId: string };

/**
 * A company's own system (its CRM, its app) calling the public API with one of the company's API
 * keys: it reaches that company only, and only what the key's scopes allow.
 */
export type ApiKeyCaller = {
  kind: "apiKey";
  companyId: string;
  keyId: string;
  scopes: readonly ApiKeyScope[];
  rateLimitPerMinute: number;
};

/** Nobody proven: the portal's visitors, pairing screens, public pages. */
export type AnonymousCaller = { kind: "anonymous"; companyId: string | null };

/**
 * Who is calling, decided once at the edge (an HTTP hook or the socket handshake) and handed to
 * every service, which asks the access module what this caller may do (DESIGN.md §7).
 */
export type Caller =
  | StaffCaller
  | StaffTokenCaller
  | DeviceCaller
  | TicketHolderCaller
  | CustomerCaller
  | SuperAdminCaller
  | ApiKeyCaller
  | AnonymousCaller;

export const anonymousCaller = (companyId: string | null = null): AnonymousCaller => ({
  kind: "anonymous",
  companyId,
});
