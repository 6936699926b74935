const STATUSES = ["INACTIVE", "ACTIVE", "SUSPENDED", "DELETED"] as const;

export function isCompanyStatus(value: string): value is (typeof STATUSES)[number] {
  return (STATUSES as readonly string[]).includes(value);
}
