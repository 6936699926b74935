/**
 * A company's life on the platform: INACTIVE while it is set up, ACTIVE once the Super Admin
 * activates it (then it is on the portal), SUSPENDED (nobody of it may work), DELETED (soft).
 */
export const COMPANY_STATUS = {
  INACTIVE: "INACTIVE",
  ACTIVE: "ACTIVE",
  SUSPENDED: "SUSPENDED",
  DELETED: "DELETED",
} as const;
export type CompanyStatus = (typeof COMPANY_STATUS)[keyof typeof COMPANY_STATUS];
export const COMPANY_STATUSES = Object.values(COMPANY_STATUS) as [
  CompanyStatus,
  ...CompanyStatus[],
];

/** The steps of a new company's set-up checklist (the overview shows them; some are required). */
export const CHECKLIST_KEYS = [
  "branches",
  "services",
  "operators",
  "hours",
  "counters",
  "devices",
] as const;
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number];
