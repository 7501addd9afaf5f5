/**
 * Pure: one month -> its CSV, table page, chart page and folder index. A month's pages depend only on
 * its own report, its neighbours' summaries and the page config, so the build can cache them by that input.
 */
import type { BlankMarker } from "../aggregate/index.js";
import { BLANK_GROUP, mapFileName, tupleKey } from "../group-values.js";
import { INDEX_DOCUMENT, SHORTHAND_POINTS_PAGE } from "../site-names.js";
import type { ChangeList } from "./changes.js";
import { renderChanges } from "./changes-view.js";
import { renderChart } from "./chart.js";
import { chartFigure, type ChartFigure } from "./chart-figure.js";
import { compareMonths, soFar, unexplainedGaps, type MonthComparison } from "./compare.js";
import { formatCount, formatDateTime, formatDays, plural } from "./format.js";
import { labelFor } from "./labels.js";
import { datasetJsonLd } from "./dataset-ld.js";
import { renderPage } from "./layout.js";
import { shorthandMapReport } from "./map-shorthand.js";
import { monthPageLinks } from "./month-links.js";
import { assetsHref, scriptLinks } from "./page-links.js";

import { safeHref } from "./escape.js";
import { shortenedTitle, shownValue, WHOLE_VALUE_MAX_CHARS } from "./shorten.js";
import type { MonthSummary } from "./summary.js";
import type { MonthReport, SiteFile, PageConfig } from "./site-input.js";
import { renderTemplate } from "./templates.js";
import { yearPagePath } from "./year-page.js";

/** The months before and after, as summary.json has them (for links and month-over-month change). */
export interface MonthNeighbours {
  previous?: MonthSummary;
  next?: MonthSummary;
}

/** A row of a report's table: its key values and its value (`null`: none), e.g. `{ service_name: "Pothole", count: 12 }`. */
export type ReportRow = Readonly<Record<string, string | number | null>>;

/**
 * Render a month's four files: CSV, table, chart, and index.html (the table, so `/2019/jan/` works).
 * `changes`, what changed in the month, is shown above the table.
 * @example await renderMonthPages(month, { previous }, pageConfig) // [2019/jan/final_report.csv, ...]
 */
export async function renderMonthPages(
  month: MonthReport,
  neighbours: MonthNeighbours,
  pageConfig: PageConfig,
  changes: readonly ChangeList[] = [],
): Promise<SiteFile[]> {
  const depth = month.dir.split("/").length;
  const rootHref = "../".repeat(depth);
  const subject = siteReportSubject(month, pageConfig);
  const head = (view: MonthView) => headModel(month, neighbours, pageConfig, subject, view, rootHref);
  const tableBody = renderTemplate(
    "report",
    {
      ...head("table"),
      ...tableModel(month, comparisonOf(month, neighbours.previous, pageConfig.groupBy), pageConfig),
      changesHtml: renderChanges(changes, { theme: pageConfig.theme }),
    },
    pageConfig.theme,
  );
  const chartBody = renderTemplate(
    "chart",
    { ...head("chart"), chart: await monthChartFigure(month, pageConfig) },
    pageConfig.theme,
  );
  const page = monthPage(month, pageConfig);
  // index.html is the table page too: both name the folder as their address
  const dataset = datasetJsonLd(pageConfig, {
    month,
    title: pageConfig.siteTitle,
    description: monthPageLinks(month, pageConfig, "").description!,
    pagePath: `${month.dir}/${INDEX_DOCUMENT}`,
    csvPath: `${month.dir}/${pageConfig.files.csv}`,
  });
  const tablePage = page(tableBody, "report", INDEX_DOCUMENT, dataset);
  return [
    { path: `${month.dir}/${pageConfig.files.csv}`, body: month.report.counts.select(...pageConfig.columns).toCSV() },
    { path: `${month.dir}/${pageConfig.files.table}`, body: tablePage },
    { path: `${month.dir}/${pageConfig.files.chart}`, body: page(chartBody, "chart", pageConfig.files.chart) },
    { path: `${month.dir}/${INDEX_DOCUMENT}`, body: tablePage },
  ];
}

/** What the shorthand's map page is drawn in (map-page.ts's MapPageFrame): the head of the month's pages, the page wrapper. */
export function shorthandMapFrame(month: MonthReport, neighbours: MonthNeighbours, pageConfig: PageConfig) {
  const rootHref = "../".repeat(month.dir.split("/").length);
  const head = headModel(month, neighbours, pageConfig, siteReportSubject(month, pageConfig), "map", rootHref);
  return { head, page: monthPage(month, pageConfig), rootHref };
}

/**
 * A page of the month from its body, what it shows ("report", "chart") and its file name in the
 * month's folder, titled "January 2019 chart, <site>".
 */
export function monthPage(
  month: MonthReport,
  pageConfig: PageConfig,
): (body: string, what: string, file: string, linkedData?: unknown) => string {
  return (body, what, file, linkedData) =>
    renderPage({
      body,
      pageTitle: `${month.title} ${what}, ${pageConfig.siteTitle}`,
      siteTitle: pageConfig.siteTitle,
      depth: month.dir.split("/").length,
      theme: pageConfig.theme,
      links: monthPageLinks(month, pageConfig, `${month.dir}/${file}`),
      linkedData,
    });
}

/** The head's subject on the pages of the site's one report: the site's file names and groups. */
export function siteReportSubject(month: MonthReport, pageConfig: PageConfig): HeadSubject {
  const mapped = shorthandMapReport(month, pageConfig);
  return {
    files: mapped ? { ...pageConfig.files, map: mapFileName(pageConfig.files) } : pageConfig.files,
    groupLabel: groupLabel(pageConfig),
    totalRows: month.report.totalRows,
    viewTitles: { table: "requests per group", chart: "chart", map: "map" },
    report: undefined,
    ...(month.report.points ? { points: { href: SHORTHAND_POINTS_PAGE, title: mapped ? "locations" : "map" } } : {}),
  };
}

/** The HTML views of a month (the CSV is the data itself); a report with a map or points has its map pages too. */
export type MonthView = "table" | "chart" | "map" | "points";

/** The month's chart: one bar per group, split by the chart field, at both widths. */
async function monthChartFigure(month: MonthReport, pageConfig: PageConfig): Promise<ChartFigure> {
  const groups = groupLabel(pageConfig);
  const typeLabel = labelFor(pageConfig.chartField, pageConfig.labels);
  const chart = await renderChart({
    description: `${month.title}: requests by ${groups}, split by ${typeLabel}`,
    groupBy: pageConfig.groupBy,
    chartField: pageConfig.chartField,
    groupLabel: groups,
    typeLabel,
    breakdown: month.report.breakdown.objects() as Record<string, unknown>[],
  });
  return chartFigure("chart", `Requests in ${month.title} per ${groups}, split by ${typeLabel}.`, chart);
}

/** What the pages call a group: the labels of the groupBy columns, e.g. "Service type · District". */
function groupLabel(pageConfig: PageConfig): string {
  return pageConfig.groupBy.map((c) => labelFor(c, pageConfig.labels)).join(" · ");
}

/**
 * What the head of a month's pages is about: the site's one report (today's pages), or one report of
 * several, which the breadcrumb and heading then name.
 */
export interface HeadSubject {
  /** The report's files; `map` only when it has a map. */
  files: { csv: string; table: string; chart: string; map?: string };
  /** The labels of the group columns, e.g. "Service type · District". */
  groupLabel: string;
  /** Rows the report counted (after its filter). */
  totalRows: number;
  /** What the heading says after the month's title on each view. */
  viewTitles: Record<"table" | "chart", string> & { map?: string };
  /** The page of the report's binned locations and its heading, when the report has points. */
  points?: { href: string; title: string };
  /** The report's title, description and headline (month-head.eta's `report`); absent on today's one-report pages. */
  report: { title: string; description: string | undefined; headline: string } | undefined;
}

/** The head every page of a month shares: breadcrumb, heading, facts, notices, views and pager. */
export function headModel(
  month: MonthReport,
  neighbours: MonthNeighbours,
  pageConfig: PageConfig,
  subject: HeadSubject,
  view: MonthView,
  rootHref: string,
) {
  const { files, points } = subject;
  const hrefOf = (v: MonthView) => (v === "points" ? points!.href : (files[v] ?? files.chart));
  const other = (m: MonthSummary | undefined) => m && { title: m.title, href: `${rootHref}${m.dir}/${hrefOf(view)}` };
  return {
    rootHref,
    assetsHref: assetsHref(rootHref),
    scripts: scriptLinks(rootHref),
    year: month.id.slice(0, 4),
    // the breadcrumb's year is the year in review
    yearHref: `${rootHref}${yearPagePath(month.id.slice(0, 4))}`,
    monthTitle: month.title,
    viewTitle: view === "points" ? points!.title : (subject.viewTitles[view] ?? ""),
    selfHref: hrefOf(view),
    report: subject.report,
    totalText: formatCount(subject.totalRows),
    filesText: plural(month.files, "daily file"),
    groupLabel: subject.groupLabel,
    dataAsOf: month.dataAsOf ? { iso: month.dataAsOf, text: formatDateTime(month.dataAsOf) } : undefined,
    notices: [...monthNotices(month), ...absentColumnNotices(month, pageConfig)],
    views: [
      { text: "Table", href: files.table, current: view === "table" },
      { text: "Chart", href: files.chart, current: view === "chart" },
      ...(files.map === undefined ? [] : [{ text: "Map", href: files.map, current: view === "map" }]),
      // with a map by area too, the map of locations is named apart
      ...(points ? [{ text: files.map ? "Locations" : "Map", href: points.href, current: view === "points" }] : []),
      { text: "CSV", href: files.csv, current: false },
    ],
    tableHref: files.table,
    csvHref: files.csv,
    previous: other(neighbours.previous),
    next: other(neighbours.next),
  };
}

/**
 * What a reader must know about the month's completeness: how far a month so far goes, the days with
 * no file, the gaps accepted as permanent (and why), unreadable files and days without requests.
 */
export function monthNotices(
  month: Pick<MonthReport, "id" | "title" | "missingDays" | "acceptedGaps" | "emptyDays" | "skippedFiles">,
): string[] {
  const notices: string[] = [];
  const partial = soFar(month);
  if (partial)
    notices.push(
      `So far: ${partial.days} of ${partial.of} days. The data ends on day ${partial.lastDay}; the rest of the month is not in yet.`,
    );
  const gaps = unexplainedGaps(month);
  if (gaps.length) notices.push(`Incomplete month: no daily file for day ${formatDays(gaps)}.`);
  for (const gap of month.acceptedGaps ?? [])
    notices.push(
      `No export for ${formatDays(gap.days)} ${month.title}: accepted${gap.reason ? `, ${gap.reason}` : ""}.`,
    );
  if (month.skippedFiles)
    notices.push(
      `Incomplete month: ${plural(month.skippedFiles, "daily file")} could not be read and ${month.skippedFiles === 1 ? "is" : "are"} left out.`,
    );
  if (month.emptyDays.length)
    notices.push(`No requests on day ${formatDays(month.emptyDays)} (the daily file is empty).`);
  return notices;
}

/**
 * A count column some daily files lack is read as empty there (as pandas.concat does): the page says
 * which files, by day (raw keys stay out of the site), so a reader knows where "(blank)" comes from.
 */
function absentColumnNotices(month: Pick<MonthReport, "absentColumns" | "files">, pageConfig: PageConfig): string[] {
  return (month.absentColumns ?? []).map(({ column, files, days }) => {
    const which = days.length ? ` (day ${formatDays(days)})` : "";
    return `${files} of the ${plural(month.files, "daily file")}${which} ${files === 1 ? "has" : "have"} no ${labelFor(column, pageConfig.labels)} column: their requests are counted under ${BLANK_GROUP}.`;
  });
}

/** A heading of the month's table (report.eta's `columns`). */
export interface Column {
  label: string;
  numeric: boolean;
  /** How the rows are sorted by this column when the page opens (largest count first). */
  sort: "descending" | undefined;
}

/** A cell of the month's table (report.eta's `rows`). */
export interface Cell {
  text: string;
  numeric: boolean;
  href: string | undefined;
  /** Exact value to sort by (numbers), when the text is formatted. */
  sortValue: number | string | undefined;
  /** Hover text of a value shown shortened (the whole value, or where to find it). */
  title: string | undefined;
}

/** A cell of the totals row under the table (report.eta's `footer`). */
export interface FooterCell {
  text: string;
  numeric: boolean;
}

/** What report.eta receives besides the month head. */
export interface TableModel {
  /** The table's caption: what its numbers are and how they are sorted. */
  caption: string;
  columns: Column[];
  rows: Cell[][];
  footer: FooterCell[];
  previousTitle: string | undefined;
  blankNote: string;
}

/** The table: the configured columns, plus the change since the previous month when they can be compared. */
function tableModel(month: MonthReport, comparison: Comparison | undefined, pageConfig: PageConfig): TableModel {
  const objects = month.report.counts.objects() as Record<string, unknown>[];
  const columns = tableColumns(pageConfig, comparison);
  const blank = objects.filter((row) => pageConfig.groupBy.some((c) => row[c] === BLANK_GROUP));
  const blankRows = blank.reduce((n, row) => n + Number(row.count), 0);
  const previousTitle = comparison && `${comparison.since}${comparison.perDay ? " (per day of data)" : ""}`;
  return {
    caption: `Requests per ${groupLabel(pageConfig)}${previousTitle ? `, with the change since ${previousTitle}` : ""}. Largest first; select a column heading to sort.`,
    columns,
    rows: objects.map((row) => tableRow(row, pageConfig, comparison)),
    footer: totalsRow(columns, month.report.totalRows, comparison, pageConfig),
    previousTitle,
    blankNote: blank.length
      ? blankNote(
          month.report.blanks,
          blankRows,
          pageConfig.groupBy.map((c) => labelFor(c, pageConfig.labels)),
        )
      : "",
  };
}

/** The comparison with the previous month, with that month's total and counts by groupKey. */
type Comparison = MonthComparison & { previousTotal: number; before: Map<string, number> };

/** The month's comparison with its neighbour before it, when the two can be compared (compare.ts). */
function comparisonOf(
  month: MonthReport,
  previous: MonthSummary | undefined,
  groupBy: readonly string[],
): Comparison | undefined {
  const comparison = compareMonths(month, previous);
  if (!comparison || !previous) return undefined;
  return { ...comparison, previousTotal: previous.total, before: previousCounts(previous, groupBy) };
}

/** The headings: the configured columns (sorted by count, largest first), then the change since the previous month. */
function tableColumns(pageConfig: PageConfig, comparison: Comparison | undefined): Column[] {
  const columns = pageConfig.columns.map((name): Column => ({
    label: labelFor(name, pageConfig.labels),
    numeric: name === "count",
    sort: name === "count" ? "descending" : undefined,
  }));
  // per day, each cell says so ("+3.1% per day")
  if (comparison) columns.push({ label: `Change since ${comparison.since}`, numeric: true, sort: undefined });
  return columns;
}

/** A group's row: its configured columns, then its change since the previous month. */
function tableRow(row: Record<string, unknown>, pageConfig: PageConfig, comparison: Comparison | undefined): Cell[] {
  const cells = pageConfig.columns.map((name) => tableCell(name, row[name], pageConfig));
  if (comparison) {
    // a group the previous month did not have was 0 then, so its change is all of its count
    const was = comparison.before.get(groupKey(row, pageConfig.groupBy)) ?? 0;
    const { text, sortValue } = comparison.change(Number(row.count), was);
    cells.push({ text, numeric: true, href: undefined, sortValue, title: undefined });
  }
  return cells;
}

/** A cell of a configured column: a count formatted (sorted by its exact number), other values as text or a link. */
function tableCell(name: string, value: unknown, pageConfig: PageConfig): Cell {
  if (name === "count")
    return {
      text: formatCount(Number(value)),
      numeric: true,
      href: undefined,
      sortValue: Number(value),
      title: undefined,
    };
  return groupCell(name, value, pageConfig.linkColumns);
}

/** A cell of a group value: its text (shortened when long), a link when its column is a link column. */
export function groupCell(name: string, value: unknown, linkColumns: readonly string[]): Cell {
  // safeHref turns only http(s) URLs into links, so a hostile cell stays text
  const text = String(value);
  const linked = linkColumns.includes(name) && text.length <= WHOLE_VALUE_MAX_CHARS;
  const href = linked ? safeHref(value) : undefined;
  return { text: shownValue(text), numeric: false, href, sortValue: undefined, title: shortenedTitle(text) };
}

/** The totals row: "Total" under the first column, the month's total under count, its change under the change. */
function totalsRow(
  columns: readonly Column[],
  total: number,
  comparison: Comparison | undefined,
  pageConfig: PageConfig,
): FooterCell[] {
  const text = (i: number): string => {
    if (pageConfig.columns[i] === "count") return formatCount(total);
    // the change column comes after the configured ones, and only when the months can be compared
    if (comparison && i === pageConfig.columns.length) return comparison.change(total, comparison.previousTotal).text;
    return i === 0 ? "Total" : "";
  };
  return columns.map((c, i) => ({ text: text(i), numeric: c.numeric }));
}

/**
 * The note under the table: how this month's "(blank)" requests were marked in the raw data, with the
 * markers actually found there (not the configured list), most requests first.
 */
export function blankNote(blanks: readonly BlankMarker[], rows: number, groupLabels: readonly string[]): string {
  const names = groupLabels.join(" or ");
  const requests = plural(rows, "request");
  // with one way of being blank, the total says how many; with several, each gets its count
  const counted = blanks.length > 1;
  const marked = blankWording(blanks, counted);
  const absent = blanks.find((b) => b.marker === null);
  const noColumn = "their daily file has no such column";
  if (!marked) return `${BLANK_GROUP} counts ${requests} whose ${names} is not in the raw data: ${noColumn}.`;
  const tail = absent ? `, or is not there at all because ${noColumn} (${formatCount(absent.rows)})` : "";
  return `${BLANK_GROUP} counts ${requests} whose ${names} was ${marked} in the raw data${tail}.`;
}

/** How many missing markers the note lists by name before "and N more". */
const MARKERS_SHOWN = 6;

/**
 * The markers found in words, most requests first: `"None" (340), left empty (12) or "NA" (2)` (without
 * the counts unless `counted`); the empty cell is "left empty", the others quoted as in the raw data.
 * Empty when only a missing column made blanks.
 */
export function blankWording(blanks: readonly BlankMarker[], counted = true): string {
  const found = blanks.filter((b): b is { marker: string; rows: number } => b.marker !== null);
  const count = (rows: number) => (counted ? ` (${formatCount(rows)})` : "");
  const words = found
    .slice(0, MARKERS_SHOWN)
    .map((b) => `${b.marker === "" ? "left empty" : JSON.stringify(b.marker)}${count(b.rows)}`);
  const rest = found.slice(MARKERS_SHOWN);
  if (rest.length === 0) return joinOr(words);
  return `${words.join(", ")} and ${rest.length} more${count(rest.reduce((n, b) => n + b.rows, 0))}`;
}

function joinOr(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} or ${items.at(-1)}` : (items[0] ?? "");
}

/** The previous month's counts by group, keyed like groupKey. */
function previousCounts(previous: MonthSummary, groupBy: readonly string[]): Map<string, number> {
  return new Map(previous.counts.map((row) => [groupKey(row, groupBy), Number(row.count)]));
}

/** The key of a row's group: its groupBy values as one tupleKey. */
function groupKey(row: Record<string, unknown>, groupBy: readonly string[]): string {
  return tupleKey(groupBy.map((c) => String(row[c])));
}
