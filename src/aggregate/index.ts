export { aggregateReport, reportFromCounts } from "./report.js";
export type { BlankMarker, Report } from "./report.js";
export * from "./measures.js";
