export { listMonthFiles, readMonthFiles, countColumns, formatRanges, missingDays } from "./load.js";
export { monthId, monthAbbreviation, monthTitle, parseMonth, daysInMonth, dateRawKey, groupByMonth } from "./month.js";
export { scanCsv } from "./scan.js";
export { scanPoolFor, inlinePool } from "./scan-pool.js";
export { readRawObject } from "./read.js";
export { parseCsvStream } from "./parse.js";
