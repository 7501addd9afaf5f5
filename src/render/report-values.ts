/** Pure: how pages print a report's values, in the unit its measure has (requests, days, %). */
import type { Measure, ReportDefinition } from "../config/index.js";
import { formatMeasure, NO_VALUE } from "../measure-format.js";
import { formatCount } from "./format.js";

/**
 * One value of a report as a table cell or a headline prints it: counts with thousands separators,
 * shares as percentages, other measures with two decimals and the report's unit when it has one.
 * @example formatReportValue({ measure: { kind: "median", column: "case_age_days" }, unit: "days" }, 3.5) // "3.50 days"
 */
export function formatReportValue(
  // the measure's kind is all it reads, so summary.json's reports (kind and unit) print the same way
  report: { readonly measure: Pick<Measure, "kind">; readonly unit?: string },
  value: number | null,
  { withUnit = true }: { withUnit?: boolean } = {},
): string {
  if (value === null || Number.isNaN(value)) return NO_VALUE;
  const { measure, unit } = report;
  if (measure.kind === "count" || measure.kind === "distinct") {
    const text = formatCount(value);
    return withUnit && measure.kind === "count" ? `${text} ${value === 1 ? "request" : "requests"}` : text;
  }
  const text = formatMeasure(measure, value);
  return withUnit && unit !== undefined && measure.kind !== "share" ? `${text} ${unit}` : text;
}

/** Counts and sums add up over groups and months: their change since last month is meaningful, a median's is not. */
export function isAdditive(definition: Pick<ReportDefinition, "measure">): boolean {
  return definition.measure.kind === "count" || definition.measure.kind === "sum";
}
