/** Pure: a month's rows -> counts per group, and the breakdown the chart shows. */
import type { PointCells } from "../map-grid.js";
import { desc, table, type ColumnTable } from "arquero";
import { BugError } from "../errors.js";
import { BLANK_GROUP, tupleKey } from "../group-values.js";

/** What to count: the part of the config aggregation needs. */
export interface ReportSpec {
  /** Columns whose values are counted, e.g. ["service_name"]. */
  groupBy: readonly string[];
  /** Column the chart breaks each group down by, e.g. "case_record_type"; none: the breakdown is the counts. */
  chartField?: string;
  /** Cell values that count as blank (pandas' na_values). */
  missingValues: readonly string[];
}

/** The aggregated numbers of one report for one month. */
export interface Report {
  /**
   * The group key columns (config's keyName) + the value column (`valueColumn`: `count`, or e.g.
   * `median_case_age_days`): largest value first, ties by group value; in the parts' own order
   * (Monday first, hour 00 first, oldest date first) when a key is a timestamp part.
   */
  counts: ColumnTable;
  /** The key columns + chartField + the value column; the same table as `counts` when the report has no chartField. */
  breakdown: ColumnTable;
  /** Name of the value column: `count` for a count, else config's valueColumn(measure). */
  valueColumn: string;
  /**
   * The month's headline: the rows counted for a count, the total for a sum, and for the other
   * measures the measure over all the month's rows the report keeps (never an average of groups);
   * `null` where pandas gives NaN (no values).
   */
  overall: number | null;
  /** Rows the report kept (after its filter); for a count, the sum of `counts.count`. */
  totalRows: number;
  /** How the rows counted under "(blank)" in a groupBy column were marked in the raw data, most rows first. */
  blanks: BlankMarker[];
  /** The report's rows binned by location (ReportDefinition.points), when it bins them. */
  points?: PointCells;
}

/**
 * A way a group value was missing, and the rows it was missing that way in: `marker` is the cell's
 * text (`""`: left empty; `"None"`: one of report.missingValues), or `null` when the row's file has no
 * such column. A row blank in two groupBy columns in two ways counts under both.
 */
export interface BlankMarker {
  marker: string | null;
  rows: number;
}

/**
 * Counts per exact tuple of count-column values, as [...values, count] rows (groupBy, then
 * chartField); `null` is a column the row's file does not have (counted under "(blank)").
 */
export type TupleCounts = readonly (readonly (string | number | null)[])[];

/**
 * The month's report from the exact counts of its files (each a [...values, count] list over
 * `countColumns`): like `pandas.concat(frames).groupby(col).size()`, except that rows whose group
 * value is blank (or one of pandas' missing markers such as "NA") are counted under "(blank)"
 * instead of being dropped, so the counts add up to the rows read. Tuples are compared value by
 * value, so two different groups can never merge. A column a file does not have (`null`) is blank
 * there, as pandas.concat reads it.
 * @example reportFromCounts([[["Pothole", "Request", 3]]], ["service_name", "case_record_type"], spec)
 */
export function reportFromCounts(
  files: readonly TupleCounts[],
  countColumns: readonly string[],
  spec: ReportSpec,
): Report {
  const missing = new Set(spec.missingValues);
  const groupIndexes = spec.groupBy.map((c) => countColumns.indexOf(c));
  const { chartField } = spec;
  const chartIndex = chartField === undefined ? -1 : countColumns.indexOf(chartField);
  const byGroup = new TupleTotals();
  const byBreakdown = new TupleTotals();
  const blank = (v: string | null) => v === null || missing.has(v);
  const blanks = new BlankMarkers(blank, groupIndexes);
  let totalRows = 0;
  for (const counts of files) {
    for (const row of counts) {
      const values = row.slice(0, -1).map((v) => (blank(v as string | null) ? BLANK_GROUP : (v as string)));
      const count = row[row.length - 1] as number;
      blanks.add(row, count);
      const group = groupIndexes.map((i) => values[i]!);
      byGroup.add(group, count);
      if (chartIndex >= 0) byBreakdown.add([...group, values[chartIndex]!], count);
      totalRows += count;
    }
  }
  const counts = byGroup.toTable(spec.groupBy).orderby(desc("count"), ...spec.groupBy);
  const breakdown =
    chartField === undefined
      ? counts
      : byBreakdown.toTable([...spec.groupBy, chartField]).orderby(...spec.groupBy, chartField);
  checkCountsAddUp(
    (counts.array("count") as number[]).reduce((a, b) => a + b, 0),
    totalRows,
  );
  return { counts, breakdown, valueColumn: "count", overall: totalRows, totalRows, blanks: blanks.list() };
}

/**
 * The counts of a report must add up to the rows read. Only a bug (a tuple lost while counting) can
 * make them differ, and numbers that do not add up must never be published, so that stops the build.
 */
export function checkCountsAddUp(counted: number, totalRows: number): void {
  if (counted !== totalRows) throw new BugError(`the counts add up to ${counted}, but ${totalRows} rows were read`);
}

/** Rows per missing marker found in the groupBy columns (per tuple, never per row). */
export class BlankMarkers {
  private readonly rows = new Map<string | null, number>();
  /** `blank`: whether a value of the key at that index of the row is counted under "(blank)". */
  constructor(
    private readonly blank: (value: string | null, index: number) => boolean,
    private readonly groupIndexes: readonly number[],
  ) {}
  add(row: readonly (string | number | null)[], count: number): void {
    const seen: (string | null)[] = [];
    for (const i of this.groupIndexes) {
      const value = row[i] as string | null;
      if (!this.blank(value, i) || seen.includes(value)) continue;
      seen.push(value);
      this.rows.set(value, (this.rows.get(value) ?? 0) + count);
    }
  }
  /** Most rows first; ties by marker, a missing column last (the same order for the same counts). */
  list(): BlankMarker[] {
    const rank = (m: string | null) => (m === null ? 1 : 0);
    return [...this.rows]
      .map(([marker, rows]) => ({ marker, rows }))
      .sort(
        (a, b) => b.rows - a.rows || rank(a.marker) - rank(b.marker) || ((a.marker ?? "") < (b.marker ?? "") ? -1 : 1),
      );
  }
}

/**
 * Sums per exact tuple. Arquero's own groupby keys a tuple by joining quoted values with "|"
 * unescaped, so `A"|"B`,`C` and `A`,`B"|"C` would merge; a tupleKey cannot.
 */
class TupleTotals {
  private readonly totals = new Map<string, { values: string[]; count: number }>();
  add(values: string[], count: number): void {
    const key = tupleKey(values);
    const entry = this.totals.get(key);
    if (entry) entry.count += count;
    else this.totals.set(key, { values, count });
  }
  /** One row per tuple; a column name given twice (chartField among groupBy) is one column. */
  toTable(names: readonly string[]): ColumnTable {
    const columns: Record<string, unknown[]> = Object.fromEntries(names.map((c) => [c, []]));
    const count: number[] = [];
    for (const { values, count: n } of this.totals.values()) {
      names.forEach((c, i) => (columns[c]![count.length] = values[i]));
      count.push(n);
    }
    return table({ ...columns, count });
  }
}

/** The report of a table of rows (each row one request): counts every row's tuple, then reportFromCounts. */
export function aggregateReport(rows: ColumnTable, spec: ReportSpec): Report {
  const chart = spec.chartField === undefined ? [] : [spec.chartField];
  const countColumns = [...new Set([...spec.groupBy, ...chart])];
  const data = countColumns.map((c) => rows.array(c) as readonly Cell[]);
  const counts = Array.from({ length: rows.numRows() }, (_, i) => [...data.map((column) => cellText(column[i])), 1]);
  return reportFromCounts([counts], countColumns, spec);
}

/** A value in an Arquero table read from CSV (the types its parser gives a cell). */
type Cell = string | number | boolean | Date | null | undefined;

/** The text a cell is counted under: a missing value is the empty group. */
function cellText(value: Cell): string {
  return value === undefined || value === null ? "" : String(value);
}
