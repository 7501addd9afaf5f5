/**
 * Pure: the hrefs of the site's fixed files as a page's template receives them, built from
 * site-names.ts so that no template spells a fixed name (a project's override may still do so).
 */
import {
  ASSETS_FOLDER,
  CHART_SCRIPT,
  SUMMARY_CSV,
  SUMMARY_JSON,
  TABLE_SCRIPT,
  TREND_PAGE,
  VEGA_SCRIPT,
} from "../site-names.js";

/** The pages and data files at the site root a page links to (a template's `it.links`). */
export interface SiteLinks {
  trend: string;
  summaryCsv: string;
  summaryJson: string;
}

/** The scripts in the assets folder (a template's `it.scripts`). */
export interface ScriptLinks {
  vega: string;
  chart: string;
  table: string;
}

/**
 * The links to the root's fixed files from a page `rootHref` below the root ("" at the root, `../../`
 * for a month), so that a page at the root links to `trend.html`, as before.
 */
export function siteLinks(rootHref: string): SiteLinks {
  return {
    trend: `${rootHref}${TREND_PAGE}`,
    summaryCsv: `${rootHref}${SUMMARY_CSV}`,
    summaryJson: `${rootHref}${SUMMARY_JSON}`,
  };
}

/** The folder of the scripts as seen from a page `rootHref` below the root (a template's `it.assetsHref`). */
export function assetsHref(rootHref: string): string {
  return `${rootHref}${ASSETS_FOLDER}`;
}

/** The script hrefs from a page `rootHref` below the root, e.g. `../../assets/chart.js`. */
export function scriptLinks(rootHref: string): ScriptLinks {
  const folder = assetsHref(rootHref);
  return { vega: `${folder}${VEGA_SCRIPT}`, chart: `${folder}${CHART_SCRIPT}`, table: `${folder}${TABLE_SCRIPT}` };
}
