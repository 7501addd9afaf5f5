/**
 * Pure (but async): the site but index.html (which needs the site bucket's listing), planned and then rendered one
 * group of pages at a time. The build and the render tests both go through planSite: the build caches
 * each group under the fingerprint of what it is drawn from, the tests render every group.
 */
import { ERROR_DOCUMENT, SUMMARY_CSV, SUMMARY_JSON, TREND_PAGE } from "../site-names.js";
import { renderErrorPage } from "./layout.js";
import { renderMonthOverview } from "./month-overview.js";
import { renderMonthPages, type MonthNeighbours } from "./month-pages.js";
import { renderPointsPage } from "./points-page.js";
import { renderProjectPages } from "./project-pages.js";
import { renderReportPages } from "./report-pages.js";
import type { MonthReport, SiteFile, PageConfig } from "./site-input.js";
import { monthReportsOf, toSiteSummary, toSummaryCsv, type MonthSummary, type SiteSummary } from "./summary.js";
import { renderTrendPage } from "./trend-page.js";

/** A month to render: its summary (toMonthSummary), and its report, asked for only when its pages are rendered. */
export interface MonthToRender {
  summary: MonthSummary;
  report: () => Promise<MonthReport>;
}

/** Options of planSite. */
export interface PlanSiteOptions {
  /**
   * Carried-over months: not rendered now but part of the site (a `--month` build takes their pages
   * from the previous build; their summaries come from its summary.json), for links, changes and the trend.
   */
  carriedMonths?: readonly MonthSummary[];
}

/** One month's pages: the month as the caller gave it, what besides it they are drawn from, and how to render them. */
export interface MonthPages<M extends MonthToRender> {
  month: M;
  /** The neighbours' summaries: prev/next links and the change since the previous month. */
  neighbours: MonthNeighbours;
  render: () => Promise<SiteFile[]>;
}

/** The site, planned: what every group of pages is drawn from, each rendered on demand. */
export interface SitePlan<M extends MonthToRender> {
  /** Every month of the site (carriedMonths too), oldest first: index.html and the across-month files are drawn from it. */
  summary: SiteSummary;
  /** Each month's pages, in the order of `months`. */
  months: MonthPages<M>[];
  /** The trend page, summary.json, summary.csv, the error page and the project's pages. */
  acrossMonths: () => Promise<SiteFile[]>;
}

/**
 * Plan the pages of `months` (oldest first), the trend page, summary.json, summary.csv and the error
 * page. Each month's pages are a pure function of its report, its neighbours' summaries and the
 * page config, so a caller may cache them.
 * @example const plan = planSite([{ summary, report: async () => report }], pageConfig)
 */
export function planSite<M extends MonthToRender>(
  months: readonly M[],
  pageConfig: PageConfig,
  options: PlanSiteOptions = {},
): SitePlan<M> {
  // a month rendered now replaces the summary carried over from the previous build
  const summary = toSiteSummary([...(options.carriedMonths ?? []), ...months.map((m) => m.summary)], pageConfig);
  const position = new Map(summary.months.map((m, i) => [m.id, i]));
  return {
    summary,
    months: months.map((month) => {
      const i = position.get(month.summary.id)!;
      const neighbours = { previous: summary.months[i - 1], next: summary.months[i + 1] };
      return { month, neighbours, render: async () => renderMonth(await month.report(), neighbours, pageConfig) };
    }),
    acrossMonths: () => renderAcrossMonths(summary, pageConfig),
  };
}

/**
 * A month's files: those of its one report (its table doubling as the folder index), or, when the
 * config lists reports, every report's pages and the month overview as the folder index.
 */
async function renderMonth(
  month: MonthReport,
  neighbours: MonthNeighbours,
  pageConfig: PageConfig,
): Promise<SiteFile[]> {
  const reports = monthReportsOf(month, pageConfig);
  if (!reports) {
    const pages = await renderMonthPages(month, neighbours, pageConfig);
    if (!month.report.points) return pages;
    return [...pages, await renderPointsPage(month, undefined, neighbours, pageConfig)];
  }
  const files: SiteFile[] = [];
  // one report at a time: each renders its charts, and a month's charts need not all be in memory at once
  for (const of of reports) {
    files.push(...(await renderReportPages(month, of, neighbours, pageConfig)));
    if (of.report.points) files.push(await renderPointsPage(month, of, neighbours, pageConfig));
  }
  return [...files, renderMonthOverview(month, reports, neighbours, pageConfig)];
}

/** The files drawn from every month's summary: trend page, summary.json, summary.csv, and the error page. */
async function renderAcrossMonths(summary: SiteSummary, pageConfig: PageConfig): Promise<SiteFile[]> {
  return [
    { path: TREND_PAGE, body: await renderTrendPage(summary, pageConfig.theme) },
    { path: SUMMARY_JSON, body: `${JSON.stringify(summary, null, 2)}\n` },
    { path: SUMMARY_CSV, body: toSummaryCsv(summary) },
    { path: ERROR_DOCUMENT, body: renderErrorPage(pageConfig.siteTitle, pageConfig.siteRootUrl, pageConfig.theme) },
    ...(pageConfig.theme ? await renderProjectPages(pageConfig.theme, pageConfig.siteTitle) : []),
  ];
}
