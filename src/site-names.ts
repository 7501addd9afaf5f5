/**
 * The published site's fixed names, in one place. A leaf, so that config (which reserves some of them),
 * render, site, share, deploy and preview can all import it; test/site-names.test.ts fails when one of
 * these names is written as a path anywhere else under src/.
 */

/** S3 website hosting serves this for a folder (deploy's setup configures it, preview imitates it). */
export const INDEX_DOCUMENT = "index.html";
/** S3 website hosting serves this for a missing key; every build writes it anew. */
export const ERROR_DOCUMENT = "error.html";
/** The across-month trend page, at the site root. */
export const TREND_PAGE = "trend.html";
/** Every month's numbers, at the site root: deploy reads summary.json back to render the home page. */
export const SUMMARY_JSON = "summary.json";
export const SUMMARY_CSV = "summary.csv";

/** The page of a report's binned locations in each month's folder is `<id>` + this (the shorthand's: `final_report_points.html`). */
export const POINTS_PAGE_SUFFIX = "_points.html";
/** The points page of the one report of the `report` shorthand (its id, final_report, + POINTS_PAGE_SUFFIX). */
export const SHORTHAND_POINTS_PAGE = "final_report_points.html";

/**
 * The folder of the scripts and branding images, below the site root. Its files change only with a
 * reportsite upgrade or a new logo (whose name carries its fingerprint), so they are cached longer.
 */
export const ASSETS_FOLDER = "assets/";
/** The chart library, copied from the installed vega package into ASSETS_FOLDER. */
export const VEGA_SCRIPT = "vega.min.js";
/** The script that draws a chart page's charts; the same name in the templates folder and in ASSETS_FOLDER. */
export const CHART_SCRIPT = "chart.js";
/** The script that sorts a month's table; the same name in the templates folder and in ASSETS_FOLDER. */
export const TABLE_SCRIPT = "table.js";

/**
 * The deploy lock (deploy/lock.ts), below the site prefix: never planned, uploaded, deleted or listed
 * in index.html. A dot file, so it sorts before every report key and comes in a listing's first page.
 */
export const DEPLOY_LOCK_KEY = ".reportsite-deploy.lock";

/** The Atom feed of the published months, at the site root; every page's head links to it. */
export const FEED = "feed.xml";
/** Every page of the site as absolute URLs, for search engines; robots.txt names it. */
export const SITEMAP = "sitemap.xml";
export const ROBOTS = "robots.txt";
/** The DCAT-US catalog of the reports' CSVs that open-data portals harvest, at the site root. */
export const DATA_CATALOG = "data.json";
/** A month's preview image (Open Graph, Twitter card), in the month's folder. */
export const PREVIEW_IMAGE = "preview.png";
