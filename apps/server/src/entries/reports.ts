// `@equeue/server/reports`: the report over roll-ups, timed without HTTP by the reports benchmark.
export { buildReport, type ReportFilter } from "../modules/reports/report.query";
export { HISTOGRAM_SIZE, NO_OPERATOR } from "../modules/reports/rollup-fold";
export { refreshDays } from "../modules/reports/rollup.subscriber";
export { backfillTier, DAY_TIERS } from "../modules/reports/day-tier";
export { backfillMonthTier, MONTH_TIERS } from "../modules/reports/month-tier";
