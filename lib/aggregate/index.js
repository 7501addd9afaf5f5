export { aggregateReport, BLANK_GROUP } from "./report.js";
