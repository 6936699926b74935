/** A report's filter: local dates (inclusive) in each branch's time zone, optional narrowing. */
export type ReportFilter = {
  from: string;
  to: string;
  branchId?: string | undefined;
  serviceId?: string | undefined;
  operatorId?: string | undefined;
  /** The branches the caller reaches; null for all. */
  scope: string[] | null;
};
