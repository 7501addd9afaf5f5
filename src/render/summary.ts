/**
 * Pure: the across-month summary (summary.json / summary.csv). It is what the home page, the trend
 * page and month-over-month changes are drawn from, and what deploy reads back to render index.html.
 */
import { RenderError } from "../errors.js";
import { SUMMARY_JSON } from "../site-names.js";
import { labelFor } from "./labels.js";
import type { MonthFacts, MonthReport, PageConfig } from "./site-input.js";

/** A row of counts: the group's column values and `count`, e.g. `{ service_name: "Pothole", count: 12 }`. */
export type CountRow = Record<string, string | number>;

/** One month in summary.json. */
export interface MonthSummary extends MonthFacts {
  /** Rows counted. */
  total: number;
  /** Paths of the month's files relative to the site root. */
  links: { table: string; chart: string; csv: string };
  /** groupBy columns + count, largest first: the rows of the month's CSV. */
  counts: CountRow[];
  /** chartField + count, largest first. */
  byType: CountRow[];
}

/** summary.json: every month, oldest first, with what is needed to read it. */
export interface SiteSummary {
  title: string;
  groupBy: string[];
  chartField: string;
  /** Labels of groupBy, chartField and count as the pages print them. */
  labels: Record<string, string>;
  months: MonthSummary[];
}

/** The summary of one month. Pure. */
export function toMonthSummary(month: MonthReport, pageConfig: PageConfig): MonthSummary {
  const counts = (month.report.counts.objects() as CountRow[]).map((row) =>
    Object.fromEntries(
      [...pageConfig.groupBy, "count"].map((c) => [c, c === "count" ? Number(row[c]) : String(row[c])]),
    ),
  );
  const byType = new Map<string, number>();
  for (const row of month.report.breakdown.objects() as CountRow[]) {
    const type = String(row[pageConfig.chartField]);
    byType.set(type, (byType.get(type) ?? 0) + Number(row.count));
  }
  const at = (file: string) => `${month.dir}/${file}`;
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
    links: { table: at(pageConfig.files.table), chart: at(pageConfig.files.chart), csv: at(pageConfig.files.csv) },
    counts,
    byType: [...byType]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([type, count]) => ({ [pageConfig.chartField]: type, count })),
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
    months: [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/** summary.csv: one row per month and group (`month,total,<groupBy...>,count`), the month's CSV rows with the month in front. */
export function toSummaryCsv(summary: SiteSummary): string {
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
    summary.months.every((m) => typeof m?.id === "string" && typeof m.total === "number" && Array.isArray(m.counts));
  if (!valid)
    throw new RenderError(`${source} is not a site summary written by reportsite build`, {
      hint: "Run reportsite build again to write it.",
    });
  return summary as SiteSummary;
}
