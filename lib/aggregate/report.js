/** Pure: a month's rows -> counts per group, and the breakdown the chart shows. */
import { desc, escape } from "arquero";
import { ReportsiteError } from "../errors.js";
/** The group a row with an empty (or pandas-missing) value is counted under. */
export const BLANK_GROUP = "(blank)";
/**
 * Count rows per group, like `pandas.concat(frames).groupby(col).size()`, except that rows whose
 * group value is blank (or one of pandas' missing markers such as "NA") are counted under
 * "(blank)" instead of being dropped, so the counts add up to the rows read.
 * @example aggregateReport(table, { groupBy: ["service_name"], chartField: "case_record_type", missingValues: [""] })
 */
export function aggregateReport(rows, settings) {
    const missing = new Set(settings.missingValues);
    const keyColumns = [...new Set([...settings.groupBy, settings.chartField])];
    const blankFilled = rows.derive(Object.fromEntries(keyColumns.map((column) => [
        column,
        escape((row) => toGroupValue(row[column], missing)),
    ])));
    const counts = blankFilled
        .groupby(...settings.groupBy)
        .count({ as: "count" })
        .orderby(desc("count"), ...settings.groupBy);
    const breakdown = blankFilled
        .groupby(...settings.groupBy, settings.chartField)
        .count({ as: "count" })
        .orderby(...settings.groupBy, settings.chartField);
    const totalRows = rows.numRows();
    const counted = counts.array("count").reduce((a, b) => a + b, 0);
    if (counted !== totalRows) {
        // Cannot happen unless Arquero drops rows; refuse to publish numbers that do not add up.
        throw new ReportsiteError(`internal check failed: counts add up to ${counted}, but ${totalRows} rows were read`);
    }
    return { counts, breakdown, totalRows };
}
function toGroupValue(value, missing) {
    const text = value === undefined || value === null ? "" : String(value);
    return missing.has(text) ? BLANK_GROUP : text;
}
