/** Pure (but async): every month's reports -> every page of the site but index.html (which needs the listing). */
import { ERROR_DOCUMENT, SUMMARY_CSV, SUMMARY_JSON, TREND_PAGE } from "../site-names.js";
import { renderErrorPage } from "./layout.js";
import { renderMonthPages } from "./month-pages.js";
import { renderProjectPages } from "./project-pages.js";
import type { MonthReport, SiteFile, SiteSettings } from "./site-input.js";
import { toMonthSummary, toSiteSummary, toSummaryCsv, type MonthSummary, type SiteSummary } from "./summary.js";
import { renderTrendPage } from "./trend-page.js";

/** Options of renderSite. */
export interface RenderSiteOptions {
  /**
   * Months not rendered now but part of the site (a `--month` build keeps their pages from the
   * previous build; their summaries come from its summary.json), for links, changes and the trend.
   */
  otherMonths?: readonly MonthSummary[];
}

/** The rendered site: its files, and the summary index.html is rendered from. */
export interface RenderedSite {
  files: SiteFile[];
  summary: SiteSummary;
}

/**
 * Render the pages of `months` (oldest first), the trend page, summary.json, summary.csv and the
 * error page. Each month's pages are a pure function of its report, its neighbours' summaries and
 * the settings, so a caller may cache them.
 * @example const { files, summary } = await renderSite(months, settings)
 */
export async function renderSite(
  months: readonly MonthReport[],
  settings: SiteSettings,
  options: RenderSiteOptions = {},
): Promise<RenderedSite> {
  const fresh = months.map((m) => toMonthSummary(m, settings));
  // a month rendered now replaces the summary kept from the previous build
  const summary = toSiteSummary([...(options.otherMonths ?? []), ...fresh], settings);
  const position = new Map(summary.months.map((m, i) => [m.id, i]));
  const files: SiteFile[] = [];
  for (const month of months) {
    const i = position.get(month.id)!;
    const neighbours = { previous: summary.months[i - 1], next: summary.months[i + 1] };
    files.push(...(await renderMonthPages(month, neighbours, settings)));
  }
  files.push(...(await renderAcrossMonths(summary, settings)));
  return { files, summary };
}

/** The files drawn from every month's summary: trend page, summary.json, summary.csv, and the error page. */
export async function renderAcrossMonths(summary: SiteSummary, settings: SiteSettings): Promise<SiteFile[]> {
  return [
    { path: TREND_PAGE, body: await renderTrendPage(summary, settings.theme) },
    { path: SUMMARY_JSON, body: `${JSON.stringify(summary, null, 2)}\n` },
    { path: SUMMARY_CSV, body: toSummaryCsv(summary) },
    { path: ERROR_DOCUMENT, body: renderErrorPage(settings.siteTitle, settings.siteRootUrl, settings.theme) },
    ...(settings.theme ? await renderProjectPages(settings.theme, settings.siteTitle) : []),
  ];
}
