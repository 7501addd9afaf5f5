/** Pure: how pages print a report's values, in the unit its measure has (requests, days, %). */
import type { Measure, ReportDefinition } from "../config/index.js";
import { formatMeasure, NO_VALUE } from "../measure-format.js";
import { formatCount } from "./format.js";

/** A report as its values' printing reads it: the measure's kind (summary.json's reports name only that) and unit. */
type PrintedReport = { readonly measure: Pick<Measure, "kind">; readonly unit?: string };

/**
 * The unit a report's values print in, the one rule for headings, cells, headlines and the trend: a
 * count's `unit`, else "requests"; a distinct's or a number measure's `unit`; none for a share (its
 * values carry "%" themselves).
 * @example unitOf({ measure: { kind: "count" } }) // "requests"
 */
export function unitOf(report: PrintedReport): string | undefined {
  if (report.measure.kind === "share") return undefined;
  if (report.measure.kind === "count") return report.unit ?? "requests";
  return report.unit;
}

/**
 * One value of a report as a table cell or a headline prints it: counts with thousands separators,
 * shares as percentages, other measures with two decimals, and the report's unit (unitOf) when it has one.
 * @example formatReportValue({ measure: { kind: "median", column: "case_age_days" }, unit: "days" }, 3.5) // "3.50 days"
 */
export function formatReportValue(
  report: PrintedReport,
  value: number | null,
  { withUnit = true }: { withUnit?: boolean } = {},
): string {
  if (value === null || Number.isNaN(value)) return NO_VALUE;
  const { measure } = report;
  const counted = measure.kind === "count" || measure.kind === "distinct";
  const text = counted ? formatCount(value) : formatMeasure(measure, value);
  const unit = withUnit ? unitOf(report) : undefined;
  if (unit === undefined) return text;
  // the default unit in the singular for one request, as today's headline says it
  return `${text} ${value === 1 && measure.kind === "count" && report.unit === undefined ? "request" : unit}`;
}

/** Counts and sums add up over groups and months: their change since last month is meaningful, a median's is not. */
export function isAdditive(definition: Pick<ReportDefinition, "measure">): boolean {
  return definition.measure.kind === "count" || definition.measure.kind === "sum";
}
