export { aggregateReport, BLANK_GROUP } from "./report.js";
export type { Report, ReportSettings } from "./report.js";
