/**
 * Every action the audit log records, written once: the server can record only these (its
 * `recordAudit` takes an `AuditAction`), and the admin panel must label each of them in every
 * language (its label tables are typed by this list), so neither side can drift from the other.
 */
export const AUDIT_ACTION = {
  AUTH_LOGIN: "auth.login",
  AUTH_PASSWORD_CHANGE: "auth.password.change",
  COMPANY_CREATE: "company.create",
  COMPANY_CREATE_FAILED: "company.create.failed",
  COMPANY_UPDATE: "company.update",
  COMPANY_ACTIVATE: "company.activate",
  COMPANY_SUSPEND: "company.suspend",
  COMPANY_DELETE: "company.delete",
  COMPANY_RESTORE: "company.restore",
  COMPANY_PURGE: "company.purge",
  COMPANY_INVITE_RESEND: "company.invite.resend",
  COMPANY_READY_REQUEST: "company.ready.request",
  COMPANY_BRANDING_UPDATE: "company.branding.update",
  COMPANY_NOTIFICATIONS_UPDATE: "company.notifications.update",
  LOGO_UPLOAD: "logo.upload",
  BRANCH_CREATE: "branch.create",
  BRANCH_UPDATE: "branch.update",
  BRANCH_CLOSE: "branch.close",
  BRANCH_REOPEN: "branch.reopen",
  BRANCH_DELETE: "branch.delete",
  BRANCH_SERVICES_SET: "branch.services.set",
  BRANCH_EXCEPTION_ADD: "branch.exception.add",
  BRANCH_EXCEPTION_DELETE: "branch.exception.delete",
  SERVICE_CREATE: "service.create",
  SERVICE_UPDATE: "service.update",
  SERVICE_DELETE: "service.delete",
  SERVICE_BRANCHES_SET: "service.branches.set",
  COUNTER_CREATE: "counter.create",
  COUNTER_UPDATE: "counter.update",
  COUNTER_DELETE: "counter.delete",
  STAFF_CREATE: "staff.create",
  STAFF_UPDATE: "staff.update",
  STAFF_DEACTIVATE: "staff.deactivate",
  STAFF_REACTIVATE: "staff.reactivate",
  STAFF_PASSWORD_RESET: "staff.password.reset",
  DEVICE_CREATE: "device.create",
  DEVICE_UPDATE: "device.update",
  DEVICE_DELETE: "device.delete",
  DEVICE_PAIRING_CODE: "device.pairing-code",
  DEVICE_PAIR: "device.pair",
  DEVICE_REVOKE: "device.revoke",
  API_KEY_CREATE: "api-key.create",
  API_KEY_REVOKE: "api-key.revoke",
  WEBHOOK_CREATE: "webhook.create",
  WEBHOOK_UPDATE: "webhook.update",
  WEBHOOK_DELETE: "webhook.delete",
} as const;

export type AuditAction = (typeof AUDIT_ACTION)[keyof typeof AUDIT_ACTION];

/** Every audit action, for iteration in tests and label tables. */
export const ALL_AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AUDIT_ACTION);

/** Who an audit entry says acted: the platform's admin, a company's staff, or the system. */
export const AUDIT_ACTOR = {
  SUPER_ADMIN: "SUPER_ADMIN",
  COMPANY_USER: "COMPANY_USER",
  SYSTEM: "SYSTEM",
} as const;

export type AuditActorType = (typeof AUDIT_ACTOR)[keyof typeof AUDIT_ACTOR];
