/** Pure: one report's numbers for a month, from its raw files' tallies (see source/tally-spec.ts for the rows' shape). */
import type { ReportDefinition } from "../config/index.js";
import type { ColumnKind } from "./measure-value.js";
import { reportFromCounts, type Report, type TupleCounts } from "./report.js";

/** One raw file's tally for one report, as the scanner keeps it and the cache stores it. */
export interface ReportTally {
  /**
   * `[...key values, count]` rows, or `[...key values, measure cell, count]` when the report measures
   * a column: key values in the report's groupBy order then its chartField; each a cell's text, a
   * timestamp part's text, or `null` when the file has no such column.
   */
  rows: TupleCounts;
  /** How pandas reads each measured column in that file (decided over all its rows, filtered ones too). */
  kinds: Readonly<Record<string, ColumnKind>>;
}

/**
 * The month's numbers of one report from its files' tallies, equal to pandas' on the concatenated files.
 * @example reportFromTallies(definition, [{ rows: [["Pothole", "Request", 3]], kinds: {} }], PANDAS_MISSING_VALUES)
 */
export function reportFromTallies(
  report: ReportDefinition,
  files: readonly ReportTally[],
  missingValues: readonly string[],
): Report {
  // placeholder until measures, filters and parts land: a plain count split by chartField
  const keys = report.groupBy.map((k) => k.column);
  return reportFromCounts(
    files.map((f) => f.rows),
    [...keys, report.chartField ?? keys[0]!],
    { groupBy: keys, chartField: report.chartField ?? keys[0]!, missingValues },
  );
}
