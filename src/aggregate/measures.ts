/**
 * Pure: the measures a report computes per group, from value tallies that add up across raw files,
 * equal to pandas' `pd.concat(read_csv(f) for f in files).groupby(groupBy)[column].agg(...)`.
 *
 * A ValueTally keeps, per group, how many rows had each value (as pandas holds it: see
 * measure-value.ts) and how many had none, so every measure follows exactly from the tallies:
 * - count: the group's rows (pandas `size()`), blank cells included.
 * - sum: Σ value × count, computed exactly and rounded once: the same whatever the order of the
 *   files and rows. pandas sums a group with Kahan summation in row order (not numpy's pairwise
 *   sum), which is the correctly rounded sum or an ulp or so from it; no tally can reproduce the
 *   row order, so the last bits of the two may differ. Printed with MEASURE_DECIMALS they are equal
 *   unless a rounding boundary (x.xx5) lies between them: values with at most two decimals sum to
 *   near a multiple of 0.01, far from one; an exact tie (3616.125, from values exact in binary) is
 *   reached exactly by both and printed alike (ties to even, see measure-format.ts's formatFixed). No values:
 *   0, as pandas.
 *   An infinite value is an error: pandas' Kahan sum then gives inf or NaN depending on where in
 *   the rows the inf stands, so no tally can reproduce it.
 * - mean: that sum / the number of values, one double division as pandas does. No values: none.
 *   Where pandas' Kahan sum is off the exact one by an ulp and the mean's exact decimal value is a
 *   tie at the printed precision (1.005: values 1.00 and 1.01), the two print differently: in a
 *   simulation of 20,000 groups of values with two decimals, 17 to 54 of them; none with integer
 *   values (their sums are exact both ways). Only the values in row order would remove that: a
 *   Kahan sum's state at the end of one file cannot be merged with another file's.
 * - median, p90, min, max: order statistics of the values expanded from the counts, without
 *   expanding them: bit for bit pandas' groupby median ((a + b) / 2 for an even number of values)
 *   and groupby quantile(0.9) (linear: v[i] + (v[i+1] - v[i]) × frac, i = ⌊0.9 × (n - 1)⌋).
 * - distinct: pandas `nunique()`: missing cells excluded; values compared as pandas holds them, so
 *   in a numeric column `5`, `5.0` and ` 5` are one value, in a text column three.
 * - share: the group's rows whose value is one of the listed ones, over all its rows (blank cells
 *   count in the denominator), as `isin(values)` then `mean()`: a missing cell never matches, and a
 *   number matches only numbers (pandas' 5.0 is not "5").
 *
 * "none" (pandas NaN: a mean of no values) is `null`. Pages print numbers with formatMeasure:
 * counts as integers, shares as percentages with SHARE_DECIMALS, everything else with
 * MEASURE_DECIMALS (2): the precision of the cents and hundredths that raw exports carry, and few
 * enough digits that a sum's floating-point error (about 1e-16 of it) never reaches them.
 */
import type { Measure, NumericMeasureName } from "../config/index.js";
import { exactSum } from "./exact.js";
import {
  MeasureValueError,
  pandasValue,
  type ColumnKind,
  type MeasureColumn,
  type PandasValue,
} from "../measure-value.js";

export { MISSING, MeasureValueError, kindWith, pandasValue, parseMeasureValue } from "../measure-value.js";
export type { ColumnKind, MeasureColumn, PandasValue } from "../measure-value.js";
export type { Measure };
export { formatMeasure, NO_VALUE } from "../measure-format.js";

/** One group's cells of one column, in one raw file or (merged) in a month. */
export interface ValueTally {
  /** Rows whose cell was blank or a missing marker, or whose file has no such column. */
  missing: number;
  /** Rows per value, as pandas holds it (measure-value.ts's pandasValue). */
  counts: Map<PandasValue, number>;
}

/** A tally with nothing counted. */
export function emptyTally(): ValueTally {
  return { missing: 0, counts: new Map() };
}

/** Counts rows with one value into a tally; `undefined` stands for a missing cell. */
export function tallyValue(tally: ValueTally, value: PandasValue | undefined, rows = 1): void {
  if (value === undefined) tally.missing += rows;
  else tally.counts.set(value, (tally.counts.get(value) ?? 0) + rows);
}

/** The tally of the rows of both (a month is the merge of its raw files' tallies); the inputs stay unchanged. */
export function mergeTallies(a: ValueTally, b: ValueTally): ValueTally {
  const merged: ValueTally = { missing: a.missing, counts: new Map(a.counts) };
  merged.missing += b.missing;
  for (const [value, rows] of b.counts) tallyValue(merged, value, rows);
  return merged;
}

/**
 * A raw file's tally of cell texts (keys: cells as read) as pandas' values, once the file's column
 * kind is known at its end: equal values merge (`5` and `5.0` in a numeric column).
 */
export function typedTally(cells: ValueTally, kind: ColumnKind, column: MeasureColumn): ValueTally {
  const typed: ValueTally = { missing: cells.missing, counts: new Map() };
  for (const [cell, rows] of cells.counts) tallyValue(typed, pandasValue(String(cell), kind, column), rows);
  return typed;
}

/** Counts one cell, as its text, into a raw file's tally of cell texts (see typedTally). */
export function tallyCell(cells: ValueTally, cell: string, column: MeasureColumn): void {
  tallyValue(cells, column.missing.has(cell) ? undefined : cell);
}

/** The group's rows, blank cells included. */
export function rowCount(tally: ValueTally): number {
  let rows = tally.missing;
  for (const n of tally.counts.values()) rows += n;
  return rows;
}

/** The measure of one group; `null` where pandas gives NaN. */
export function measureValue(measure: Measure, tally: ValueTally): number | null {
  if (measure.kind === "count") return rowCount(tally);
  if (measure.kind === "distinct") return tally.counts.size;
  if (measure.kind === "share") return shareOf(tally, measure.values);
  return NUMERIC[measure.kind](sortedNumbers(tally, measure.column), measure.column);
}

/** Distinct numbers, ascending, with their counts. */
type Sorted = readonly (readonly [value: number, count: number])[];

const NUMERIC: Record<NumericMeasureName, (values: Sorted, column: string) => number | null> = {
  sum: (values, column) => sumOf(values, column),
  mean: (values, column) => (values.length === 0 ? null : sumOf(values, column) / countOf(values)),
  median: (values) => medianOf(values),
  min: (values) => values[0]?.[0] ?? null,
  max: (values) => values[values.length - 1]?.[0] ?? null,
  p90: (values) => quantileOf(values, 0.9),
};

/** The numbers of a tally, sorted; a text value (a column pandas reads as text) is an error. */
function sortedNumbers(tally: ValueTally, column: string): Sorted {
  const numbers: [number, number][] = [];
  for (const [value, count] of tally.counts) {
    if (typeof value !== "number") throw new MeasureValueError(column, value, "is not a number");
    if (count > 0) numbers.push([value, count]);
  }
  return numbers.sort((a, b) => a[0] - b[0]);
}

function countOf(values: Sorted): number {
  return values.reduce((n, [, count]) => n + count, 0);
}

function sumOf(values: Sorted, column: string): number {
  const infinite = values.find(([value]) => !Number.isFinite(value));
  if (infinite) {
    throw new MeasureValueError(
      column,
      String(infinite[0]),
      "is infinite: its sum would depend on the order of the rows",
    );
  }
  return exactSum(values);
}

/** The k-th smallest value (from 0) of the expanded values. */
function nth(values: Sorted, k: number): number {
  let seen = 0;
  for (const [value, count] of values) {
    seen += count;
    if (k < seen) return value;
  }
  throw new RangeError(`no value number ${k} among ${seen}`);
}

/** pandas' groupby median: the middle value, or the mean of the two middle ones. */
function medianOf(values: Sorted): number | null {
  const n = countOf(values);
  if (n === 0) return null;
  const half = Math.floor(n / 2);
  return n % 2 === 1 ? nth(values, half) : (nth(values, half) + nth(values, half - 1)) / 2;
}

/** pandas' groupby quantile with linear interpolation, the same operations in the same order. */
function quantileOf(values: Sorted, q: number): number | null {
  const n = countOf(values);
  if (n === 0) return null;
  const position = q * (n - 1);
  const index = Math.trunc(position);
  const fraction = position % 1;
  const value = nth(values, index);
  if (fraction === 0) return value;
  return value + (nth(values, index + 1) - value) * fraction;
}

/** Rows whose value is listed, over all rows; `null` for a group of no rows. */
function shareOf(tally: ValueTally, listed: readonly PandasValue[]): number | null {
  const rows = rowCount(tally);
  if (rows === 0) return null;
  const wanted = new Set(listed);
  let matched = 0;
  for (const [value, count] of tally.counts) if (wanted.has(value)) matched += count;
  return matched / rows;
}
