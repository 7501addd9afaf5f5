/** Pure: one month's report -> its CSV, table page and chart page. */
import type { Report } from "../aggregate/index.js";
import { renderChart } from "./chart.js";
import { jsonForScript, safeHref } from "./escape.js";
import { renderPage } from "./layout.js";
import { renderTemplate } from "./templates.js";

/** A file of the site: its path relative to the site root and its bytes. */
export interface SiteFile {
  /** e.g. `2019/jan/final_report.csv` */
  path: string;
  body: string | Uint8Array;
}

/** Everything a month's pages show. */
export interface MonthPagesInput {
  /** `January 2019` */
  monthTitle: string;
  /** Folder of the month in the site, e.g. `2019/jan`. */
  dir: string;
  report: Report;
  fileCount: number;
  /** Days without a raw file, as ranges (`4-6, 9`); empty when complete or unknown. */
  missingDays: string;
  /** Raw files left out because they could not be read (--skip-bad-files). */
  skippedFiles: number;
}

/** Site-wide settings the pages need. */
export interface MonthPagesSettings {
  siteTitle: string;
  files: { csv: string; table: string; chart: string };
  groupBy: readonly string[];
  chartField: string;
  /** Table columns, from groupBy + "count". */
  columns: readonly string[];
  linkColumns: readonly string[];
}

/** Render a month's three files. */
export async function renderMonthPages(input: MonthPagesInput, settings: MonthPagesSettings): Promise<SiteFile[]> {
  const depth = input.dir.split("/").length;
  const heading = `${settings.siteTitle}: ${input.monthTitle}`;
  const common = {
    heading,
    totalRows: input.report.totalRows,
    fileCount: input.fileCount,
    gaps: gapsNote(input),
    groupBy: settings.groupBy,
    chartField: settings.chartField,
    csvHref: settings.files.csv,
    tableHref: settings.files.table,
    chartHref: settings.files.chart,
  };
  const tableBody = renderTemplate("report", { ...common, ...tableModel(input.report, settings) });
  const chart = await renderChart({
    title: `${input.monthTitle}: requests by ${settings.groupBy.join(" · ")}`,
    groupBy: settings.groupBy,
    chartField: settings.chartField,
    breakdown: input.report.breakdown.objects() as Record<string, unknown>[],
  });
  const chartBody = renderTemplate("chart", {
    ...common,
    svg: chart.svg,
    specJson: jsonForScript(chart.vegaSpec),
    assetsHref: `${"../".repeat(depth)}assets/`,
  });
  const page = (body: string, what: string) =>
    renderPage({
      body,
      pageTitle: `${what}: ${input.monthTitle}, ${settings.siteTitle}`,
      siteTitle: settings.siteTitle,
      depth,
    });
  return [
    { path: `${input.dir}/${settings.files.csv}`, body: input.report.counts.select(...settings.columns).toCSV() },
    { path: `${input.dir}/${settings.files.table}`, body: page(tableBody, "Report") },
    { path: `${input.dir}/${settings.files.chart}`, body: page(chartBody, "Chart") },
  ];
}

/** What a reader must know when the month is not complete; empty when it is. */
function gapsNote(input: MonthPagesInput): string {
  const parts = [
    input.missingDays ? `no daily file for day ${input.missingDays}` : "",
    input.skippedFiles
      ? `${input.skippedFiles} daily file${input.skippedFiles === 1 ? "" : "s"} could not be read and ${input.skippedFiles === 1 ? "is" : "are"} left out`
      : "",
  ].filter(Boolean);
  return parts.length ? `Incomplete month: ${parts.join("; ")}.` : "";
}

interface Cell {
  text: string;
  numeric: boolean;
  href?: string;
}

function tableModel(report: Report, settings: MonthPagesSettings) {
  const columns = settings.columns.map((name) => ({ name, numeric: name === "count" }));
  const rows: Cell[][] = report.counts.objects().map((row) =>
    settings.columns.map((name) => {
      const value = (row as Record<string, unknown>)[name];
      const text = name === "count" ? Number(value).toLocaleString("en-US") : String(value);
      return {
        text,
        numeric: name === "count",
        href: settings.linkColumns.includes(name) ? safeHref(value) : undefined,
      };
    }),
  );
  const footer: Cell[] = settings.columns.map((name, i) => ({
    text: name === "count" ? report.totalRows.toLocaleString("en-US") : i === 0 ? "Total" : "",
    numeric: name === "count",
  }));
  return { columns, rows, footer };
}
