export { aggregateReport, reportFromCounts, BLANK_GROUP } from "./report.js";
