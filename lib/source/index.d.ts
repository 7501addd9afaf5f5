export { loadMonths, formatRanges } from "./load.js";
export type { LoadOptions, MonthData } from "./load.js";
export { monthId, monthAbbreviation, monthTitle, parseMonth, daysInMonth, dateRawKey, groupByMonth } from "./month.js";
export type { Month, RawObject, DatedObject } from "./month.js";
export { parseCsvStream } from "./parse.js";
export type { RawFile, ParseOptions } from "./parse.js";
