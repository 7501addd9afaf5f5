/** The build composition root: source -> (cache) -> aggregate -> render -> site. */
import { resolve } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { readKeptMonthSummaries } from "./build/kept-months.js";
import { planPages, readBranding } from "./build/pages.js";
import { buildMonth, cachedMonthFiles, type BuiltMonth, type MonthSource, type MonthSummary } from "./build/month.js";
import { openBuildCache, planMonth, sha256, type BuildCache, type OutputFileStat } from "./cache/index.js";
import type { SiteConfig } from "./config/index.js";
import { startedAhead } from "./concurrency.js";
import { SourceError } from "./errors.js";
import { INDEX_DOCUMENT } from "./site-names.js";
import type { Logger } from "./log.js";
import { renderIndexPage, startLoadingCharts, TEMPLATES_DIR, type SiteSummary, type Theme } from "./render/index.js";
import { createS3Client } from "./s3/index.js";
import {
  carryModified,
  checkOutputFolder,
  isBuiltSite,
  readChartAssets,
  readKeptFiles,
  siteFileStats,
  writeSite,
  type OutputFile,
} from "./site/index.js";
import { countColumns, listMonthFiles, monthId, scanPoolFor, type Month, type MonthFiles } from "./source/index.js";

export { monthDir } from "./build/month-dir.js";
export type { BuiltMonth, MonthSummary } from "./build/month.js";

/** Options of buildSite. */
export interface BuildOptions {
  /** Only these months are read from S3 (default: every month with raw data); cached months are kept. */
  months?: readonly Month[];
  /** Publish months without the files that fail to parse (warned about) instead of failing. */
  skipBadFiles?: boolean;
  /** Read every raw file again, whatever the cache holds. */
  force?: boolean;
  /** Build from the cache alone, without S3 (for re-rendering after a template or config change). */
  offline?: boolean;
  logger: Logger;
  /** A client to use instead of one made from the config. */
  client?: S3Client;
  /** For testing only! The clock used for the index's LastModified column. */
  now?: () => Date;
}

/** What a build did. */
export interface BuildReport {
  output: string;
  /** False when the output folder already held exactly this site (nothing new): it was left as it was. */
  written: boolean;
  /** Per month: rebuilt or reused (and why), rows, files counted and read, skipped files, gaps. */
  months: MonthSummary[];
  files: number;
  bytes: number;
  /** Raw bytes read from S3 (0 when every month came from the cache). */
  bytesRead: number;
  seconds: number;
}

/**
 * Build the site into config.output, replacing it only when everything succeeded. A raw file whose
 * key, size and ETag are those the cache (config.cache) saw is not read again, and pages whose inputs
 * are unchanged are not rendered again: a build with nothing new lists the bucket and writes the site.
 * @example const report = await buildSite(await loadConfig(), { logger: console })
 */
export async function buildSite(config: SiteConfig, options: BuildOptions): Promise<BuildReport> {
  const started = Date.now();
  await checkOutputFolder(config.output); // before any raw data is read
  const client = options.client ?? createS3Client(config);
  // the listing goes out first: the branding and the cache are read while S3 answers
  const listing = options.offline ? Promise.resolve([]) : startedAhead(listMonthFiles(client, config, options));
  const branding = await readBranding(config); // a broken override stops the build here, too
  const cache = await openBuildCache(config.cache, countsFingerprint(config), options.logger);
  const sources = await monthSources(await listing, config, cache, options);
  const { built, summary, bytesRead } = await buildMonths(client, config, cache, sources, options);
  const kept = options.months ? await readKeptMonthSummaries(config, built) : [];
  const pages = await planPages(config, cache, built, branding, kept);
  const shared = [...(await sharedFiles()), ...branding.assets];
  // a --month build keeps other months' files from the folder: its site is not one the hashes name
  const fingerprint = options.months ? "partial" : siteFingerprint(pages.hashes, shared);
  const done = (written: boolean, files: { size: number }[]): BuildReport => {
    const bytes = files.reduce((sum, f) => sum + f.size, 0);
    const seconds = (Date.now() - started) / 1000;
    return { output: config.output, written, months: summary, files: files.length, bytes, bytesRead, seconds };
  };
  const unchanged = await unchangedOutput(cache, config.output, fingerprint);
  if (unchanged) {
    for (const hash of pages.hashes) cache.keepPages(hash);
    await cache.save();
    return done(false, unchanged);
  }
  const files = [...(await pages.render()), ...shared];
  files.push(...(await keptFiles(config, options, files)));
  const now = (options.now ?? (() => new Date()))();
  // a new or changed file is dated now, on disk too: the index lists the dates the next build reads back
  const dated = (await carryModified(config.output, files)).map((f) => (f.modified ? f : { ...f, modified: now }));
  dated.push(indexFile(config, dated, now, pages.summary, branding.theme));
  const written = await writeSite(dated, config.output);
  const stats = await siteFileStats(config.output);
  if (stats) cache.setOutput({ output: resolve(config.output), fingerprint, files: stats });
  await cache.save();
  return done(written, stats ?? dated.map((f) => ({ size: byteLength(f.body) })));
}

/** What the site's files are made from: every group of pages (by hash) and every asset (by content). */
function siteFingerprint(pageHashes: readonly string[], assets: readonly OutputFile[]): string {
  const assetHashes = assets.map((a) => [a.path, sha256(a.body)]);
  return sha256(JSON.stringify([pageHashes, assetHashes]));
}

/**
 * The files of the output folder when it is exactly what the last build left there and that build's
 * site was made from `fingerprint` too (so this build would write the same bytes); else undefined.
 * The folder is compared by each file's size and modification time, as `aws s3 sync` compares.
 */
async function unchangedOutput(
  cache: BuildCache,
  output: string,
  fingerprint: string,
): Promise<{ size: number }[] | undefined> {
  const record = await cache.output();
  if (fingerprint === "partial" || record?.output !== resolve(output) || record.fingerprint !== fingerprint) return;
  const now = await siteFileStats(output);
  const same = (a: OutputFileStat, b: OutputFileStat) =>
    a.path === b.path && a.size === b.size && a.mtimeMs === b.mtimeMs;
  return now?.length === record.files.length && now.every((f, i) => same(f, record.files[i]!)) ? now : undefined;
}

/** The months of the site: the listed ones, plus cached months that --month or offline leave unlisted. */
async function monthSources(
  listed: readonly MonthFiles[],
  config: SiteConfig,
  cache: BuildCache,
  options: BuildOptions,
): Promise<MonthSource[]> {
  const sources: MonthSource[] = await Promise.all(
    listed.map(async (files) => ({ files, cached: await cache.month(monthId(files.month)), fromListing: true })),
  );
  if (options.months || options.offline) {
    const listedIds = new Set(listed.map((f) => monthId(f.month)));
    for (const id of cache.months().filter((m) => !listedIds.has(m))) {
      const cached = await cache.month(id);
      if (cached) sources.push({ files: cachedMonthFiles(config, id, cached), cached, fromListing: false });
    }
    sources.sort((a, b) => a.files.month.year - b.files.month.year || a.files.month.month - b.files.month.month);
  }
  if (sources.length === 0) {
    throw new SourceError(`the cache in ${config.cache} holds no months to build from`, {
      hint: "Run `reportsite build` once with access to S3; offline builds re-render from its cache.",
    });
  }
  return sources;
}

/** Each month in turn, raw files scanned on worker threads when there is much to read. */
async function buildMonths(
  client: S3Client,
  config: SiteConfig,
  cache: BuildCache,
  sources: MonthSource[],
  options: BuildOptions,
): Promise<{ built: BuiltMonth[]; summary: MonthSummary[]; bytesRead: number }> {
  const result = { built: [] as BuiltMonth[], summary: [] as MonthSummary[], bytesRead: 0 };
  const toRead = sources.flatMap((s) => (s.fromListing ? unreadObjects(s, options.force) : []));
  if (toRead.length) startLoadingCharts(); // while S3 sends the raw files; their months are rendered after
  const pool = scanPoolFor(toRead.reduce((n, o) => n + o.size, 0));
  try {
    for (const source of sources) {
      const month = await buildMonth(config, cache, source, { ...options, client, pool });
      result.built.push(month.built);
      result.summary.push(month.summary);
      result.bytesRead += month.bytesRead;
    }
  } finally {
    await pool.close();
  }
  return result;
}

/** Listed files the cache does not have as they are now (the rule buildMonth reads by). */
function unreadObjects(source: MonthSource, force?: boolean): { size: number }[] {
  return planMonth(source.files.objects, source.cached, { force }).read;
}

/** What cached counts depend on: where the raw data is and which columns are counted. */
function countsFingerprint(config: SiteConfig): string {
  const { bucket, prefix } = config.raw;
  const required = config.report.requiredColumns;
  return sha256(
    JSON.stringify({ endpoint: config.endpoint ?? "aws", bucket, prefix, count: countColumns(config), required }),
  );
}

/** The chart and table scripts (the error page is rendered with the other across-month files). */
async function sharedFiles(): Promise<OutputFile[]> {
  return readChartAssets(TEMPLATES_DIR);
}

/** With --month, the previous build's files that this build does not write (months neither listed nor cached). */
async function keptFiles(config: SiteConfig, options: BuildOptions, files: OutputFile[]): Promise<OutputFile[]> {
  if (!options.months) return [];
  if (!(await isBuiltSite(config.output))) {
    options.logger.warn(
      `${config.output} holds no earlier build, so the site will have only the months built now; \`deploy --delete\` would unpublish the others (build every month, or deploy without --delete)`,
    );
    return [];
  }
  const kept = await readKeptFiles(config.output, new Set(files.map((f) => f.path)));
  if (kept.length) options.logger.info(`kept ${kept.length} files of other months from ${config.output}`);
  return kept.map((f) => ({ path: f.key, body: f.body, modified: f.modified }));
}

function indexFile(config: SiteConfig, files: OutputFile[], now: Date, summary: SiteSummary, theme: Theme): OutputFile {
  const entries = files.map((f) => ({ key: f.path, size: byteLength(f.body), lastModified: f.modified ?? now }));
  return { path: INDEX_DOCUMENT, body: renderIndexPage(entries, { title: config.site.title, summary, theme }) };
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
}
