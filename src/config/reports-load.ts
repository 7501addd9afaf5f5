/**
 * The `reports` key of site-config.json: its checks beyond the schema's (each problem names the
 * report by index and id, and the key), and its normalisation into ReportDefinitions. Everything
 * here runs before any raw data is read, so a bad report stops the build at once.
 */
import {
  DATA_CATALOG,
  DEPLOY_LOCK_KEY,
  ERROR_DOCUMENT,
  FEED,
  INDEX_DOCUMENT,
  PREVIEW_IMAGE,
  ROBOTS,
  SITEMAP,
  SUMMARY_CSV,
  SUMMARY_JSON,
  TREND_PAGE,
  POINTS_PAGE_SUFFIX,
} from "../site-names.js";
import { resolve } from "node:path";
import { mapFileName, valueColumn } from "../group-values.js";
import {
  keyName,
  type GroupKey,
  type Measure,
  type ReportDefinition,
  type ReportFiles,
  type RowFilter,
} from "./reports.js";
import type { ParsedSpec, ReportEntry } from "./schema.js";

/** The names a report's file may not take: the month folder's overview and preview image, and the site's own files. */
const RESERVED_FILE_NAMES = [
  INDEX_DOCUMENT,
  PREVIEW_IMAGE,
  ERROR_DOCUMENT,
  TREND_PAGE,
  SUMMARY_JSON,
  SUMMARY_CSV,
  FEED,
  SITEMAP,
  ROBOTS,
  DATA_CATALOG,
  DEPLOY_LOCK_KEY,
];

/** The keys of `report` that describe the one report of the shorthand, and what to do instead. */
const SHORTHAND_ONLY_KEYS: Readonly<Record<string, string>> = {
  groupBy: "each report has its own groupBy; move it into the reports that group by it",
  points: "each report has its own points; move it into the reports whose requests it maps",
  chartField: "each report has its own chartField; move it into the reports whose chart it splits",
  columns: "a report's table shows its groupBy keys and its value; leave report.columns out",
  map: "each report has its own map; move it into the report whose groups are the areas",
};

/** `reports[2] ("days-to-close")`: how messages name a report (its id as the user wrote it, when a string). */
export function reportPlace(index: number, rawSpec: unknown): string {
  const id = (rawSpec as { reports?: { id?: unknown }[] } | undefined)?.reports?.[index]?.id;
  return typeof id === "string" ? `reports[${index}] (${JSON.stringify(id)})` : `reports[${index}]`;
}

/** The `reports` list, or without it the one report of the `report` shorthand (today's site). */
export function reportsOf(
  spec: ParsedSpec,
  baseDir?: string,
): { reports: ReportDefinition[]; reportsFrom: "report" | "reports" } {
  const reports =
    spec.reports === undefined ? [shorthandReport(spec)] : reportDefinitions(spec.reports, spec.report.maxGroups);
  return {
    // a map's shapes file is relative to the config's folder, like the other files it names
    reports: baseDir === undefined ? reports : reports.map((r) => withShapesIn(r, baseDir)),
    reportsFrom: spec.reports === undefined ? "report" : "reports",
  };
}

function withShapesIn(report: ReportDefinition, baseDir: string): ReportDefinition {
  return report.map ? { ...report, map: { ...report.map, shapes: resolve(baseDir, report.map.shapes) } } : report;
}

/** The one report the `report` key describes: rows per groupBy, split by chartField, in the site.files names. */
function shorthandReport(spec: ParsedSpec): ReportDefinition {
  return {
    id: "final_report",
    title: spec.site.title,
    groupBy: spec.report.groupBy.map((column) => ({ column })),
    chartField: spec.report.chartField,
    measure: { kind: "count" },
    filter: [],
    chart: "bar",
    files: spec.site.files,
    maxGroups: spec.report.maxGroups,
    ...(spec.report.map === undefined ? {} : { map: spec.report.map }),
    ...(spec.report.points === undefined ? {} : { points: spec.report.points }),
  };
}

/** The ReportDefinitions of a `reports` list, fully defaulted. */
function reportDefinitions(entries: readonly ReportEntry[], maxGroups: number): ReportDefinition[] {
  return entries.map((entry) => ({
    id: entry.id,
    title: entry.title,
    ...(entry.description === undefined ? {} : { description: entry.description }),
    ...(entry.unit === undefined ? {} : { unit: entry.unit }),
    groupBy: entry.groupBy.map(groupKeyOf),
    ...(entry.chartField === undefined ? {} : { chartField: entry.chartField }),
    measure: measureOf(entry.measure),
    filter: Object.entries(entry.filter).map(([column, values]) => rowFilterOf(column, values)),
    chart: entry.chart,
    files: reportFiles(entry),
    maxGroups: entry.maxGroups ?? maxGroups,
    ...(entry.map === undefined ? {} : { map: entry.map }),
    ...(entry.points === undefined ? {} : { points: entry.points }),
  }));
}

function groupKeyOf(key: ReportEntry["groupBy"][number]): GroupKey {
  return typeof key === "string" ? { column: key } : { column: key.column, part: key.part };
}

function measureOf(measure: ReportEntry["measure"]): Measure {
  if (measure === "count") return { kind: "count" };
  if (measure.share !== undefined) return { kind: "share", column: measure.share.column, values: measure.share.values };
  // the schema lets exactly one key through
  const [kind, column] = Object.entries(measure).find(([, value]) => value !== undefined) as [
    Exclude<Measure["kind"], "count" | "share">,
    string,
  ];
  return { kind, column };
}

function rowFilterOf(column: string, values: ReportEntry["filter"][string]): RowFilter {
  if (typeof values === "string") return { column, values: [values], keep: "listed" };
  if (Array.isArray(values)) return { column, values, keep: "listed" };
  return { column, values: values.not, keep: "others" };
}

/** `<id>.csv`, `<id>.html`, `<id>_chart.html` unless `files` names them. */
function reportFiles(entry: ReportEntry): ReportFiles {
  return {
    csv: entry.files?.csv ?? `${entry.id}.csv`,
    table: entry.files?.table ?? `${entry.id}.html`,
    chart: entry.files?.chart ?? `${entry.id}_chart.html`,
  };
}

/** Every problem of `reports` and of the `report` keys beside it; none without `reports`. */
export function checkReports(spec: ParsedSpec, rawSpec: unknown): string[] {
  if (spec.reports === undefined) return [];
  const definitions = reportDefinitions(spec.reports, spec.report.maxGroups);
  const place = (index: number) => reportPlace(index, rawSpec);
  return [
    ...shorthandKeyProblems(rawSpec),
    ...duplicateIdProblems(definitions, place),
    ...definitions.flatMap((report, i) => reportProblems(report, place(i))),
    ...fileNameProblems(definitions, place),
    ...linkColumnProblems(spec.report.linkColumns, definitions),
  ];
}

function shorthandKeyProblems(rawSpec: unknown): string[] {
  const report = (rawSpec as { report?: unknown }).report;
  if (typeof report !== "object" || report === null) return [];
  return Object.keys(SHORTHAND_ONLY_KEYS)
    .filter((key) => Object.hasOwn(report, key))
    .map((key) => `report.${key}: with "reports", ${SHORTHAND_ONLY_KEYS[key]}`);
}

function duplicateIdProblems(reports: readonly ReportDefinition[], place: (index: number) => string): string[] {
  return reports.flatMap((report, i) => {
    const first = reports.findIndex((other) => other.id === report.id);
    return first === i
      ? []
      : [`${place(i)}.id: "${report.id}" is also the id of ${place(first)}; each report needs its own id`];
  });
}

/** The rules between one report's keys: groupBy, chartField, measure and chart. */
function reportProblems(report: ReportDefinition, place: string): string[] {
  const keys = report.groupBy.map(keyName);
  const problems = keys.flatMap((name, i) =>
    keys.indexOf(name) === i
      ? []
      : [`${place}.groupBy[${i}]: "${name}" is also groupBy[${keys.indexOf(name)}]; group by each key once`],
  );
  if (report.chartField !== undefined && keys.includes(report.chartField))
    problems.push(
      `${place}.chartField: "${report.chartField}" is also in groupBy; chart another column (e.g. case_record_type)`,
    );
  const measured = report.measure.kind === "count" ? undefined : report.measure.column;
  if (measured !== undefined && keys.includes(measured))
    problems.push(`${place}.measure: "${measured}" is also in groupBy; measure another column`);
  if (measured !== undefined && measured === report.chartField)
    problems.push(`${place}.measure: "${measured}" is also the chartField; measure another column`);
  return [
    ...problems,
    ...valueColumnProblems(report, place),
    ...chartProblems(report, place),
    ...mapProblems(report, place),
  ];
}

/**
 * A map colours each area by its group's value: the report groups by exactly one column (not a
 * timestamp part), whose values are the areas' key property. `place` names the report's key, e.g.
 * `reports[1] ("by-district")` or `report`.
 */
export function mapProblems(report: Pick<ReportDefinition, "map" | "groupBy">, place: string): string[] {
  if (report.map === undefined) return [];
  const [first, ...more] = report.groupBy;
  if (more.length || first === undefined || first.part !== undefined)
    return [
      `${place}.map: a map needs exactly one groupBy column whose values are the areas' "${report.map.key}" property, found ${report.groupBy.map(keyName).join(", ")}`,
    ];
  return [];
}

/** A key column named like the value column: the report's table would hold one column for both. */
function valueColumnProblems(report: ReportDefinition, place: string): string[] {
  const value = valueColumn(report.measure);
  const problems = report.groupBy.flatMap((key, i) =>
    keyName(key) === value
      ? [`${place}.groupBy[${i}]: "${keyName(key)}" is the name of the report's value column; group by another column`]
      : [],
  );
  if (report.chartField === value)
    problems.push(`${place}.chartField: "${value}" is the name of the report's value column; chart another column`);
  return problems;
}

function chartProblems(report: ReportDefinition, place: string): string[] {
  if (report.chart === "heatmap") {
    const problems =
      report.groupBy.length === 2
        ? []
        : [`${place}.chart: "heatmap" needs exactly two groupBy keys, found ${report.groupBy.length}`];
    if (report.chartField !== undefined)
      problems.push(`${place}.chartField: a "heatmap" has no chartField (its colour is the value); leave it out`);
    return problems;
  }
  if (report.chart === "line" && report.groupBy[0]?.part !== "date")
    return [
      `${place}.chart: "line" needs a date part as the first groupBy key, e.g. {"column": "requested_datetime", "part": "date"}`,
    ];
  return [];
}

/**
 * Files are plain names, none the site's own, no two the same in a month's folder. A report whose id
 * an earlier one has is left out: its files would only repeat the duplicate id's problem.
 */
function fileNameProblems(reports: readonly ReportDefinition[], place: (index: number) => string): string[] {
  const seen = new Map<string, string>();
  return reports.flatMap((report, i) => {
    if (reports.findIndex((other) => other.id === report.id) < i) return [];
    const files = Object.entries(report.files) as [string, string][];
    if (report.map) files.push(["map", mapFileName(report.files)]);
    const named = files.flatMap(([kind, name]) => fileNameProblem(name, `${place(i)}.files.${kind}`, seen));
    // the page of its points is named after its id, which the id's own rule keeps a plain name
    const points = report.points
      ? fileNameProblem(`${report.id}${POINTS_PAGE_SUFFIX}`, `${place(i)}.points (its page)`, seen)
      : [];
    return [...named, ...points];
  });
}

/** The problem of one file name, given the names taken before it (`seen`, which it joins). */
function fileNameProblem(name: string, at: string, seen: Map<string, string>): string[] {
  if (!/^[^/\\]+$/.test(name) || name === "." || name === ".." || RESERVED_FILE_NAMES.includes(name))
    return [`${at}: "${name}" must be a plain file name other than ${RESERVED_FILE_NAMES.join(", ")}`];
  const other = seen.get(name);
  if (other !== undefined) return [`${at}: "${name}" is also ${other}; give each file its own name in files`];
  seen.set(name, at);
  return [];
}

/** With `reports`, a link column is a column some report groups by. */
function linkColumnProblems(linkColumns: readonly string[], reports: readonly ReportDefinition[]): string[] {
  const keyColumns = [...new Set(reports.flatMap((r) => r.groupBy.filter((k) => k.part === undefined).map(keyName)))];
  return linkColumns.flatMap((column, i) =>
    keyColumns.includes(column)
      ? []
      : [`report.linkColumns[${i}]: "${column}" is not a groupBy column of any report (${keyColumns.join(", ")})`],
  );
}
