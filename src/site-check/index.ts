export { checkSite } from "./check.js";
export { formatCheckTable, formatCheckMarkdown, failedChecks } from "./format.js";
export { newestMonthFolder } from "./months.js";
