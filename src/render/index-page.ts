/**
 * Pure: the site's home page (index.html): the latest month at a glance, every month grouped by year
 * (each year linking to its year page), and the complete listing of published files. The listing comes from the bucket at deploy, so months
 * published by earlier runs stay listed; the month cards come from summary.json.
 */
import { encodeKey } from "../key-path.js";
import { ASSETS_FOLDER, ERROR_DOCUMENT, INDEX_DOCUMENT } from "../site-names.js";
import { formatSize } from "../units.js";
import { acceptedDaySet, compareMonths, notCompared, soFar, unexplainedGaps } from "./compare.js";
import { formatCount, formatDateTime, formatDays, plural } from "./format.js";
import { glanceOf } from "./home-glance.js";
import { siteWideLinks } from "./head-links.js";
import { renderPage } from "./layout.js";
import { siteLinks } from "./page-links.js";
import { shownValue } from "./shorten.js";
import { isSafeSiteKey } from "./site-keys.js";
import type { MonthReportSummary, MonthSummary, SiteSummary } from "./summary.js";
import { renderTemplate } from "./templates.js";
import { renderChanges } from "./changes-view.js";
import type { Theme } from "./theme.js";
import { yearPagePath } from "./year-page.js";

/** An entry of the file list (index.html's table of published files): its key relative to the site root, e.g. `2019/jan/final_report.csv`. */
export interface SiteEntry {
  key: string;
  size: number;
  lastModified: Date;
}

/** Options of renderIndexPage. */
export interface IndexPageOptions {
  /** The site's title, shown as heading. */
  title: string;
  /** Every month's numbers (summary.json); without it the page has only the file listing. */
  summary?: SiteSummary;
  /** The project's branding (logo, footer, description, overrides, pages); the built-in look when absent. */
  theme?: Theme;
  /** Website URL of the site root, ending in `/`: the head's canonical link, feed and preview; none when absent. */
  siteRootUrl?: string;
}

/** How many groups a month card names. */
export const TOP_GROUPS_SHOWN = 3;

/** Keys the index never lists: itself, the error page and the scripts. */
export function isListedInIndex(key: string): boolean {
  return key !== INDEX_DOCUMENT && key !== ERROR_DOCUMENT && !key.startsWith(ASSETS_FOLDER);
}

/**
 * Render index.html. Links are relative and URL-encoded per segment, so they work on the website
 * endpoint, under a prefix and in preview alike; keys that could link outside the site are left out
 * (see unsafeSiteKeys to warn about them). Files are sorted by key.
 * @example renderIndexPage([{ key: "2019/jan/final_report.csv", size: 120, lastModified: new Date() }], { title: "311" })
 */
export function renderIndexPage(entries: readonly SiteEntry[], options: IndexPageOptions): string {
  const body = renderTemplate(
    "index",
    {
      siteTitle: options.title,
      description: options.theme?.description,
      ...monthsModel(options.summary, options.theme),
      files: listedFiles(entries),
      links: siteLinks(""),
    },
    options.theme,
  );
  return renderPage({
    body,
    pageTitle: options.title,
    siteTitle: options.title,
    depth: 0,
    theme: options.theme,
    selfPath: "",
    links: headOf(options),
  });
}

/** The home page's canonical link and preview (the newest month's), when the site's URL is known. */
function headOf({ siteRootUrl, summary }: IndexPageOptions) {
  return siteRootUrl === undefined ? undefined : siteWideLinks(summary ?? { months: [] }, { siteRootUrl }, "");
}

/** The listing's rows: safe keys only, sorted by key. */
function listedFiles(entries: readonly SiteEntry[]) {
  return entries
    .filter((e) => isListedInIndex(e.key) && isSafeSiteKey(e.key))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((e) => ({
      key: e.key,
      // a phone breaks long names at a slash, not inside a word
      segments: e.key.split("/"),
      href: encodeKey(e.key),
      size: e.size,
      sizeText: formatSize(e.size),
      exactSize: `${formatCount(e.size)} bytes`,
      lastModifiedIso: e.lastModified.toISOString(),
      lastModifiedText: formatDateTime(e.lastModified.toISOString()),
    }));
}

/** The glance at the latest month, then the month cards by year, newest first, each year linking to its page. */
function monthsModel(summary: SiteSummary | undefined, theme: Theme | undefined) {
  const months = summary?.months ?? [];
  const cards = summary ? months.map((m, i) => monthCard(m, months[i - 1], summary)) : [];
  const newestFirst = [...cards].reverse();
  const years = [...new Set(newestFirst.map((c) => c.year))].map((year) => ({
    year,
    href: encodeKey(yearPagePath(year)),
    months: newestFirst.filter((c) => c.year === year),
  }));
  return {
    latest: newestFirst[0],
    glance: summary ? glanceOf(summary) : undefined,
    // the latest month's unusual groups, under the glance (heading level 3: inside its section)
    whatChanged: renderChanges(summary?.months.at(-1)?.changes, { level: 3, theme }),
    years,
    monthCount: months.length,
    range: months.length ? `${months[0]!.title} to ${months.at(-1)!.title}` : "",
    groupLabel: summary ? summary.groupBy.map((c) => summary.labels[c] ?? c).join(" · ") : "",
    // "4 reports" when the config lists reports: the months are not counted by one set of groups
    reportsText: summary?.reports ? plural(summary.reports.length, "report") : "",
  };
}

/**
 * What a month's card shows: its total, change and top groups, or, when the config lists reports,
 * every report's headline (drawn from the month summary alone: deploy renders the cards from summary.json).
 */
function monthCard(month: MonthSummary, previous: MonthSummary | undefined, summary: SiteSummary) {
  const top = month.counts.slice(0, TOP_GROUPS_SHOWN).map((row) => ({
    name: summary.groupBy.map((c) => shownValue(String(row[c]))).join(" · "),
    countText: formatCount(Number(row.count)),
  }));
  return {
    id: month.id,
    year: month.id.slice(0, 4),
    title: month.title,
    // with reports the month's folder index is its overview; without, it is the table
    href: encodeKey(month.reports ? `${month.dir}/${INDEX_DOCUMENT}` : month.links.table),
    reports: month.reports ? month.reports.map(cardReport) : false,
    totalText: formatCount(month.total),
    change: changeOf(month, previous),
    noChange: notCompared(month, previous),
    top,
    completeness: completeness(month),
    // "Complete", "Incomplete", or "So far: 5 of 31 days" for a month whose data is not all in yet
    status: statusOf(month),
    links: {
      table: encodeKey(month.links.table),
      chart: encodeKey(month.links.chart),
      csv: encodeKey(month.links.csv),
    },
  };
}

/** A report's line on a month card: its title (a link to its table) and its headline. */
function cardReport(report: MonthReportSummary) {
  return { title: report.title, text: report.text, href: encodeKey(report.links.table) };
}

/** The card's change since the month before: per day when either lacks days, none when they are not adjacent. */
function changeOf(month: MonthSummary, previous: MonthSummary | undefined) {
  const comparison = compareMonths(month, previous);
  if (!comparison) return undefined;
  return {
    text: comparison.change(month.total, previous!.total).text,
    since: comparison.since,
  };
}

/** Complete: every day has a file (or is an accepted gap) and no file was left out. */
function isComplete(month: MonthSummary): boolean {
  const accepted = acceptedDaySet(month);
  return month.missingDays.every((d) => accepted.has(d)) && !month.skippedFiles;
}

function statusOf(month: MonthSummary): string {
  const partial = soFar(month);
  if (partial) return `So far: ${partial.days} of ${partial.of} days`;
  return isComplete(month) ? "Complete" : "Incomplete";
}

function completeness(month: MonthSummary): string {
  const parts = [plural(month.files, "daily file")];
  const partial = soFar(month);
  const gaps = unexplainedGaps(month);
  if (partial) parts.push(`data up to day ${partial.lastDay}`);
  if (gaps.length) parts.push(`no file for day ${formatDays(gaps)}`);
  for (const gap of month.acceptedGaps ?? [])
    parts.push(`no export for day ${formatDays(gap.days)}: accepted${gap.reason ? `, ${gap.reason}` : ""}`);
  if (month.skippedFiles) parts.push(`${plural(month.skippedFiles, "file")} left out (unreadable)`);
  if (month.emptyDays.length) parts.push(`no requests on day ${formatDays(month.emptyDays)}`);
  return parts.join("; ");
}

export { formatSize };
