/**
 * Pure: the month overview, a month's folder index when the config lists reports: the month's facts
 * and notices, then each report's title, description, headline and links to its table, chart and CSV.
 */
import { INDEX_DOCUMENT, POINTS_PAGE_SUFFIX } from "../site-names.js";
import type { ChangeList } from "./changes.js";
import { renderChanges } from "./changes-view.js";
import { formatDateTime, plural } from "./format.js";
import { mapPageOf } from "./map-page.js";
import { renderPage } from "./layout.js";
import { monthNotices, type MonthNeighbours } from "./month-pages.js";
import { monthPageLinks } from "./month-links.js";
import { formatReportValue } from "./report-values.js";
import type { MonthReport, MonthReportOf, PageConfig, SiteFile } from "./site-input.js";
import type { MonthSummary } from "./summary.js";
import { renderTemplate } from "./templates.js";
import { yearPagePath } from "./year-page.js";

/** A report as the overview shows it (overview.eta's `reports`). */
interface OverviewReport {
  id: string;
  title: string;
  /** "" when the report has none. */
  description: string;
  /** The month's overall value as pages print it, e.g. "12,345 requests" or "3.50 days". */
  headline: string;
  tableHref: string;
  chartHref: string;
  csvHref: string;
  /** Its map by area; "" when the report has no map. */
  mapHref: string;
  /** The map of where its requests come from; "" when the report has no points. */
  pointsHref: string;
}

/**
 * The month's index.html: every report's headline and links, under the month's breadcrumb and pager.
 * @example renderMonthOverview(month, month.reports, { previous }, pageConfig, changes) // { path: "2019/jan/index.html", body }
 */
export function renderMonthOverview(
  month: MonthReport,
  reports: readonly MonthReportOf[],
  neighbours: MonthNeighbours,
  pageConfig: PageConfig,
  changes: readonly ChangeList[] = [],
): SiteFile {
  const depth = month.dir.split("/").length;
  const model = {
    ...overviewModel(month, reports, neighbours, depth, pageConfig),
    changesHtml: renderChanges(changes, { theme: pageConfig.theme }),
  };
  const body = renderTemplate("overview", model, pageConfig.theme);
  return {
    path: `${month.dir}/${INDEX_DOCUMENT}`,
    body: renderPage({
      body,
      pageTitle: `${month.title} reports, ${pageConfig.siteTitle}`,
      siteTitle: pageConfig.siteTitle,
      depth,
      theme: pageConfig.theme,
      links: monthPageLinks(month, pageConfig, `${month.dir}/${INDEX_DOCUMENT}`),
    }),
  };
}

/** What overview.eta receives. */
function overviewModel(
  month: MonthReport,
  reports: readonly MonthReportOf[],
  neighbours: MonthNeighbours,
  depth: number,
  pageConfig: PageConfig,
): Record<string, unknown> {
  const rootHref = "../".repeat(depth);
  // the other months' overviews: the pager stays on the same kind of page
  const other = (m: MonthSummary | undefined) => m && { title: m.title, href: `${rootHref}${m.dir}/${INDEX_DOCUMENT}` };
  return {
    rootHref,
    year: month.id.slice(0, 4),
    // the breadcrumb's year is the year in review
    yearHref: `${rootHref}${yearPagePath(month.id.slice(0, 4))}`,
    monthTitle: month.title,
    selfHref: INDEX_DOCUMENT,
    filesText: plural(month.files, "daily file"),
    reportsText: plural(reports.length, "report"),
    dataAsOf: month.dataAsOf ? { iso: month.dataAsOf, text: formatDateTime(month.dataAsOf) } : undefined,
    notices: monthNotices(month),
    reports: reports.map((of) => overviewReport(of, pageConfig)),
    previous: other(neighbours.previous),
    next: other(neighbours.next),
  };
}

/** One report's entry: its headline, and its files in the same folder as the overview. */
function overviewReport({ definition, report }: MonthReportOf, pageConfig: PageConfig): OverviewReport {
  return {
    id: definition.id,
    title: definition.title,
    description: definition.description ?? "",
    headline: formatReportValue(definition, report.overall),
    tableHref: definition.files.table,
    chartHref: definition.files.chart,
    csvHref: definition.files.csv,
    mapHref: mapPageOf(definition, pageConfig) ?? "",
    pointsHref: report.points ? `${definition.id}${POINTS_PAGE_SUFFIX}` : "",
  };
}
