export { aggregateReport, reportFromCounts, BLANK_GROUP } from "./report.js";
export type { Report, ReportSettings, TupleCounts } from "./report.js";
