/**
 * Pure: the site's Atom feed (feed.xml, RFC 4287), one entry per published month, newest first, so a
 * feed reader announces each new month. Written by the `feed` package, which escapes every text.
 */
import { Feed } from "feed";
import { daysInMonth } from "../calendar.js";
import { FEED, INDEX_DOCUMENT } from "../site-names.js";
import { escapeHtml } from "./escape.js";
import { formatCount } from "./format.js";
import { absoluteUrl, canonicalPath } from "./head-links.js";
import { shownValue } from "./shorten.js";
import type { PageConfig } from "./site-input.js";
import type { MonthSummary, SiteSummary } from "./summary.js";

/** How many groups an entry's summary names. */
const FEED_TOP_GROUPS = 3;

/** Options of renderFeed. */
export interface FeedOptions {
  /** More to say about a month after its headline (what changed this month); nothing when it returns undefined. */
  monthNote?: (month: MonthSummary) => string | undefined;
}

/**
 * feed.xml: the site's title and address, and an entry per month (its title, its folder's URL, its
 * headline numbers, dated by its newest raw file). Never dated by the build's clock: an unchanged site
 * writes the same feed.
 * @example renderFeed(summary, pageConfig) // '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns=…'
 */
export function renderFeed(
  summary: SiteSummary,
  pageConfig: Pick<PageConfig, "siteRootUrl" | "siteTitle" | "theme">,
  options: FeedOptions = {},
): string {
  const { siteRootUrl, siteTitle } = pageConfig;
  const newestFirst = [...summary.months].reverse();
  const feed = new Feed({
    id: siteRootUrl,
    title: siteTitle,
    link: siteRootUrl,
    ...(pageConfig.theme?.description ? { description: pageConfig.theme.description } : {}),
    // RFC 4287 wants a date even for a site with no months yet: the epoch says "never updated"
    updated: newestFirst[0] ? monthUpdated(newestFirst[0]) : new Date(0),
    generator: "reportsite",
    feedLinks: { atom: absoluteUrl(siteRootUrl, FEED) },
    author: { name: siteTitle, link: siteRootUrl },
  });
  for (const month of newestFirst) {
    const link = absoluteUrl(siteRootUrl, canonicalPath(`${month.dir}/${INDEX_DOCUMENT}`));
    const note = options.monthNote?.(month);
    // the package marks an entry's title and summary as HTML: escaped, a group named "<b>" reads as written
    feed.addItem({
      title: escapeHtml(month.title),
      id: link,
      link,
      date: monthUpdated(month),
      description: escapeHtml([monthHeadline(month, summary), note].filter(Boolean).join(" ")),
    });
  }
  return withoutXmlInvalidChars(feed.atom1());
}

/**
 * The text without the characters XML 1.0 does not allow: C0 controls but tab and line breaks,
 * U+FFFE/U+FFFF and lone surrogates. One in a group name or title (raw data) would make feed
 * readers refuse the whole feed.
 */
export function withoutXmlInvalidChars(text: string): string {
  let kept = "";
  // by code point: a surrogate pair is one character, a lone surrogate one of its own
  for (const char of text) {
    const code = char.codePointAt(0)!;
    const control = code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
    if (control || code === 0xfffe || code === 0xffff || (code >= 0xd800 && code <= 0xdfff)) continue;
    kept += char;
  }
  return kept;
}

/** The month's headline in words: its requests and largest groups, or each report's value. */
export function monthHeadline(month: MonthSummary, summary: Pick<SiteSummary, "groupBy">): string {
  if (month.reports) return `${month.title}: ${month.reports.map((r) => `${r.title}: ${r.text}`).join("; ")}.`;
  const top = month.counts
    .slice(0, FEED_TOP_GROUPS)
    .map(
      (row) =>
        `${summary.groupBy.map((c) => shownValue(String(row[c]))).join(" · ")} (${formatCount(Number(row.count))})`,
    );
  const largest = top.length ? ` Largest: ${top.join(", ")}.` : "";
  return `${month.title}: ${formatCount(month.total)} requests.${largest}`;
}

/** When a month last changed: its newest raw file, else the end of the month. */
export function monthUpdated(month: Pick<MonthSummary, "id" | "dataAsOf">): Date {
  if (month.dataAsOf && !Number.isNaN(Date.parse(month.dataAsOf))) return new Date(month.dataAsOf);
  const [year, m] = month.id.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1, daysInMonth(year, m), 23, 59, 59));
}
