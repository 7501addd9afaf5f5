/**
 * A reference tally builder for tests: one raw file's ReportTally for one report, built plainly from
 * the CSV text (csv-parse, one row at a time) by the rules of the shared design, so that
 * reportFromTallies can be compared with pandas before (and beside) the real scanner.
 */
import { parse } from "csv-parse/sync";
import { kindWith, type ColumnKind, type ReportTally } from "../../src/aggregate/index.js";
import type { GroupKey, Measure, ReportDefinition, RowFilter } from "../../src/config/index.js";
import { tupleKey } from "../../src/group-values.js";

/** A report definition with test defaults: groupBy keys as column names or `{column, part}`. */
export function reportDefinition(options: {
  groupBy: readonly (string | GroupKey)[];
  chartField?: string;
  measure?: Measure;
  filter?: readonly RowFilter[];
  chart?: ReportDefinition["chart"];
  id?: string;
}): ReportDefinition {
  const id = options.id ?? "test-report";
  return {
    id,
    title: id,
    groupBy: options.groupBy.map((k) => (typeof k === "string" ? { column: k } : k)),
    ...(options.chartField === undefined ? {} : { chartField: options.chartField }),
    measure: options.measure ?? { kind: "count" },
    filter: options.filter ?? [],
    chart: options.chart ?? "bar",
    files: { csv: `${id}.csv`, table: `${id}.html`, chart: `${id}_chart.html` },
    maxGroups: 1000,
  };
}

/** A report definition with the config's defaults (a count by service_name, bar, `<id>` file names), changed by `over`. */
export function definitionWith(over: Partial<ReportDefinition> & { id: string }): ReportDefinition {
  return {
    title: over.id,
    groupBy: [{ column: "service_name" }],
    measure: { kind: "count" },
    filter: [],
    chart: "bar",
    files: { csv: `${over.id}.csv`, table: `${over.id}.html`, chart: `${over.id}_chart.html` },
    maxGroups: 1000,
    ...over,
  };
}

const NUMERIC = ["sum", "mean", "median", "min", "max", "p90"];

/** One raw file's tally for a report; throws on a cell the scanner would refuse (plainly, without file and line). */
export function referenceTally(report: ReportDefinition, csv: string, missingValues: readonly string[]): ReportTally {
  const missing = new Set(missingValues);
  const records = recordsOf(csv);
  const measured = report.measure.kind === "count" ? undefined : report.measure.column;
  const keys: GroupKey[] = [...report.groupBy, ...(report.chartField ? [{ column: report.chartField }] : [])];
  const counts = new Map<string, { values: (string | null)[]; count: number }>();
  let kind: ColumnKind = "empty";
  const judged = new Set<string | null>();
  for (const record of records) {
    const cell = (column: string): string | null => (column in record ? record[column]! : null);
    // each distinct cell once, as the scanner does (a cell's kind does not depend on where it stands)
    if (measured !== undefined && !judged.has(cell(measured))) {
      judged.add(cell(measured));
      kind = judgeMeasured(report.measure, kind, cell(measured), missing);
    }
    if (!report.filter.every((f) => keeps(f, cell(f.column), missing))) continue;
    const values = keys.map((k) => keyValue(k, cell(k.column), missing));
    if (measured !== undefined) values.push(cell(measured));
    const key = tupleKey(values);
    const entry = counts.get(key) ?? { values, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  const rows = [...counts.values()].map(({ values, count }) => [...values, count]);
  return { rows, kinds: measured === undefined ? {} : { [measured]: kind } };
}

/** Files' records by their text: a test builds several reports' tallies from the same files. */
const parsed = new Map<string, Record<string, string>[]>();

function recordsOf(csv: string): Record<string, string>[] {
  if (!parsed.has(csv)) parsed.set(csv, parse(csv, { bom: true, columns: true, skip_empty_lines: true }));
  return parsed.get(csv)!;
}

/** The column's kind with one more cell; a text cell in a numeric measure's column is refused. */
function judgeMeasured(
  measure: Measure,
  kind: ColumnKind,
  cell: string | null,
  missing: ReadonlySet<string>,
): ColumnKind {
  if (cell === null || !("column" in measure)) return kind;
  const column = { name: measure.column, missing };
  const next = kindWith(kind, cell, column);
  if (NUMERIC.includes(measure.kind) && next === "text") throw new Error(`text in "${measure.column}": ${cell}`);
  return next;
}

/** A filter compares the cell's text; a missing marker (or no such column) is never one of its values. */
function keeps(filter: RowFilter, cell: string | null, missing: ReadonlySet<string>): boolean {
  const listed = cell !== null && !missing.has(cell) && filter.values.includes(cell);
  return listed === (filter.keep === "listed");
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** A key's value: the cell's text, or a timestamp's part as written (its offset not applied); "" for a blank timestamp. */
function keyValue(key: GroupKey, cell: string | null, missing: ReadonlySet<string>): string | null {
  if (key.part === undefined || cell === null) return cell;
  if (cell === "" || missing.has(cell)) return "";
  const match = ISO.exec(cell);
  if (!match) throw new Error(`not an ISO 8601 timestamp: ${cell}`);
  const [, year, month, day, hour = "00"] = match;
  if (key.part === "hour") return hour;
  if (key.part === "date") return `${year}-${month}-${day}`;
  return WEEKDAYS[new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))).getUTCDay()]!;
}
