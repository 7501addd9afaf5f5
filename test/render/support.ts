/** Builders for render tests: month reports from plain rows, and the default page config. */
import { table } from "arquero";
import { aggregateReport } from "../../src/aggregate/index.js";
import {
  planSite,
  toMonthSummary,
  type MonthReport,
  type PlanSiteOptions,
  type SiteFile,
  type PageConfig,
  type SiteSummary,
} from "../../src/render/index.js";
import { monthAbbreviation, monthTitle } from "../../src/source/month.js";

/** The page config as the default config gives it. */
export const PAGE_CONFIG: PageConfig = {
  siteTitle: "311",
  files: { csv: "final_report.csv", table: "final_report.html", chart: "final_chart.html" },
  groupBy: ["service_name"],
  chartField: "case_record_type",
  columns: ["service_name", "count"],
  linkColumns: ["service_name"],
  labels: {},
  siteRootUrl: "http://127.0.0.1:1/site/",
};

/**
 * A month's report from rows `[service_name, case_record_type]` (aggregated like the build does).
 * @example monthReport("2019-01", [["Pothole", "Request"]])
 */
export function monthReport(id: string, rows: [string, string][], extra: Partial<MonthReport> = {}): MonthReport {
  const [year, month] = id.split("-").map(Number) as [number, number];
  const report = aggregateReport(
    table({ service_name: rows.map((r) => r[0]), case_record_type: rows.map((r) => r[1]) }),
    { groupBy: ["service_name"], chartField: "case_record_type", missingValues: ["", "NA"] },
  );
  return {
    id,
    title: monthTitle({ year, month }),
    dir: `${year}/${monthAbbreviation({ year, month })}`,
    report,
    files: new Date(Date.UTC(year, month, 0)).getUTCDate(),
    missingDays: [],
    emptyDays: [],
    skippedFiles: 0,
    ...extra,
  };
}

/** `n` copies of a row. */
export function times(n: number, row: [string, string]): [string, string][] {
  return Array.from({ length: n }, () => row);
}

/**
 * Every file of the site but index.html, rendered from `months` through planSite, the path the build
 * takes (which caches each group of pages where this renders them all), and the summary of every month.
 * @example const { files, summary } = await renderSiteFiles([monthReport("2019-01", rows)], PAGE_CONFIG)
 */
export async function renderSiteFiles(
  months: readonly MonthReport[],
  pageConfig: PageConfig,
  options: PlanSiteOptions = {},
): Promise<{ files: SiteFile[]; summary: SiteSummary }> {
  const toRender = months.map((report) => ({
    summary: toMonthSummary(report, pageConfig),
    report: async () => report,
  }));
  const plan = planSite(toRender, pageConfig, options);
  const files: SiteFile[] = [];
  for (const month of plan.months) files.push(...(await month.render()));
  files.push(...(await plan.acrossMonths()));
  return { files, summary: plan.summary };
}
