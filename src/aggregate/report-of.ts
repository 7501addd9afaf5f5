/**
 * Pure: one report's numbers for a month, from its raw files' tallies (see source/tally-spec.ts for
 * the rows' shape), equal to pandas' `pd.concat(read_csv(f) for f in files)`, filtered, then
 * `groupby(keys, dropna=False)` and the measure, except that blank group values are the "(blank)"
 * group. The scanner has applied the filter and turned timestamps into their parts already.
 */
import type { Measure, ReportDefinition, TimestampPart } from "../config/index.js";
import { BugError, ReportsiteError } from "../errors.js";
import { BLANK_GROUP, keyName, tupleKey, valueColumn } from "../group-values.js";
import { MeasureValueError, pandasValue, type ColumnKind, type PandasValue } from "../measure-value.js";
import { emptyTally, measureValue, tallyValue, type ValueTally } from "./measures.js";
import { BlankMarkers, checkCountsAddUp, reportFromCounts, type Report, type TupleCounts } from "./report.js";
import { reportTables, type TalliedGroup } from "./report-tables.js";

/** One raw file's tally for one report, as the scanner keeps it and the cache stores it. */
export interface ReportTally {
  /**
   * `[...key values, count]` rows, or `[...key values, measure cell, count]` when the report measures
   * a column: key values in the report's groupBy order then its chartField; each a cell's text, a
   * timestamp part's text (`""` for a blank timestamp), or `null` when the file has no such column.
   * The measure cell is the cell's text, or `null` when the file has no such column.
   */
  rows: TupleCounts;
  /** How pandas reads each measured column in that file (decided over all its rows, filtered ones too). */
  kinds: Readonly<Record<string, ColumnKind>>;
}

/**
 * pandas cannot compute the report's measure over the month's raw files, though each file read well
 * (a quantile of True/False). `files`: the positions, in the list given, of the files it cannot use.
 */
export class ReportMeasureError extends ReportsiteError {
  readonly column: string;
  readonly files: readonly number[];
  constructor(message: string, options: { column: string; files: readonly number[]; hint: string }) {
    super(message, { hint: options.hint });
    this.column = options.column;
    this.files = options.files;
  }
}

/**
 * The month's numbers of one report from its files' tallies, equal to pandas' on the concatenated files.
 * @example reportFromTallies(definition, [{ rows: [["Pothole", "Request", 3]], kinds: {} }], PANDAS_MISSING_VALUES)
 */
export function reportFromTallies(
  report: ReportDefinition,
  files: readonly ReportTally[],
  missingValues: readonly string[],
): Report {
  checkRowWidths(report, files);
  checkKinds(report.measure, files);
  const plainCount = report.measure.kind === "count" && report.groupBy.every((k) => k.part === undefined);
  return plainCount ? countReport(report, files, missingValues) : measuredReport(report, files, missingValues);
}

/** A count by whole columns: today's report, exactly (the breakdown is the counts without a chartField). */
function countReport(
  report: ReportDefinition,
  files: readonly ReportTally[],
  missingValues: readonly string[],
): Report {
  const groupBy = report.groupBy.map(keyName);
  const { chartField } = report;
  const countColumns = chartField === undefined ? groupBy : [...groupBy, chartField];
  return reportFromCounts(
    files.map((f) => f.rows),
    countColumns,
    { groupBy, ...(chartField === undefined ? {} : { chartField }), missingValues },
  );
}

/** The cells of a row: one per key, the measured cell when there is one, then the count. */
function checkRowWidths(report: ReportDefinition, files: readonly ReportTally[]): void {
  const width = keysOf(report).length + (report.measure.kind === "count" ? 0 : 1) + 1;
  for (const file of files) {
    const bad = file.rows.find((row) => row.length !== width);
    if (bad) throw new BugError(`report "${report.id}": a tally row has ${bad.length} cells, not ${width}`);
  }
}

/**
 * The scanner refuses a file whose numeric measure column is text (with its file and line); a column
 * of only True/False it lets through, as pandas computes a sum, mean, median, min or max over it (as
 * 1 and 0), but no quantile.
 */
function checkKinds(measure: Measure, files: readonly ReportTally[]): void {
  if (measure.kind === "count" || measure.kind === "distinct" || measure.kind === "share") return;
  const { column } = measure;
  const kinds = files.map((f) => f.kinds[column] ?? "empty");
  if (kinds.includes("text")) throw new BugError(`a ${measure.kind} of "${column}" over a file that holds text in it`);
  const booleans = kinds.flatMap((kind, i) => (kind === "boolean" ? [i] : []));
  if (measure.kind !== "p90" || booleans.length === 0) return;
  throw new ReportMeasureError(
    `the p90 of "${column}" cannot be computed: ${booleans.length} of the month's raw files hold only True/False in "${column}", and pandas takes no quantile of those`,
    {
      column,
      files: booleans,
      hint: `Measure "${column}" with a mean (the share of True), or take the p90 of a column of numbers.`,
    },
  );
}

/** A report's keys: its groupBy keys, then its chartField (a whole column). */
function keysOf(report: ReportDefinition): { name: string; part?: TimestampPart }[] {
  const chart = report.chartField === undefined ? [] : [{ name: report.chartField }];
  return [...report.groupBy.map((k) => ({ name: keyName(k), ...(k.part ? { part: k.part } : {}) })), ...chart];
}

/** What a month's files add up to, before the measure. */
interface MonthTallies {
  groups: Map<string, TalliedGroup>;
  /** Per group × chartField value; empty without a chartField. */
  breakdown: Map<string, TalliedGroup>;
  /** Every row the report kept. */
  overall: ValueTally;
  blanks: BlankMarkers;
  totalRows: number;
}

/** Any measure, or a count by a timestamp part: from the merged tallies of every group. */
function measuredReport(
  report: ReportDefinition,
  files: readonly ReportTally[],
  missingValues: readonly string[],
): Report {
  const keys = keysOf(report);
  const month = tallyMonth(report, files, new Set(missingValues));
  const measure = (tally: ValueTally) => measureOf(report.measure, tally);
  const tables = reportTables(
    { keys, groupKeys: report.groupBy.length, valueColumn: valueColumn(report.measure) },
    { groups: [...month.groups.values()], breakdown: [...month.breakdown.values()], measure },
  );
  if (report.measure.kind === "count") {
    checkCountsAddUp(
      (tables.counts.array("count") as number[]).reduce((a, b) => a + b, 0),
      month.totalRows,
    );
  }
  return {
    ...tables,
    valueColumn: valueColumn(report.measure),
    overall: measure(month.overall),
    totalRows: month.totalRows,
    blanks: month.blanks.list(),
  };
}

/** Every file's rows into one tally per group, per group × chartField value, and over all rows. */
function tallyMonth(
  report: ReportDefinition,
  files: readonly ReportTally[],
  missing: ReadonlySet<string>,
): MonthTallies {
  const keys = keysOf(report);
  const groupKeys = report.groupBy.length;
  const blank = (value: string | null, i: number) => isBlank(value, keys[i]!.part, missing);
  const month: MonthTallies = {
    groups: new Map(),
    breakdown: new Map(),
    overall: emptyTally(),
    blanks: new BlankMarkers(
      blank,
      report.groupBy.map((_, i) => i),
    ),
    totalRows: 0,
  };
  for (const file of files) {
    const valueOf = cellReader(report.measure, file.kinds, missing);
    for (const row of file.rows) {
      const count = row[row.length - 1] as number;
      const values = keys.map((_, i) => (blank(row[i] as string | null, i) ? BLANK_GROUP : (row[i] as string)));
      const value = valueOf(row[keys.length] as string | null);
      addTo(month.groups, values.slice(0, groupKeys), value, count);
      if (keys.length > groupKeys) addTo(month.breakdown, values, value, count);
      tallyValue(month.overall, value, count);
      month.blanks.add(row, count);
      month.totalRows += count;
    }
  }
  return month;
}

/** A key value counted under "(blank)": a file without the column, a missing marker, a blank timestamp. */
function isBlank(value: string | null, part: TimestampPart | undefined, missing: ReadonlySet<string>): boolean {
  return value === null || missing.has(value) || (part !== undefined && value === "");
}

function addTo(
  groups: Map<string, TalliedGroup>,
  values: string[],
  value: PandasValue | undefined,
  rows: number,
): void {
  const key = tupleKey(values);
  let group = groups.get(key);
  if (!group) groups.set(key, (group = { values, tally: emptyTally() }));
  tallyValue(group.tally, value, rows);
}

/**
 * A file's measured cells as the values pandas holds for them in that file (`undefined`: missing),
 * each distinct cell read once. A count reads none.
 */
function cellReader(
  measure: Measure,
  kinds: ReportTally["kinds"],
  missing: ReadonlySet<string>,
): (cell: string | null) => PandasValue | undefined {
  if (measure.kind === "count") return () => undefined;
  const column = { name: measure.column, missing };
  const kind = kinds[measure.column] ?? "empty";
  const read = new Map<string, PandasValue>();
  return (cell) => {
    if (cell === null || missing.has(cell)) return undefined;
    let value = read.get(cell);
    if (value === undefined) read.set(cell, (value = typedValue(cell, kind, column)));
    return value;
  };
}

/** pandasValue, for a cell the scanner has judged already: a cell it could not read is a bug here. */
function typedValue(
  cell: string,
  kind: ColumnKind,
  column: { name: string; missing: ReadonlySet<string> },
): PandasValue {
  if (kind === "empty") throw new BugError(`column "${column.name}" has a value in a file whose kind says it has none`);
  try {
    return pandasValue(cell, kind, column);
  } catch (error) {
    if (error instanceof MeasureValueError) throw new BugError(`the scanner let through ${error.message}`);
    throw error;
  }
}

/** measureValue over values the scanner has judged: an infinite value in a sum or mean was refused there. */
function measureOf(measure: Measure, tally: ValueTally): number | null {
  try {
    return measureValue(measure, tally);
  } catch (error) {
    if (error instanceof MeasureValueError) throw new BugError(`the scanner let through ${error.message}`);
    throw error;
  }
}
