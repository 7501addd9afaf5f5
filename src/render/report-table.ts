/**
 * Pure: the table of one report of several for one month (report.eta's model): its group columns,
 * its value in the measure's unit, the change since the previous month where values add up, and
 * what "(blank)" means.
 */
import type { Report } from "../aggregate/index.js";
import type { GroupKey, ReportDefinition } from "../config/index.js";
import { BLANK_GROUP, tupleKey } from "../group-values.js";
import { formatMeasure } from "../measure-format.js";
import { compareMonths, type MonthComparison } from "./compare.js";
import { formatCount } from "./format.js";
import { keyLabel, valueLabel } from "./labels.js";
import { blankNote, groupCell, type Cell, type Column, type ReportRow, type TableModel } from "./month-pages.js";
import { formatReportValue, isAdditive, unitOf } from "./report-values.js";
import type { MonthReport, MonthReportOf, PageConfig } from "./site-input.js";
import type { MonthSummary } from "./summary.js";

/** A group key of a report with the name of its table column and its label. */
export interface KeyColumn {
  key: GroupKey;
  name: string;
  label: string;
}

/** The report's key columns: its table's columns but the value column, in groupBy order. */
export function keyColumns(of: MonthReportOf, labels: Readonly<Record<string, string>>): KeyColumn[] {
  const names = of.report.counts.columnNames().filter((c) => c !== of.report.valueColumn);
  return of.definition.groupBy.map((key, i) => ({ key, name: names[i]!, label: keyLabel(key, names[i]!, labels) }));
}

/**
 * The value's heading: its label, and its unit (unitOf) in brackets ("Median case age days (days)");
 * none when the label already is the unit (a count's "Requests").
 */
export function valueTitle(definition: ReportDefinition, labels: Readonly<Record<string, string>>): string {
  const label = valueLabel(definition.measure, labels);
  const unit = unitOf(definition);
  return unit === undefined || unit.toLowerCase() === label.toLowerCase() ? label : `${label} (${unit})`;
}

/** The previous month's values of this report by group, with how the months compare; none when they cannot. */
interface ReportComparison {
  comparison: MonthComparison;
  before: Map<string, number>;
  previousTotal: number;
}

/** What the report's table is drawn from. */
export interface ReportTableInput {
  month: MonthReport;
  of: MonthReportOf;
  keys: readonly KeyColumn[];
  previous: MonthSummary | undefined;
  previousRows: readonly ReportRow[] | undefined;
  pageConfig: PageConfig;
}

/** report.eta's model for one report: key columns, value column, change, totals row and the note on "(blank)". */
export function reportTableModel(input: ReportTableInput): TableModel {
  const { of, keys, pageConfig } = input;
  const compared = reportComparison(input);
  const rows = of.report.counts.objects() as Record<string, string | number | null>[];
  const byValue = keys.every((k) => k.key.part === undefined);
  const previousTitle =
    compared && `${compared.comparison.since}${compared.comparison.perDay ? " (per day of data)" : ""}`;
  const columns: Column[] = [
    ...keys.map((k): Column => ({ label: k.label, numeric: false, sort: undefined })),
    { label: valueTitle(of.definition, pageConfig.labels), numeric: true, sort: byValue ? "descending" : undefined },
    ...(compared ? [{ label: `Change since ${compared.comparison.since}`, numeric: true, sort: undefined }] : []),
  ];
  const order = byValue ? "Largest first" : `In ${keys.map((k) => k.label.toLowerCase()).join(", then ")} order`;
  const groups = keys.map((k) => k.label).join(" · ");
  return {
    caption: `${valueLabel(of.definition.measure, pageConfig.labels)} per ${groups}${previousTitle ? `, with the change since ${previousTitle}` : ""}. ${order}; select a column heading to sort.`,
    columns,
    rows: rows.map((row) => reportRow(row, input, compared)),
    footer: totalsRow(of, columns.length, compared),
    previousTitle,
    blankNote: reportBlankNote(of.report, rows, keys),
  };
}

/** How the report compares with the previous month: only values that add up, with that month's rows known. */
function reportComparison({ month, of, keys, previous, previousRows }: ReportTableInput): ReportComparison | undefined {
  if (!isAdditive(of.definition) || !previousRows) return undefined;
  const comparison = compareMonths(month, previous, changeFormat(of.definition));
  if (!comparison) return undefined;
  const value = (row: ReportRow) => Number(row[of.report.valueColumn] ?? 0);
  const before = new Map(previousRows.map((row) => [rowKey(row, keys), value(row)]));
  return { comparison, before, previousTotal: previousRows.reduce((n, row) => n + value(row), 0) };
}

/** How a change prints its difference: a count as a count, a sum with the measure's decimals. */
function changeFormat(definition: ReportDefinition): (n: number) => string {
  return definition.measure.kind === "count" ? formatCount : (n) => formatMeasure(definition.measure, n);
}

/** The key of a row's group: its key values as one tupleKey. */
function rowKey(row: ReportRow, keys: readonly KeyColumn[]): string {
  return tupleKey(keys.map((k) => String(row[k.name])));
}

/** A group's row: its key values (links where configured), its value, and its change since the previous month. */
function reportRow(row: ReportRow, input: ReportTableInput, compared: ReportComparison | undefined): Cell[] {
  const { of, keys, pageConfig } = input;
  const value = row[of.report.valueColumn] as number | null;
  const cells = keys.map((k) => groupCell(k.name, row[k.name], pageConfig.linkColumns));
  cells.push({
    text: formatReportValue(of.definition, value, { withUnit: false }),
    numeric: true,
    href: undefined,
    sortValue: value ?? undefined,
    title: undefined,
  });
  if (compared) {
    // a group the previous month did not have was 0 then, so its change is all of its value
    const { text, sortValue } = compared.comparison.change(value ?? 0, compared.before.get(rowKey(row, keys)) ?? 0);
    cells.push({ text, numeric: true, href: undefined, sortValue, title: undefined });
  }
  return cells;
}

/** The row under the table: the month's total (values that add up) or overall value, and its change. */
function totalsRow(of: MonthReportOf, width: number, compared: ReportComparison | undefined) {
  const { definition, report } = of;
  const texts = [isAdditive(definition) ? "Total" : "Overall"];
  const keyCount = definition.groupBy.length;
  while (texts.length < keyCount) texts.push("");
  texts.push(formatReportValue(definition, report.overall, { withUnit: false }));
  if (compared) texts.push(compared.comparison.change(report.overall ?? 0, compared.previousTotal).text);
  return texts.slice(0, width).map((text, i) => ({ text, numeric: i >= keyCount }));
}

/**
 * The note on "(blank)": how the month's blank keys were marked. It names how many requests only where
 * that number is exact: a count's blank groups, or a single key (a row is blank there in one way only).
 */
function reportBlankNote(report: Report, rows: readonly ReportRow[], keys: readonly KeyColumn[]): string {
  const blank = rows.filter((row) => keys.some((k) => row[k.name] === BLANK_GROUP));
  if (!blank.length) return "";
  const labels = keys.map((k) => k.label);
  if (report.valueColumn === "count")
    return blankNote(
      report.blanks,
      blank.reduce((n, row) => n + Number(row.count), 0),
      labels,
    );
  if (keys.length !== 1) return "";
  return blankNote(
    report.blanks,
    report.blanks.reduce((n, b) => n + b.rows, 0),
    labels,
  );
}
