/**
 * Group values (the values of report.groupBy and report.chartField) as every stage names, keys and
 * shows them: source counts them, aggregate sums them, render shows them, and none of these may load
 * another's code for it (render imports only aggregate's types; source and aggregate never import
 * render), so what they must agree on is written here, once.
 */

/** The group a row with an empty (or pandas-missing) value is counted under, and pages name. */
export const BLANK_GROUP = "(blank)";

/**
 * Characters of a value pages and charts show; a longer value is shown shortened (and source warns
 * where it came from). The month's CSV and summary.json keep it whole.
 */
export const SHOWN_VALUE_MAX_CHARS = 200;

/**
 * A Map key for a tuple of group values: JSON of the tuple, so two tuples of texts never share it
 * (`A"|"B`,`C` and `A`,`B"|"C` stay apart). One text is its own key, so a huge value is not copied.
 * @example tupleKey(["Pothole", "1"]) // '["Pothole","1"]'
 */
export function tupleKey(values: readonly (string | null)[]): string {
  const [only] = values;
  return values.length === 1 && typeof only === "string" ? only : JSON.stringify(values);
}

/**
 * The column name a group key has in a report's tables and CSV: the column, or `<column>_<part>`.
 * Here rather than in config, so aggregate and render, which may load only config's types, name the
 * columns the way config does.
 * @example keyName({ column: "requested_datetime", part: "weekday" }) // "requested_datetime_weekday"
 */
export function keyName(key: { readonly column: string; readonly part?: string }): string {
  return key.part === undefined ? key.column : `${key.column}_${key.part}`;
}

/**
 * The column of a report's table that holds its value: `count`, or `<measure>_<column>`.
 * @example valueColumn({ kind: "median", column: "case_age_days" }) // "median_case_age_days"
 */
export function valueColumn(
  measure: { readonly kind: "count" } | { readonly kind: string; readonly column: string },
): string {
  return "column" in measure ? `${measure.kind}_${measure.column}` : "count";
}

/**
 * The month's map page of a report with a map: its table page's name with `_map` before the
 * extension (`final_report_map.html` for the `report` shorthand, `<id>_map.html` by default).
 */
export function mapFileName(files: { readonly table: string }): string {
  const dot = files.table.lastIndexOf(".");
  return dot > 0 ? `${files.table.slice(0, dot)}_map${files.table.slice(dot)}` : `${files.table}_map.html`;
}
