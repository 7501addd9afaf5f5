/**
 * Pure: sitemap.xml (every page of the site as an absolute URL, sitemaps.org 0.9) and robots.txt,
 * which names it, so that search engines find every month.
 */
import { INDEX_DOCUMENT, SITEMAP, TREND_PAGE } from "../site-names.js";
import { escapeHtml } from "./escape.js";
import { monthUpdated } from "./feed.js";
import { absoluteUrl, canonicalPath } from "./head-links.js";
import type { MonthSummary, SiteSummary } from "./summary.js";

/** A page of the sitemap: its path below the site root, and when it last changed when known. */
interface SitemapPage {
  path: string;
  modified?: Date;
}

/**
 * sitemap.xml: the home page, the trend page, `otherPages` (the project's and the year pages), and
 * each month's folder and HTML pages, dated by the month's newest raw file.
 * @example renderSitemap(summary, "https://reports.example/", ["about.html"])
 */
export function renderSitemap(
  summary: SiteSummary,
  siteRootUrl: string,
  otherPages: readonly string[],
  /** Pages of every month besides those summary.json links, by file name (the map pages). */
  monthFiles: readonly string[] = [],
): string {
  const pages: SitemapPage[] = [
    { path: "" },
    { path: TREND_PAGE },
    ...otherPages.map((path) => ({ path })),
    ...summary.months.flatMap((month) => monthPages(month, monthFiles)),
  ];
  const urls = pages.map((page) => {
    const lastmod = page.modified ? `<lastmod>${page.modified.toISOString()}</lastmod>` : "";
    return `<url><loc>${escapeHtml(absoluteUrl(siteRootUrl, canonicalPath(page.path)))}</loc>${lastmod}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/**
 * A month's folder and its HTML pages: each report's table and chart, or the one report's chart (its
 * table is the folder's index, whose address is the folder).
 */
function monthPages(month: MonthSummary, monthFiles: readonly string[]): SitemapPage[] {
  const modified = monthUpdated(month);
  const pages = month.reports ? month.reports.flatMap((r) => [r.links.table, r.links.chart]) : [month.links.chart];
  pages.push(...monthFiles.map((file) => `${month.dir}/${file}`));
  return [...new Set([`${month.dir}/${INDEX_DOCUMENT}`, ...pages])].map((path) => ({ path, modified }));
}

/** robots.txt: every page may be read, and where the sitemap is. */
export function renderRobots(siteRootUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(siteRootUrl, SITEMAP)}\n`;
}
