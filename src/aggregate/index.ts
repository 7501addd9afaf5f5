export { aggregateReport, reportFromCounts } from "./report.js";
export type { BlankMarker, Report } from "./report.js";
export * from "./measures.js";
export { reportFromTallies, ReportMeasureError } from "./report-of.js";
export type { ReportTally } from "./report-of.js";
export { pointCellsOf } from "./points.js";
