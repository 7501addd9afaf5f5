export { aggregateReport, reportFromCounts, BLANK_GROUP } from "./report.js";
export type { Report } from "./report.js";
