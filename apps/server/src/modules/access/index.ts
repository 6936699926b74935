/**
 * Who is calling and what it may do (DESIGN.md §7): one caller model, resolved once at the edge
 * for HTTP and sockets alike, and the checks every service makes first. Import from here.
 */
export type {
  AnonymousCaller,
  ApiKeyCaller,
  BranchScope,
  Caller,
  CustomerCaller,
  DeviceCaller,
  StaffCaller,
  StaffTokenCaller,
  SuperAdminCaller,
  TicketHolderCaller,
} from "./caller";
export { anonymousCaller } from "./caller";
export {
  AccessTokens,
  type AccessClaims,
  type CompanyClaims,
  type CustomerClaims,
  type PlatformClaims,
} from "./access-token";
export {
  ALL_STAFF_ROLES,
  SETUP_ROLES,
  branchIdFilter,
  branchScope,
  canReachBranch,
  isCompanyAdmin,
  requireApiScope,
  requireBranchAccess,
  requireStaffCaller,
  requireStaffRole,
  requireTicketIssuer,
  ticketSourceFor,
} from "./access";
export {
  bearerToken,
  resolveCustomer,
  resolveStaffCaller,
  resolveSuperAdmin,
  verifyStaffToken,
  type AccessDeps,
} from "./credentials";
export {
  anonymous,
  apiKeyCaller,
  apiKeyOf,
  callerOf,
  companyAdminOnly,
  customerCaller,
  customerOf,
  deviceCaller,
  deviceOf,
  staffCaller,
  staffIdOf,
  staffOf,
  staffTokenCaller,
  superAdminCaller,
  ticketHolderCaller,
} from "./caller-hooks";
export {
  deviceTokenHash,
  DeviceTokenCache,
  findDeviceCaller,
  type DeviceDeps,
  newDeviceToken,
} from "./device-credentials";
export { findTicketHolder, findTicketIdByToken } from "./ticket-holder";
export {
  loadStaffCaller,
  staffAccessColumns,
  staffCallerFromRow,
  type StaffAccessRow,
} from "./staff-caller";
export { apiKeyHash, newApiKey, resolveApiKey, type ApiKeyDeps } from "./api-key-credentials";
export { installClientRateLimit, type ClientRateLimitOptions } from "./client-rate-limit";
