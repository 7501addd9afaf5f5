/**
 * Pure: the across-month summary (summary.json / summary.csv). It is what the home page, the trend
 * page and month-over-month changes are drawn from, and what deploy reads back to render index.html.
 */
import type { Measure, ReportDefinition } from "../config/index.js";
import { BugError, RenderError } from "../errors.js";
import { SUMMARY_JSON } from "../site-names.js";
import type { ChangeList } from "./changes.js";
import { labelFor } from "./labels.js";
import type { ReportRow } from "./month-pages.js";
import { formatReportValue, isAdditive } from "./report-values.js";
import type { MonthFacts, MonthReport, MonthReportOf, PageConfig } from "./site-input.js";

/** A row of counts: the group's column values and `count`, e.g. `{ service_name: "Pothole", count: 12 }`. */
export type CountRow = Record<string, string | number>;

/** One month in summary.json. */
export interface MonthSummary extends MonthFacts {
  /** Rows counted (when the config lists reports: the rows the first report kept). */
  total: number;
  /** Paths of the month's files relative to the site root (when the config lists reports: the first report's). */
  links: { table: string; chart: string; csv: string };
  /** groupBy columns + count, largest first: the rows of the month's CSV; empty when the config lists reports (each report has its own CSV). */
  counts: CountRow[];
  /** chartField + count, largest first; empty when the config lists reports. */
  byType: CountRow[];
  /** Each report's headline this month, in the config's order; only when the config lists reports. */
  reports?: MonthReportSummary[];
  /**
   * What changed against the months before (withChanges): one list per count or sum report, or the
   * shorthand's one; absent when there is none to tell of.
   */
  changes?: ChangeList[];
}

/** A report of the site as summary.json lists it: what its monthly value is. */
export interface SiteReport {
  id: string;
  title: string;
  /** The measure's kind: `count`, `sum`, `median`, `share`, … */
  measure: Measure["kind"];
  /** e.g. "days"; absent when the report has none. */
  unit?: string;
}

/**
 * What a report's numbers are computed from. A month carried over from an earlier build (--month)
 * keeps its pages and summary, so it may only stand beside months built now when its reports were
 * computed the same way.
 */
export type ReportBasis = Pick<ReportDefinition, "groupBy" | "chartField" | "measure" | "filter">;

/** A report's basis as plain data, the same for the same definition (summary.json holds it). */
export function reportBasis({ groupBy, chartField, measure, filter }: ReportDefinition): ReportBasis {
  return JSON.parse(JSON.stringify({ groupBy, chartField, measure, filter })) as ReportBasis;
}

/** One report's headline in a month summary: its monthly value, as a number and as pages print it. */
export interface MonthReportSummary extends SiteReport {
  /** What the value (and rows) were computed from; absent in summaries written before it was kept. */
  basis?: ReportBasis;
  /** The report's overall value this month (Report.overall); null when there is none (pandas' NaN). */
  value: number | null;
  /** `value` as pages print it, e.g. "12,345 requests", "3.50 days", "41.2%". */
  text: string;
  /** Paths of the report's files this month, relative to the site root. */
  links: { table: string; chart: string; csv: string };
  /**
   * Counts and sums only: each group's value (key columns and value column, as the CSV has them),
   * from which the next month's pages show the change per group, as one-report sites do from `counts`.
   */
  rows?: ReportRow[];
}

/** summary.json: every month, oldest first, with what is needed to read it. */
export interface SiteSummary {
  title: string;
  groupBy: string[];
  chartField: string;
  /** Labels of groupBy, chartField and count as the pages print them. */
  labels: Record<string, string>;
  /** The site's reports, in the config's order; only when the config lists reports. */
  reports?: SiteReport[];
  months: MonthSummary[];
}

/**
 * The month's reports when the config lists them, undefined for the one report of the `report`
 * shorthand. A page config with reports and a month without them (or the reverse) is a bug of the build.
 */
export function monthReportsOf(month: MonthReport, pageConfig: PageConfig): readonly MonthReportOf[] | undefined {
  if ((pageConfig.reports === undefined) !== (month.reports === undefined))
    throw new BugError(
      `${month.id}: the page config ${pageConfig.reports ? "lists" : "has no"} reports but the month ${month.reports ? "has" : "has none"}`,
    );
  return month.reports;
}

/** The summary of one month. Pure. */
export function toMonthSummary(month: MonthReport, pageConfig: PageConfig): MonthSummary {
  const reports = monthReportsOf(month, pageConfig);
  return {
    id: month.id,
    title: month.title,
    dir: month.dir,
    total: month.report.totalRows,
    files: month.files,
    missingDays: [...month.missingDays],
    ...(month.acceptedGaps?.length
      ? { acceptedGaps: month.acceptedGaps.map((g) => ({ ...g, days: [...g.days] })) }
      : {}),
    emptyDays: [...month.emptyDays],
    skippedFiles: month.skippedFiles,
    ...(month.dataAsOf ? { dataAsOf: month.dataAsOf } : {}),
    // with reports, each report's rows are in its own CSV; the month's numbers are their headlines
    ...(reports
      ? {
          links: reportLinks(month.dir, reports[0]!.definition.files),
          counts: [],
          byType: [],
          reports: reports.map((of) => reportSummary(month.dir, of)),
        }
      : {
          links: reportLinks(month.dir, pageConfig.files),
          counts: countRows(month, pageConfig),
          byType: typeRows(month, pageConfig),
        }),
  };
}

/** The rows of the month's CSV: groupBy columns + count, largest first. */
function countRows(month: MonthReport, pageConfig: PageConfig): CountRow[] {
  return (month.report.counts.objects() as CountRow[]).map((row) =>
    Object.fromEntries(
      [...pageConfig.groupBy, "count"].map((c) => [c, c === "count" ? Number(row[c]) : String(row[c])]),
    ),
  );
}

/** Requests per value of the chart field, largest first. */
function typeRows(month: MonthReport, pageConfig: PageConfig): CountRow[] {
  const byType = new Map<string, number>();
  for (const row of month.report.breakdown.objects() as CountRow[]) {
    const type = String(row[pageConfig.chartField]);
    byType.set(type, (byType.get(type) ?? 0) + Number(row.count));
  }
  return [...byType]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([type, count]) => ({ [pageConfig.chartField]: type, count }));
}

/** The paths of a report's three files in the month's folder `dir`. */
function reportLinks(dir: string, files: ReportDefinition["files"]): MonthSummary["links"] {
  return { table: `${dir}/${files.table}`, chart: `${dir}/${files.chart}`, csv: `${dir}/${files.csv}` };
}

/** One report's headline this month, for summary.json. */
function reportSummary(dir: string, { definition, report }: MonthReportOf): MonthReportSummary {
  return {
    id: definition.id,
    title: definition.title,
    measure: definition.measure.kind,
    ...(definition.unit === undefined ? {} : { unit: definition.unit }),
    basis: reportBasis(definition),
    // NaN is no value (JSON has no NaN)
    value: report.overall === null || Number.isNaN(report.overall) ? null : report.overall,
    text: formatReportValue(definition, report.overall),
    links: reportLinks(dir, definition.files),
    ...(isAdditive(definition) ? { rows: report.counts.objects() as ReportRow[] } : {}),
  };
}

/** The site summary from month summaries (any order; kept oldest first, one per month id). */
export function toSiteSummary(months: readonly MonthSummary[], pageConfig: PageConfig): SiteSummary {
  const byId = new Map(months.map((m) => [m.id, m]));
  const columns = [...pageConfig.groupBy, pageConfig.chartField, "count"];
  return {
    title: pageConfig.siteTitle,
    groupBy: [...pageConfig.groupBy],
    chartField: pageConfig.chartField,
    labels: Object.fromEntries(columns.map((c) => [c, labelFor(c, pageConfig.labels)])),
    ...(pageConfig.reports ? { reports: pageConfig.reports.map(siteReport) } : {}),
    months: [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/** A report as summary.json lists it. */
function siteReport(definition: ReportDefinition): SiteReport {
  const { id, title, measure, unit } = definition;
  return { id, title, measure: measure.kind, ...(unit === undefined ? {} : { unit }) };
}

/** summary.csv: one row per month and group (`month,total,<groupBy...>,count`), the month's CSV rows with the month in front. */
export function toSummaryCsv(summary: SiteSummary): string {
  if (summary.reports) return reportsCsv(summary, summary.reports);
  const header = ["month", "total", ...summary.groupBy, "count"];
  const lines = [header.map(csvCell).join(",")];
  for (const month of summary.months)
    for (const row of month.counts)
      lines.push(
        [month.id, month.total, ...summary.groupBy.map((c) => row[c]), row.count].map((v) => csvCell(v)).join(","),
      );
  return `${lines.join("\n")}\n`;
}

/**
 * summary.csv when the config lists reports: one row per month, one column per report (named by its
 * id) holding the month's value in full precision, empty when the month has none.
 */
function reportsCsv(summary: SiteSummary, reports: readonly SiteReport[]): string {
  const lines = [["month", ...reports.map((r) => r.id)].map(csvCell).join(",")];
  for (const month of summary.months) {
    const values = reports.map((r) => month.reports?.find((m) => m.id === r.id)?.value ?? undefined);
    lines.push([month.id, ...values].map((v) => csvCell(v)).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * A field of summary.csv: text as it is, a number in digits, quoted when it holds a quote, comma or
 * line break. A row always has its groupBy columns and count (toMonthSummary writes them); one that
 * lacked a column (a summary.json edited by hand) would get an empty field, not "undefined".
 */
function csvCell(value: string | number | undefined): string {
  const text = typeof value === "number" ? String(value) : (value ?? "");
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Read summary.json back (deploy renders index.html from it); a RenderError names what is wrong. */
export function parseSiteSummary(text: string, source = SUMMARY_JSON): SiteSummary {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RenderError(`${source} is not JSON: ${(error as Error).message}`, {
      hint: "Run reportsite build again to write it.",
    });
  }
  const summary = value as Partial<SiteSummary>;
  const valid =
    typeof summary?.title === "string" &&
    Array.isArray(summary.groupBy) &&
    typeof summary.chartField === "string" &&
    typeof summary.labels === "object" &&
    Array.isArray(summary.months) &&
    summary.months.every((m) => typeof m?.id === "string" && typeof m.total === "number" && Array.isArray(m.counts)) &&
    isOptionalListOf(summary.reports, isSiteReport) &&
    summary.months.every((m) => isOptionalListOf(m.reports, isMonthReportSummary)) &&
    summary.months.every((m) => isOptionalListOf(m.changes, isChangeList));
  if (!valid)
    throw new RenderError(`${source} is not a site summary written by reportsite build`, {
      hint: "Run reportsite build again to write it.",
    });
  return summary as SiteSummary;
}

/** Absent (a summary of the one report of the `report` shorthand, or of an older build), or a list whose items all pass. */
function isOptionalListOf(value: unknown, isItem: (item: Partial<Record<string, unknown>>) => boolean): boolean {
  return (
    value === undefined ||
    (Array.isArray(value) && value.every((item: unknown) => typeof item === "object" && item !== null && isItem(item)))
  );
}

function isSiteReport(report: Partial<Record<string, unknown>>): boolean {
  return typeof report.id === "string" && typeof report.title === "string" && typeof report.measure === "string";
}

/** What renderChanges reads of a month's changes: its four lists, each item with its text. */
function isChangeList(list: Partial<Record<string, unknown>>): boolean {
  return ["rises", "falls", "new", "vanished"].every(
    (k) =>
      Array.isArray(list[k]) &&
      (list[k] as unknown[]).every((item) => typeof (item as { text?: unknown })?.text === "string"),
  );
}

/** What the home page's cards and the trend page read of a month's report: its value, text and links. */
function isMonthReportSummary(report: Partial<Record<string, unknown>>): boolean {
  const links = report.links as Partial<Record<string, unknown>> | null | undefined;
  return (
    isSiteReport(report) &&
    (typeof report.value === "number" || report.value === null) &&
    typeof report.text === "string" &&
    ["table", "chart", "csv"].every((k) => typeof links?.[k] === "string") &&
    (report.rows === undefined || Array.isArray(report.rows))
  );
}
