/**
 * Pure (but async): the site but index.html (which needs the site bucket's listing), planned and then rendered one
 * group of pages at a time. The build and the render tests both go through planSite: the build caches
 * each group under the fingerprint of what it is drawn from, the tests render every group.
 */
import {
  DATA_CATALOG,
  ERROR_DOCUMENT,
  FEED,
  POINTS_PAGE_SUFFIX,
  SHORTHAND_POINTS_PAGE,
  ROBOTS,
  SITEMAP,
  SUMMARY_CSV,
  SUMMARY_JSON,
  TREND_PAGE,
} from "../site-names.js";
import type { ChangeList } from "./changes.js";
import { mapFileName } from "../group-values.js";
import { renderCatalog } from "./catalog.js";
import { renderFeed } from "./feed.js";
import { siteWideLinks } from "./head-links.js";
import { renderErrorPage } from "./layout.js";
import { areaTrends } from "./map-trend.js";
import { withChanges } from "./month-changes.js";
import { renderMonthPreview } from "./month-preview.js";
import { renderMonthOverview } from "./month-overview.js";
import { mapPageOf, renderMapPages } from "./map-page.js";
import { SHORTHAND_ID, shorthandMapReport } from "./map-shorthand.js";
import { renderMonthPages, shorthandMapFrame, type MonthNeighbours } from "./month-pages.js";
import { pointsOutline, renderPointsPage } from "./points-page.js";
import { renderProjectPages } from "./project-pages.js";
import { renderReportPages } from "./report-pages.js";
import { renderRobots, renderSitemap } from "./sitemap.js";
import type { MonthReport, SiteFile, PageConfig } from "./site-input.js";
import { monthReportsOf, toSiteSummary, toSummaryCsv, type MonthSummary, type SiteSummary } from "./summary.js";
import { renderTrendPage } from "./trend-page.js";
import { renderYearPages } from "./year-page.js";

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
  /** What changed in the month against the months before (its summary's `changes`): its pages show it. */
  changes: ChangeList[];
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
  const all = toSiteSummary([...(options.carriedMonths ?? []), ...months.map((m) => m.summary)], pageConfig);
  const summary = withChanges(all, pageConfig);
  const position = new Map(summary.months.map((m, i) => [m.id, i]));
  return {
    summary,
    months: months.map((month) => {
      const i = position.get(month.summary.id)!;
      // the neighbours as toSiteSummary made them: their own changes are not this month's pages' business
      const neighbours = { previous: all.months[i - 1], next: all.months[i + 1] };
      const changes = summary.months[i]!.changes ?? [];
      const render = async () => renderMonth(await month.report(), neighbours, changes, pageConfig);
      return { month, neighbours, changes, render };
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
  changes: readonly ChangeList[],
  pageConfig: PageConfig,
): Promise<SiteFile[]> {
  const reports = monthReportsOf(month, pageConfig);
  const preview = await renderMonthPreview(month, pageConfig);
  if (!reports) {
    const files = await renderMonthPages(month, neighbours, pageConfig, changes);
    const mapped = shorthandMapReport(month, pageConfig);
    if (mapped)
      files.push(
        ...(await renderMapPages(month, mapped, pageConfig, shorthandMapFrame(month, neighbours, pageConfig))),
      );
    if (month.report.points) {
      const outline = pointsOutline(pageConfig, SHORTHAND_ID);
      files.push(await renderPointsPage(month, undefined, neighbours, pageConfig, { outline }));
    }
    return [...files, preview];
  }
  const files: SiteFile[] = [];
  // one report at a time: each renders its charts, and a month's charts need not all be in memory at once
  for (const of of reports) {
    files.push(...(await renderReportPages(month, of, neighbours, pageConfig)));
    if (of.report.points) {
      const outline = pointsOutline(pageConfig, of.definition.id);
      files.push(await renderPointsPage(month, of, neighbours, pageConfig, { outline }));
    }
  }
  return [...files, renderMonthOverview(month, reports, neighbours, pageConfig, changes), preview];
}

/**
 * The files drawn from every month's summary: trend page, summary.json, summary.csv, the year pages,
 * the error page, the project's pages, and what other sites read: feed.xml, sitemap.xml, robots.txt,
 * data.json.
 */
async function renderAcrossMonths(summary: SiteSummary, pageConfig: PageConfig): Promise<SiteFile[]> {
  const linksOf = (path: string) => siteWideLinks(summary, pageConfig, path);
  const { theme, siteTitle, siteRootUrl } = pageConfig;
  const projectPages = theme ? await renderProjectPages(theme, siteTitle, linksOf) : [];
  const yearPages = renderYearPages(summary, theme, linksOf);
  return [
    {
      path: TREND_PAGE,
      body: await renderTrendPage(summary, theme, linksOf(TREND_PAGE), areaTrends(summary, pageConfig)),
    },
    { path: SUMMARY_JSON, body: `${JSON.stringify(summary, null, 2)}\n` },
    { path: SUMMARY_CSV, body: toSummaryCsv(summary) },
    ...yearPages,
    { path: ERROR_DOCUMENT, body: renderErrorPage(siteTitle, siteRootUrl, theme) },
    ...projectPages,
    { path: FEED, body: renderFeed(summary, pageConfig, { monthNote: changesNote }) },
    {
      path: SITEMAP,
      body: renderSitemap(
        summary,
        siteRootUrl,
        [...projectPages, ...yearPages].map((p) => p.path),
        monthMapPages(pageConfig),
      ),
    },
    { path: ROBOTS, body: renderRobots(siteRootUrl) },
    ...(pageConfig.catalog
      ? [{ path: DATA_CATALOG, body: renderCatalog(summary, pageConfig, pageConfig.catalog) }]
      : []),
  ];
}

/** The file names of the month's map pages: one per report with shapes (the shorthand's when it has them). */
function mapPageFiles(pageConfig: PageConfig): string[] {
  const { maps, reports, files } = pageConfig;
  if (!maps) return [];
  if (!reports) return Object.keys(maps.areas).length ? [mapFileName(files)] : [];
  return reports.flatMap((r) => mapPageOf(r, pageConfig) ?? []);
}

/** The file names of the month's map pages: by area (reports with shapes) and of locations (reports with points). */
function monthMapPages(pageConfig: PageConfig): string[] {
  const points = pageConfig.reports
    ? pageConfig.reports.filter((r) => r.points).map((r) => `${r.id}${POINTS_PAGE_SUFFIX}`)
    : pageConfig.shorthandPoints
      ? [SHORTHAND_POINTS_PAGE]
      : [];
  return [...mapPageFiles(pageConfig), ...points];
}

/** A feed entry's "what changed": each flagged group's sentence, e.g. "Graffiti Removal: 412 requests, about 2.1× its usual 190". */
function changesNote(month: MonthSummary): string | undefined {
  const told = (month.changes ?? []).flatMap((c) =>
    [...c.rises, ...c.falls, ...c.new, ...c.vanished].map((g) => (c.title ? `${c.title}: ${g.text}` : g.text)),
  );
  return told.length ? `What changed: ${told.join("; ")}.` : undefined;
}
