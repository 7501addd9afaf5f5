/**
 * Render the site's pages, each month's pages from the cache when everything they are rendered from
 * (the month's counts, the config's site and report settings, the templates and the render code)
 * is unchanged: a no-op build neither aggregates nor loads Vega.
 */
import type { Report } from "../aggregate/index.js";
import { sha256, type BuildCache, type CachedFile } from "../state/index.js";
import { mapWithConcurrency } from "../concurrency.js";
import type { SiteConfig } from "../config/index.js";
import type { OutputFile, ProjectTheme } from "../site/index.js";
import {
  renderAcrossMonths,
  renderMonthPages,
  toMonthSummary,
  toSiteSummary,
  type MonthReport,
  type MonthSummary,
  type SiteSettings,
  type SiteSummary,
} from "../render/index.js";
import { siteUrl } from "../s3/index.js";
import { countColumns } from "../source/index.js";
import { PAGES_FORMAT } from "./fingerprints.js";
import type { BuiltMonth } from "./month.js";

/** The site's settings for the render stage. */
function siteSettings(config: SiteConfig, branding: ProjectTheme): SiteSettings {
  const siteRootUrl = siteUrl(config);
  const { title: siteTitle, files } = config.site;
  return { ...config.report, siteTitle, files, siteRootUrl, theme: branding.theme };
}

/**
 * Every month's pages and the across-month files (trend, summary.json/csv, error page), each from the
 * cache when what it is rendered from is unchanged. A month's pages also depend on its neighbours'
 * summaries (prev/next links, change since the previous month), so those are part of their hash.
 * `kept` are the summaries of months whose pages a --month build keeps from the previous build;
 * `renderPrint` is renderFingerprint's hash of the templates, the render code and the settings.
 * Planned first (the summaries and the hash of every group of pages), read or rendered on render():
 * a build that finds its output folder already made from the same hashes reads none of them.
 */
export async function planPages(
  config: SiteConfig,
  cache: BuildCache,
  months: BuiltMonth[],
  branding: ProjectTheme,
  { kept = [], renderPrint }: { kept?: readonly MonthSummary[]; renderPrint: string },
): Promise<PagePlan> {
  const settings = siteSettings(config, branding);
  // the project's overrides, pages and logo bytes are inputs too: a changed one renders again
  const fingerprint = sha256(JSON.stringify([renderPrint, branding.fingerprint]));
  const reports = new Map<string, Promise<MonthReport>>();
  const reportOf = (month: BuiltMonth) => {
    if (!reports.has(month.id)) reports.set(month.id, toMonthReport(config, month));
    return reports.get(month.id)!;
  };
  const summaries = await Promise.all(
    months.map((month) =>
      cached(cache, ["summary", fingerprint, monthInputs(month)], async () =>
        toMonthSummary(await reportOf(month), settings),
      ),
    ),
  );
  const summary = toSiteSummary([...kept, ...summaries], settings); // kept: --month keeps their pages
  const groups = pageGroups(months, summary, { fingerprint, settings, reportOf });
  return {
    summary,
    hashes: groups.map((g) => g.hash),
    // a few groups at once: cached pages are read while others are parsed, and renders stay bounded
    render: async () => (await mapWithConcurrency(groups, 8, (g) => cachedAs(cache, g.hash, g.render))).flat(),
  };
}

/** Each month's pages, then the across-month files: what each group's hash is made of, and how to render it. */
function pageGroups(
  months: BuiltMonth[],
  summary: SiteSummary,
  {
    fingerprint,
    settings,
    reportOf,
  }: { fingerprint: string; settings: SiteSettings; reportOf: (m: BuiltMonth) => Promise<MonthReport> },
): PageGroup[] {
  const position = new Map(summary.months.map((m, i) => [m.id, i]));
  const groups: PageGroup[] = months.map((month) => {
    const i = position.get(month.id)!;
    const neighbours = { previous: summary.months[i - 1], next: summary.months[i + 1] };
    return {
      hash: pagesHash([fingerprint, monthInputs(month), neighbours]),
      render: async () => asText(await renderMonthPages(await reportOf(month), neighbours, settings)),
    };
  });
  groups.push({
    hash: pagesHash(["site", fingerprint, summary]),
    render: async () => asText(await renderAcrossMonths(summary, settings)),
  });
  return groups;
}

/** The site's pages, planned: what they are made from, and how to get them. */
export interface PagePlan {
  summary: SiteSummary;
  /** One hash per group of pages (each month's, then the across-month files), in order. */
  hashes: string[];
  /** The pages, from the cache or rendered now (and cached). */
  render(): Promise<OutputFile[]>;
}

interface PageGroup {
  hash: string;
  render: () => Promise<{ path: string; body: string }[]>;
}

function pagesHash(inputs: unknown): string {
  return sha256(JSON.stringify([PAGES_FORMAT, inputs]));
}

/** A value from the cache under the hash of `inputs`, or made now and cached. */
async function cached<T>(cache: BuildCache, inputs: unknown, make: () => Promise<T>): Promise<T> {
  return cachedAs(cache, pagesHash(inputs), make);
}

/** A value from the cache under `hash`, or made now and cached. */
async function cachedAs<T>(cache: BuildCache, hash: string, make: () => Promise<T>): Promise<T> {
  let value = await cache.pages<T>(hash);
  if (value === undefined) {
    value = await make();
    cache.setPages(hash, value);
  }
  return value;
}

function asText(files: { path: string; body: string | Uint8Array }[]): { path: string; body: string }[] {
  return files.map((p) => ({
    path: p.path,
    body: typeof p.body === "string" ? p.body : Buffer.from(p.body).toString(),
  }));
}

/** The render stage's view of a built month. */
async function toMonthReport(config: SiteConfig, month: BuiltMonth): Promise<MonthReport> {
  const { id, title, dir, files, missingDays, acceptedGaps, emptyDays, skippedFiles, dataAsOf } = month;
  const report = await monthReport(config, month.counted);
  // the page names the files by day and count: raw keys stay out of the site
  const absentColumns = month.absentColumns.map(({ column, keys, days }) => ({ column, files: keys.length, days }));
  return {
    ...{ id, title, dir, report, files, missingDays, emptyDays, skippedFiles },
    ...(acceptedGaps.length ? { acceptedGaps } : {}),
    ...(dataAsOf ? { dataAsOf } : {}),
    ...(absentColumns.length ? { absentColumns } : {}),
  };
}

/** The month's Report (Arquero tables), aggregated from its files' counts. */
export async function monthReport(config: SiteConfig, counted: readonly CachedFile[]): Promise<Report> {
  const { reportFromCounts } = await import("../aggregate/index.js");
  return reportFromCounts(
    counted.map((c) => c.counts),
    countColumns(config),
    config.report,
  );
}

/** What a month's pages are rendered from, as plain data (its hash names the cached pages). */
function monthInputs(month: BuiltMonth): unknown {
  const { counted, month: _month, ...rest } = month;
  return { ...rest, counts: counted.map((c) => [c.key, c.counts]) };
}
