/**
 * Render the site's pages, each month's pages from the cache when everything they are rendered from
 * (the month's counts, the config's site and report sections, the templates and the render code)
 * is unchanged: a no-op build neither aggregates nor loads Vega. The render stage plans the site
 * (planSite, which the render tests and their snapshots go through too); this file names each group
 * of pages by the fingerprint of what it is drawn from, and caches it under that fingerprint.
 */
import type { pointCellsOf as PointCellsOf, Report } from "../aggregate/index.js";
import { sha256, type BuildCache, type CachedFile } from "../state/index.js";
import { mapWithConcurrency } from "../concurrency.js";
import type { ReportDefinition, SiteConfig, SiteMaps } from "../config/index.js";
import type { ProjectTheme } from "../site/index.js";
import {
  planSite,
  toMonthSummary,
  type MonthReport,
  type MonthReportOf,
  type MonthSummary,
  type SiteFile,
  type MonthToRender,
  type PageConfig,
  type SiteSummary,
} from "../render/index.js";
import { siteUrl } from "../s3/index.js";
import { pointsSpecOf, tallySignature, tallySpecOf } from "../source/index.js";
import { PAGES_FORMAT } from "./fingerprints.js";
import type { BuiltMonth } from "./built-month.js";

/** The part of the config the render stage needs. */
function pageConfigOf(config: SiteConfig, branding: ProjectTheme, maps: SiteMaps | undefined): PageConfig {
  const siteRootUrl = siteUrl(config);
  const { title: siteTitle, files } = config.site;
  const reports = config.reportsFrom === "reports" ? { reports: config.reports } : {};
  const { changes } = config.site;
  const catalog = config.site.catalog ? { catalog: config.site.catalog } : {};
  const mapped = maps ? { maps: pageMaps(config, maps) } : {};
  // the shorthand's one report: whether its months have a page of locations (the sitemap lists it)
  const points = config.reportsFrom === "report" && config.reports[0]!.points ? { shorthandPoints: true } : {};
  return {
    ...config.report,
    siteTitle,
    files,
    siteRootUrl,
    theme: branding.theme,
    changes,
    ...reports,
    ...mapped,
    ...catalog,
    ...points,
  };
}

/** Each mapped report's definition of its map with its shapes, and the basemap. */
function pageMaps(config: SiteConfig, maps: SiteMaps): NonNullable<PageConfig["maps"]> {
  const reports = config.reports.filter((r) => r.map && maps.areas[r.id]);
  const areas = Object.fromEntries(reports.map((r) => [r.id, { key: r.map!.key, shapes: maps.areas[r.id]! }]));
  return { areas, ...(maps.basemap ? { basemap: maps.basemap } : {}) };
}

/**
 * Every month's pages and the across-month files (trend, summary.json/csv, error page), each from the
 * cache when what it is rendered from is unchanged. A month's pages also depend on its neighbours'
 * summaries (prev/next links, change since the previous month), so those are part of their fingerprint.
 * `carried` are the summaries of the carried-over months, whose pages a --month build takes from the previous build;
 * `renderFingerprint` is the fingerprint of the templates, the render code and the config the pages depend on.
 * Planned first (the summaries and the fingerprint of every group of pages), read or rendered on render():
 * a build that finds its output folder already made from the same fingerprints reads none of them.
 */
export async function planPages(
  config: SiteConfig,
  cache: BuildCache,
  months: BuiltMonth[],
  branding: ProjectTheme,
  {
    carried = [],
    renderFingerprint,
    maps,
  }: { carried?: readonly MonthSummary[]; renderFingerprint: string; maps?: SiteMaps },
): Promise<PagePlan> {
  const pageConfig = pageConfigOf(config, branding, maps);
  // the project's overrides, pages and logo bytes are inputs too: a changed one renders again
  const fingerprint = sha256(JSON.stringify([renderFingerprint, branding.fingerprint]));
  const toRender = await Promise.all(
    months.map((month) => monthToRender(config, cache, month, pageConfig, fingerprint)),
  );
  const site = planSite(toRender, pageConfig, { carriedMonths: carried });
  const groups: PageGroup[] = site.months.map(({ month, neighbours, changes, render }) => ({
    // what changed is drawn from the months before, so it is an input of the month's pages too
    fingerprint: pagesFingerprint([fingerprint, monthInputs(month.built), neighbours, changes]),
    render: async () => toCached(await render()),
  }));
  groups.push({
    fingerprint: pagesFingerprint(["site", fingerprint, site.summary]),
    render: async () => toCached(await site.acrossMonths()),
  });
  return {
    summary: site.summary,
    fingerprints: groups.map((g) => g.fingerprint),
    // a few groups at once: cached pages are read while others are parsed, and renders stay bounded
    render: async () =>
      (
        await mapWithConcurrency(groups, 8, async (g) => fromCached(await cachedAs(cache, g.fingerprint, g.render)))
      ).flat(),
  };
}

/** A built month as planSite takes it: its summary from the cache when its inputs are unchanged, its report made once. */
async function monthToRender(
  config: SiteConfig,
  cache: BuildCache,
  built: BuiltMonth,
  pageConfig: PageConfig,
  fingerprint: string,
): Promise<MonthToRender & { built: BuiltMonth }> {
  let report: Promise<MonthReport> | undefined;
  const reportOf = () => (report ??= toMonthReport(config, built));
  const summary = await cached(cache, ["summary", fingerprint, monthInputs(built)], async () =>
    toMonthSummary(await reportOf(), pageConfig),
  );
  return { summary, report: reportOf, built };
}

/** The site's pages, planned: what they are made from, and how to get them. */
export interface PagePlan {
  summary: SiteSummary;
  /** One fingerprint per group of pages (each month's, then the across-month files), in order. */
  fingerprints: string[];
  /** The pages, from the cache or rendered now (and cached). */
  render(): Promise<SiteFile[]>;
}

interface PageGroup {
  fingerprint: string;
  render: () => Promise<CachedPage[]>;
}

/** A page as the cache keeps it (JSON): text as it is, an image's bytes in base64. */
interface CachedPage {
  path: string;
  body: string;
  base64?: true;
}

function pagesFingerprint(inputs: unknown): string {
  return sha256(JSON.stringify([PAGES_FORMAT, inputs]));
}

/** A value from the cache under the fingerprint of `inputs`, or made now and cached. */
async function cached<T>(cache: BuildCache, inputs: unknown, make: () => Promise<T>): Promise<T> {
  return cachedAs(cache, pagesFingerprint(inputs), make);
}

/** A value from the cache under `fingerprint`, or made now and cached. */
async function cachedAs<T>(cache: BuildCache, fingerprint: string, make: () => Promise<T>): Promise<T> {
  let value = await cache.pages<T>(fingerprint);
  if (value === undefined) {
    value = await make();
    cache.setPages(fingerprint, value);
  }
  return value;
}

function toCached(files: readonly SiteFile[]): CachedPage[] {
  return files.map((p) =>
    typeof p.body === "string"
      ? { path: p.path, body: p.body }
      : { path: p.path, body: Buffer.from(p.body).toString("base64"), base64: true },
  );
}

function fromCached(pages: readonly CachedPage[]): SiteFile[] {
  return pages.map((p) =>
    p.base64 ? { path: p.path, body: new Uint8Array(Buffer.from(p.body, "base64")) } : { path: p.path, body: p.body },
  );
}

/** The render stage's view of a built month. */
async function toMonthReport(config: SiteConfig, month: BuiltMonth): Promise<MonthReport> {
  const { id, title, dir, files, missingDays, acceptedGaps, emptyDays, skippedFiles, dataAsOf } = month;
  const { report, reports } = await monthReports(config, id, month.counted);
  // the page names the files by day and count: raw keys stay out of the site
  const absentColumns = month.absentColumns.map(({ column, keys, days }) => ({ column, files: keys.length, days }));
  return {
    ...{ id, title, dir, report, files, missingDays, emptyDays, skippedFiles },
    ...(reports ? { reports } : {}),
    ...(acceptedGaps.length ? { acceptedGaps } : {}),
    ...(dataAsOf ? { dataAsOf } : {}),
    ...(absentColumns.length ? { absentColumns } : {}),
  };
}

/**
 * The month's Report (Arquero tables) of the first report, aggregated from its files' tallies, and
 * when the site lists `reports`, every report's.
 */
async function monthReports(
  config: SiteConfig,
  month: string,
  counted: readonly CachedFile[],
): Promise<{ report: Report; reports?: MonthReportOf[] }> {
  if (config.reportsFrom === "report") return { report: await monthReport(config, counted) };
  const { reportFromTallies, ReportMeasureError, pointCellsOf } = await import("../aggregate/index.js");
  const { missingValues } = config.report;
  const reports = config.reports.map((definition, index) => {
    const signature = tallySignature(tallySpecOf(definition));
    const files = counted.map((c) => ({ rows: c.tallies[signature]!, kinds: c.kinds ?? {} }));
    try {
      const report = reportFromTallies(definition, files, missingValues);
      return { definition, report: withPoints(report, definition, counted, pointCellsOf) };
    } catch (error) {
      if (!(error instanceof ReportMeasureError)) throw error;
      // the aggregate stage knows the files only by position: name them, the month and the report
      const keys = error.files.map((i) => counted[i]!.key).join(", ");
      const where = `${month}: reports[${index}] ("${definition.id}").measure`;
      throw new ReportMeasureError(`${where}: ${error.message} (${keys})`, { ...error, hint: error.hint ?? "" });
    }
  });
  return { report: reports[0]!.report, reports };
}

/** The month's Report of the one report of a site without `reports`: counts by groupBy and chartField. */
async function monthReport(config: SiteConfig, counted: readonly CachedFile[]): Promise<Report> {
  const { reportFromCounts, pointCellsOf } = await import("../aggregate/index.js");
  const definition = config.reports[0]!;
  const spec = tallySpecOf(definition);
  const signature = tallySignature(spec);
  const report = reportFromCounts(
    counted.map((c) => c.tallies[signature]!),
    spec.keys.map((k) => k.column),
    config.report,
  );
  return withPoints(report, definition, counted, pointCellsOf);
}

/** The report with its month's cells (from its location tallies), when it has `points`. */
function withPoints(
  report: Report,
  definition: ReportDefinition,
  counted: readonly CachedFile[],
  pointCellsOf: typeof PointCellsOf,
): Report {
  const spec = pointsSpecOf(definition);
  if (spec === undefined || definition.points === undefined) return report;
  const signature = tallySignature(spec);
  const points = pointCellsOf(
    counted.map((c) => c.tallies[signature]!),
    definition.points,
  );
  return { ...report, points };
}

/** What a month's pages are rendered from, as plain data (its fingerprint names the cached pages). */
function monthInputs(month: BuiltMonth): unknown {
  const { counted, month: _month, ...rest } = month;
  return { ...rest, counts: counted.map((c) => [c.key, c.tallies, c.kinds]) };
}
