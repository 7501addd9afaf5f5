/** Pure: a month's rows -> counts per group, and the breakdown the chart shows. */
import { type ColumnTable } from "arquero";
/** The group a row with an empty (or pandas-missing) value is counted under. */
export declare const BLANK_GROUP = "(blank)";
/** What to count. */
export interface ReportSettings {
    /** Columns whose values are counted, e.g. ["service_name"]. */
    groupBy: readonly string[];
    /** Column the chart breaks each group down by, e.g. "case_record_type". */
    chartField: string;
    /** Cell values that count as blank (pandas' na_values). */
    missingValues: readonly string[];
}
/** The aggregated numbers of one month. */
export interface Report {
    /** groupBy columns + `count`, largest count first, ties by group value. */
    counts: ColumnTable;
    /** groupBy columns + chartField + `count`. */
    breakdown: ColumnTable;
    /** Rows read; always the sum of `counts.count`. */
    totalRows: number;
}
/** Counts per exact tuple of count-column values, as [...values, count] rows (groupBy, then chartField). */
export type TupleCounts = readonly (readonly (string | number)[])[];
/**
 * The month's report from the exact counts of its files (each a [...values, count] list over
 * `countColumns`): like `pandas.concat(frames).groupby(col).size()`, except that rows whose group
 * value is blank (or one of pandas' missing markers such as "NA") are counted under "(blank)"
 * instead of being dropped, so the counts add up to the rows read. Tuples are compared value by
 * value, so two different groups can never merge.
 * @example reportFromCounts([[["Pothole", "Request", 3]]], ["service_name", "case_record_type"], settings)
 */
export declare function reportFromCounts(files: readonly TupleCounts[], countColumns: readonly string[], settings: ReportSettings): Report;
/** The report of a table of rows (each row one request): counts every row's tuple, then reportFromCounts. */
export declare function aggregateReport(rows: ColumnTable, settings: ReportSettings): Report;
