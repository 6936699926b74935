// The reports module's entry: what other modules may use (its routes are mounted by app.ts).
export { reportRollupSubscriber } from "./rollup.subscriber";
export { buildReport, type Report } from "./report.query";
export { reportCsv } from "./report-export";
export { API_REPORT_TEXTS } from "./report-export.texts";
