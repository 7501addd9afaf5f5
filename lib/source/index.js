export { loadMonths, formatRanges } from "./load.js";
export { monthId, monthAbbreviation, monthTitle, parseMonth, daysInMonth, dateRawKey, groupByMonth } from "./month.js";
export { parseCsvStream } from "./parse.js";
