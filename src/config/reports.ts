/**
 * The reports of a site, as every stage reads them: what each one counts or measures, over which
 * rows, grouped how, and which files it makes. Types only here and pure helpers: the schema and its
 * checks are in schema.ts and load.ts.
 */

/** Parts of an ISO 8601 timestamp a report can group by. */
export const TIMESTAMP_PARTS = ["weekday", "hour", "date"] as const;
/** `weekday` (Monday … Sunday), `hour` (00 … 23, the wall-clock hour written in the cell), `date` (YYYY-MM-DD). */
export type TimestampPart = (typeof TIMESTAMP_PARTS)[number];

/** One thing a report groups by: a column's values, or one part of a timestamp column's values. */
export interface GroupKey {
  readonly column: string;
  readonly part?: TimestampPart;
}

/**
 * Rows a report keeps: those whose `column` is one of `values` (`keep: "listed"`), or is not
 * (`keep: "others"`). Cells compare as text; a blank or missing-marker cell is never one of the
 * values (pandas' `isin` on NaN), so "others" keeps it.
 */
export interface RowFilter {
  readonly column: string;
  readonly values: readonly string[];
  readonly keep: "listed" | "others";
}

/** The measures that take the numbers of one column. */
export type NumericMeasureName = "sum" | "mean" | "median" | "min" | "max" | "p90";
export const NUMERIC_MEASURES: readonly NumericMeasureName[] = ["sum", "mean", "median", "min", "max", "p90"];

/** What a report computes per group (see aggregate/measures.ts for each one's exact rule). */
export type Measure =
  | { readonly kind: "count" }
  | { readonly kind: NumericMeasureName; readonly column: string }
  | { readonly kind: "distinct"; readonly column: string }
  | { readonly kind: "share"; readonly column: string; readonly values: readonly (string | number)[] };

/** How a report's chart draws it. */
export type ChartKind = "bar" | "heatmap" | "line";

/** A month's file names of one report, inside the month's folder. */
export interface ReportFiles {
  readonly csv: string;
  readonly table: string;
  readonly chart: string;
}

/** A choropleth of the report's value per area: the user's boundary file and the property naming each area. */
export interface ReportMap {
  /** Absolute path of the GeoJSON or TopoJSON file of the areas. */
  readonly shapes: string;
  /** The feature property whose values are the report's first groupBy column's values, e.g. `district`. */
  readonly key: string;
}

/** Where the report's rows come from: their coordinates binned into a grid (map-grid.ts); only cell counts are published. */
export interface ReportPoints {
  readonly lat: string;
  readonly lng: string;
  /** Edge of a grid cell in metres. */
  readonly cellSize: number;
  /** Fewest rows a published cell holds; never below 2. */
  readonly minCount: number;
}

/** One report of the site, fully defaulted. */
export interface ReportDefinition {
  /** Slug, e.g. `median-days-to-close`; names its files unless `files` says otherwise. */
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** Unit of the measure's values, printed after them, e.g. "days"; counts say "requests". */
  readonly unit?: string;
  /** At least one; a heatmap has two. */
  readonly groupBy: readonly GroupKey[];
  /** The column each group is split by in the chart (and the breakdown), when any. */
  readonly chartField?: string;
  readonly measure: Measure;
  /** Every filter must keep a row for the report to count it; none: every row. */
  readonly filter: readonly RowFilter[];
  readonly chart: ChartKind;
  readonly files: ReportFiles;
  /** Most distinct groups (and chartField values) a month may have. */
  readonly maxGroups: number;
  /** The month's value per area on a map, when the report has one. */
  readonly map?: ReportMap;
  /** The report's rows binned by location, when the report has coordinates to bin. */
  readonly points?: ReportPoints;
}

// the names of a report's columns live in a leaf, so the stages that may load only config's types name them alike
export { keyName } from "../group-values.js";
