/**
 * What the scanner keeps of a raw file for one report: its tally spec. Two reports with the same spec
 * (say, the same groups measured two ways) share one tally, and the cache keeps each file's tallies by
 * the spec's signature, so a report's title or chart never makes a file be read again.
 */
// types only: the scan workers load this file, and the config stage (its schema) would cost each of them its load time
import type { GroupKey, ReportDefinition, RowFilter } from "../config/index.js";

/** A report's tally: rows `[...key values, count]`, or `[...key values, measure cell, count]` with a measure. */
export interface TallySpec {
  /** The report's groupBy keys, then its chartField (a plain column) when it has one. */
  readonly keys: readonly GroupKey[];
  /** Every filter must keep a row for it to be counted. */
  readonly filter: readonly RowFilter[];
  /**
   * The column the report measures, and what its cells must be: `numeric` (sum … p90) makes a text
   * cell an error, as pandas could not compute it; `finite` (sum and mean) an infinite one, as the
   * result would be infinite or NaN.
   */
  readonly measure?: { readonly column: string; readonly numeric: boolean; readonly finite: boolean };
  /**
   * A tally of where the rows are instead of what they are (no keys): one row per grid cell,
   * `["row,col", count]`, and `[null, count]` for the rows without a usable location.
   */
  readonly points?: { readonly lat: string; readonly lng: string; readonly cellSize: number };
}

/** The tally spec of a report. */
export function tallySpecOf(report: ReportDefinition): TallySpec {
  const chart = report.chartField === undefined ? [] : [{ column: report.chartField }];
  const keys = [...report.groupBy.map(plainKey), ...chart];
  const { measure } = report;
  if (measure.kind === "count") return { keys, filter: report.filter };
  const numeric = measure.kind !== "distinct" && measure.kind !== "share"; // sum, mean, median, min, max, p90
  const finite = measure.kind === "sum" || measure.kind === "mean";
  return { keys, filter: report.filter, measure: { column: measure.column, numeric, finite } };
}

/** The tally spec of a report's locations (the rows its filter keeps, binned), when it has `points`. */
export function pointsSpecOf(report: ReportDefinition): TallySpec | undefined {
  if (report.points === undefined) return undefined;
  const { lat, lng, cellSize } = report.points;
  return { keys: [], filter: report.filter, points: { lat, lng, cellSize } };
}

/** A key as plain data (no other properties a config object may carry). */
function plainKey(key: GroupKey): GroupKey {
  return key.part === undefined ? { column: key.column } : { column: key.column, part: key.part };
}

/**
 * A stable text naming a spec: equal specs (whatever their object's key order) have equal signatures.
 * A filter's values are kept in their order and the filters too: reordering them only reads the files again.
 * @example tallySignature({ keys: [{ column: "service_name" }], filter: [] }) // '{"keys":[["service_name"]],"filter":[]}'
 */
export function tallySignature(spec: TallySpec): string {
  const keys = spec.keys.map((k) => (k.part === undefined ? [k.column] : [k.column, k.part]));
  const filter = spec.filter.map((f) => [f.column, f.keep, [...f.values]]);
  const measure = spec.measure && [spec.measure.column, spec.measure.numeric, spec.measure.finite];
  const points = spec.points && [spec.points.lat, spec.points.lng, spec.points.cellSize];
  return JSON.stringify({
    keys,
    filter,
    ...(measure === undefined ? {} : { measure }),
    ...(points === undefined ? {} : { points }),
  });
}

/** The raw columns the specs read, once each, in the order the specs name them (keys, measure, filters). */
export function specColumns(specs: readonly TallySpec[]): string[] {
  const columns = specs.flatMap((s) => [
    ...s.keys.map((k) => k.column),
    ...(s.measure ? [s.measure.column] : []),
    ...s.filter.map((f) => f.column),
    ...(s.points ? [s.points.lat, s.points.lng] : []),
  ]);
  return [...new Set(columns)];
}

/** The spec of a plain count by `columns` (each a whole column): the one report of a site without `reports` when it has no chartField. */
export function countSpec(columns: readonly string[]): TallySpec {
  return { keys: columns.map((column) => ({ column })), filter: [] };
}
