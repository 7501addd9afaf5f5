export { listMonthFiles, readMonthFiles, countColumns, formatRanges, missingDays } from "./load.js";
export type { ListOptions, MonthFiles, MonthRead, ReadOptions } from "./load.js";
export { monthId, monthAbbreviation, monthTitle, parseMonth, daysInMonth, dateRawKey, groupByMonth } from "./month.js";
export type { Month, RawObject, DatedObject } from "./month.js";
export { scanCsv } from "./scan.js";
export type { FileTally, ScanOptions } from "./scan.js";
export { scanPoolFor, inlinePool } from "./scan-pool.js";
export type { ScanPool } from "./scan-pool.js";
export { readRawObject } from "./read.js";
