/** The company realm's roles (SUPER_ADMIN is the platform's own realm, with its own login). */
export const STAFF_ROLE = {
  COMPANY_ADMIN: "COMPANY_ADMIN",
  BRANCH_MANAGER: "BRANCH_MANAGER",
  OPERATOR: "OPERATOR",
} as const;
export type StaffRole = (typeof STAFF_ROLE)[keyof typeof STAFF_ROLE];
export const STAFF_ROLES = Object.values(STAFF_ROLE) as [StaffRole, ...StaffRole[]];

/** What an operator is doing at the counter; OFFLINE when at no counter. */
export const OPERATOR_STATUS = {
  AVAILABLE: "AVAILABLE",
  BREAK: "BREAK",
  AWAY: "AWAY",
  OFFLINE: "OFFLINE",
} as const;
export type OperatorStatus = (typeof OPERATOR_STATUS)[keyof typeof OPERATOR_STATUS];
export const OPERATOR_STATUSES = Object.values(OPERATOR_STATUS) as [
  OperatorStatus,
  ...OperatorStatus[],
];
