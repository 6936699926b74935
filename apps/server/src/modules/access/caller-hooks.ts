import type { FastifyRequest } from "fastify";
import type { DeviceKind, StaffRole } from "../../db/tables";
import { AppError, notFound } from "../../shared/app-error";
import type { AccessTokens } from "./access-token";
import { companyDb, type CompanyRecord } from "../tenancy";
import { requireStaffRole } from "./access";
import {
  anonymousCaller,
  type ApiKeyCaller,
  type Caller,
  type CustomerCaller,
  type DeviceCaller,
  type StaffCaller,
  type StaffTokenCaller,
} from "./caller";
import {
  bearerToken,
  resolveCustomer,
  resolveStaffCaller,
  resolveSuperAdmin,
  verifyStaffToken,
  type AccessDeps,
  type StaffTokenOptions,
} from "./credentials";
import { resolveApiKey, type ApiKeyDeps } from "./api-key-credentials";
import { findDeviceCaller, type DeviceDeps } from "./device-credentials";
import { findTicketHolder } from "./ticket-holder";

declare module "fastify" {
  interface FastifyRequest {
    /** Who is calling, resolved once by the realm's hook (see modules/access). */
    caller?: Caller;
  }
}

/*
 * Fastify hooks, one per kind of caller, that resolve `request.caller` before the handler runs.
 * The company realm's tenancy hook has already set `request.company`.
 */

function companyOf(request: FastifyRequest): CompanyRecord {
  const company = request.company;
  if (!company) throw new AppError("NOT_FOUND", "There is no company at this address.");
  return company;
}

/**
 * onRequest: a signed-in staff member of this company, checked against the database (not only
 * the token) so that a deactivated or demoted account loses access at once; with `roles`, only
 * those roles pass.
 */
export const staffCaller =
  (deps: AccessDeps, opts: StaffTokenOptions & { roles?: readonly StaffRole[] } = {}) =>
  async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    const { claims, caller } = await resolveStaffCaller(deps, companyOf(request), token, opts);
    request.auth = claims;
    request.log = request.log.child({ user: claims.sub });
    if (opts.roles) requireStaffRole(caller, opts.roles);
    request.caller = caller;
  };

/**
 * onRequest: a staff member of this company by its token alone, for a route whose command reads
 * the account in its own statement and refuses a missing or deactivated one there (the
 * StaffTokenCaller); any other route takes `staffCaller`.
 */
export const staffTokenCaller =
  (deps: AccessDeps) =>
  async (request: FastifyRequest): Promise<void> => {
    const company = companyOf(request);
    const token = bearerToken(request.headers.authorization);
    const claims = await verifyStaffToken(deps.tokens, company, token);
    request.auth = claims;
    request.log = request.log.child({ user: claims.sub });
    const caller: StaffTokenCaller = {
      kind: "staffToken",
      companyId: company.id,
      staffId: claims.sub,
    };
    request.caller = caller;
  };

/** Route-level onRequest (after `staffCaller`): company admins only. */
export const companyAdminOnly = async (request: FastifyRequest): Promise<void> => {
  requireStaffRole(
    callerOf(request),
    ["COMPANY_ADMIN"],
    "Only a company administrator can do this.",
  );
};

/** onRequest: a paired, unrevoked device of this company, of one of `kinds`. */
export const deviceCaller =
  (deps: DeviceDeps, kinds: readonly DeviceKind[]) =>
  async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    const raw = header?.startsWith("Device ") ? header.slice(7).trim() : "";
    if (!raw)
      throw new AppError(
        "UNAUTHENTICATED",
        "This screen is not paired. Pair it from the admin panel.",
      );
    const device = await findDeviceCaller(deps, companyOf(request), raw);
    if (!device)
      throw new AppError(
        "UNAUTHENTICATED",
        "This device was unpaired or its token is not valid. Pair it again.",
      );
    if (!kinds.includes(device.deviceKind))
      throw new AppError("FORBIDDEN", "This device may not do that.");
    request.caller = device;
  };

/** onRequest: a platform administrator. */
export const superAdminCaller =
  (tokens: AccessTokens) =>
  async (request: FastifyRequest): Promise<void> => {
    const { claims, caller } = await resolveSuperAdmin(
      tokens,
      bearerToken(request.headers.authorization),
    );
    request.auth = claims;
    request.log = request.log.child({ user: claims.sub });
    request.caller = caller;
  };

/** onRequest: a customer signed in with a phone code (the customer realm, its own tokens). */
export const customerCaller =
  (deps: AccessDeps) =>
  async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    request.caller = await resolveCustomer(deps, token, request.company?.id ?? null);
  };

/**
 * onRequest: one of a company's API keys (the public API, /api/v1). The key names its company:
 * the request works in that company and nowhere else.
 */
export const apiKeyCaller =
  (deps: ApiKeyDeps) =>
  async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization;
    const raw = header?.startsWith("Bearer ") ? header.slice(7).trim() : "";
    if (!raw)
      throw new AppError(
        "UNAUTHENTICATED",
        "Send one of your company's API keys: Authorization: Bearer eqk_…",
      );
    const { company, caller } = await resolveApiKey(deps, raw);
    request.company = company;
    request.caller = caller;
    request.log = request.log.child({ company: company.slug, apiKey: caller.keyId });
  };

/** The API-key caller of a route behind `apiKeyCaller`. */
export function apiKeyOf(request: FastifyRequest): ApiKeyCaller {
  const caller = callerOf(request);
  if (caller.kind !== "apiKey") throw new Error(`${request.url}: expected an API key caller`);
  return caller;
}

/** onRequest: anyone, on behalf of the request's company (the portal, pairing, public pages). */
export const anonymous = async (request: FastifyRequest): Promise<void> => {
  request.caller = anonymousCaller(request.company?.id ?? null);
};

/** preHandler: whoever holds the tracking link in the `:token` path parameter. */
export const ticketHolderCaller =
  (deps: Pick<AccessDeps, "db">) =>
  async (request: FastifyRequest): Promise<void> => {
    const company = companyOf(request);
    const token = (request.params as { token?: string }).token ?? "";
    const holder = await findTicketHolder(companyDb(deps.db, company), company.id, token);
    if (!holder) throw notFound("The ticket");
    request.caller = holder;
  };

/** The caller a realm hook resolved; a route without one is a programming error. */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new Error(`${request.url}: no caller hook ran for this route`);
  return request.caller;
}

/** The staff caller of a route behind `staffCaller`. */
export function staffOf(request: FastifyRequest): StaffCaller {
  const caller = callerOf(request);
  if (caller.kind !== "staff") throw new Error(`${request.url}: expected a staff caller`);
  return caller;
}

/**
 * The staff member's id on a route behind `staffCaller` or `staffTokenCaller`, for a command
 * that reads the account's access itself.
 */
export function staffIdOf(request: FastifyRequest): string {
  const caller = callerOf(request);
  if (caller.kind !== "staff" && caller.kind !== "staffToken")
    throw new Error(`${request.url}: expected a staff caller`);
  return caller.staffId;
}

/** The device caller of a route behind `deviceCaller`. */
export function deviceOf(request: FastifyRequest): DeviceCaller {
  const caller = callerOf(request);
  if (caller.kind !== "device") throw new Error(`${request.url}: expected a device caller`);
  return caller;
}

/** The customer caller of a route behind `customerCaller`. */
export function customerOf(request: FastifyRequest): CustomerCaller {
  const caller = callerOf(request);
  if (caller.kind !== "customer") throw new Error(`${request.url}: expected a customer caller`);
  return caller;
}
