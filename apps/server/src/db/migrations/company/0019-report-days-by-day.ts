import type { Migration } from "../migration";

/**
 * The Super Admin's tickets per day read each company's branch day tier by day alone (the last
 * weeks of every branch); its primary key leads with the branch.
 */
export const companyReportDaysByDay: Migration = {
  version: 19,
  name: "report-days-by-day",
  statements: (s) => [`create index report_days_day on ${s}.report_days (day)`],
};
