export {
  listMonthFiles,
  readMonthFiles,
  countColumns,
  missingDays,
  monthGroups,
  addTallies,
  scanSpecs,
} from "./load.js";
export { tallySpecOf, pointsSpecOf, tallySignature, countSpec } from "./tally-spec.js";
export type { TallySpec } from "./tally-spec.js";
export type { MonthFiles, MonthRead, UnreadableFile } from "./load.js";
export { TooManyGroupsError } from "./groups.js";
export { monthId, monthAbbreviation, monthTitle, parseMonth, dateRawKey, groupByMonth } from "./month.js";
export type { Month, DatedObject } from "./month.js";
export { scanCsv } from "./scan.js";
export type { FileTally } from "./scan.js";
export { scanPoolFor } from "./scan-pool.js";
export type { ScanPool } from "./scan-pool.js";
