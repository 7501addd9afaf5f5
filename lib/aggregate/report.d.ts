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
/**
 * Count rows per group, like `pandas.concat(frames).groupby(col).size()`, except that rows whose
 * group value is blank (or one of pandas' missing markers such as "NA") are counted under
 * "(blank)" instead of being dropped, so the counts add up to the rows read.
 * @example aggregateReport(table, { groupBy: ["service_name"], chartField: "case_record_type", missingValues: [""] })
 */
export declare function aggregateReport(rows: ColumnTable, settings: ReportSettings): Report;
