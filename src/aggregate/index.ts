export { aggregateReport, reportFromCounts, BLANK_GROUP } from "./report.js";
export type { BlankMarker, Report } from "./report.js";
export * from "./measures.js";
