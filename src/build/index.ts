/** The build composition root: source -> (cache) -> aggregate -> render -> site. */
import { resolve } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import {
  assetsFingerprint,
  countsFingerprint,
  packageVersion,
  renderFingerprint,
  siteFingerprint,
  siteInputs,
} from "./fingerprints.js";
import { badFilesError, checkCountColumnsFound } from "./bad-files.js";
import {
  buildMonth,
  cachedMonthFiles,
  reusedMonth,
  type BuiltMonth,
  type MonthOutcome,
  type MonthSource,
  type MonthSummary,
} from "./month.js";
import { recordedMonths, unchangedOutput, unchangedSite } from "./unchanged.js";
import { openBuildCache, planMonth, type BuildCache, type OutputFileStat } from "../cache/index.js";
import type { SiteConfig } from "../config/index.js";
import { startedAhead } from "../concurrency.js";
import { SourceError } from "../errors.js";
import { INDEX_DOCUMENT } from "../site-names.js";
import type { Logger } from "../log.js";
import type { SiteSummary, Theme } from "../render/index.js";
import { TEMPLATE_NAMES, TEMPLATES_DIR } from "../render/template-names.js";
import { createS3Client } from "../s3/index.js";
import {
  carryModified,
  checkOutputFolder,
  isBuiltSite,
  readChartAssets,
  readKeptFiles,
  readTheme,
  siteFileStats,
  writeSite,
  type OutputFile,
  type ProjectTheme,
} from "../site/index.js";
import { listMonthFiles, monthId, scanPoolFor, type Month, type MonthFiles } from "../source/index.js";

export { monthDir } from "./month-dir.js";
export type { BuiltMonth, MonthSummary } from "./month.js";

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
 * are unchanged are not rendered again. A build with nothing new lists the bucket, finds the listing,
 * the cache and the settings as the last build left them, and stops: it reads no month and no page.
 * @example const report = await buildSite(await loadConfig(), { logger: console })
 */
export async function buildSite(config: SiteConfig, options: BuildOptions): Promise<BuildReport> {
  const started = Date.now();
  await checkOutputFolder(config.output); // before any raw data is read
  const client = options.client ?? createS3Client(config);
  // the listing goes out first: the branding and the cache are read while S3 answers
  const listing = options.offline ? Promise.resolve([]) : startedAhead(listMonthFiles(client, config, options));
  const inputs = await readInputs(config, options);
  const listed = await listing;
  const site =
    (await unchangedSince(config, options, listed, inputs)) ??
    (await makeSite(config, options, client, listed, inputs));
  const bytes = site.files.reduce((sum, f) => sum + f.size, 0);
  const seconds = (Date.now() - started) / 1000;
  const { written, months, files, bytesRead } = site;
  return { output: config.output, written, months, files: files.length, bytes, bytesRead, seconds };
}

/** What a build starts from besides the listing, read while S3 lists the raw bucket. */
interface BuildInputs {
  branding: ProjectTheme;
  cache: BuildCache;
  /** The chart scripts, the logo and the favicon. */
  shared: OutputFile[];
  /** renderFingerprint: the templates, the render code and the settings. */
  renderPrint: string;
  /** assetsFingerprint of `shared`. */
  assetsPrint: string;
  /** Every fingerprint siteInputs hashes besides the listing and the cache's months. */
  settings: string[];
}

/** The site a build made (or found already made): what BuildReport says of it. */
interface MadeSite {
  written: boolean;
  months: MonthSummary[];
  files: { size: number }[];
  bytesRead: number;
}

async function readInputs(config: SiteConfig, options: BuildOptions): Promise<BuildInputs> {
  const branding = await readTheme(config, TEMPLATE_NAMES);
  // a broken override stops the build before any raw data is read, even when S3 cannot be reached;
  // without overrides there is nothing to compile, and the template engine is not loaded
  if (branding.theme.templates.length) (await import("../render/index.js")).checkTemplates(branding.theme);
  const counts = countsFingerprint(config);
  const cache = await openBuildCache(config.cache, counts, options.logger);
  const shared = [...(await sharedFiles()), ...branding.assets];
  const renderPrint = await renderFingerprint(config);
  const assetsPrint = assetsFingerprint(shared);
  const skipping = options.skipBadFiles ? "skip-bad-files" : "";
  const settings = [await packageVersion(), counts, renderPrint, branding.fingerprint, assetsPrint, skipping];
  return { branding, cache, shared, renderPrint, assetsPrint, settings };
}

/**
 * The last build's site, when it made every month from exactly this listing, cache and settings and
 * its output folder is as it left it: nothing is read, rendered or written. --force, --month and an
 * offline build always make the site.
 */
async function unchangedSince(
  config: SiteConfig,
  options: BuildOptions,
  listed: readonly MonthFiles[],
  inputs: BuildInputs,
): Promise<MadeSite | undefined> {
  if (!wholeSite(options) || options.force) return undefined;
  const last = await unchangedSite(inputs.cache, config.output, inputsHash(listed, inputs));
  const recorded = new Map(last?.months.map((m) => [m.month, m]));
  if (!last || !listed.every((files) => recorded.has(monthId(files.month)))) return undefined;
  const months = listed.map((files) => reusedMonth(config, files, recorded.get(monthId(files.month))!, options.logger));
  return { written: false, months, files: last.files, bytesRead: 0 };
}

/** Whether this build makes every month from the listing: only then is its site what siteInputs names. */
function wholeSite(options: BuildOptions): boolean {
  return !options.months && !options.offline;
}

function inputsHash(listed: readonly MonthFiles[], inputs: BuildInputs): string {
  return siteInputs(listed, inputs.cache.monthDigests(), inputs.settings);
}

/** Count what is new, plan the pages, and write the site unless the folder already holds it. */
async function makeSite(
  config: SiteConfig,
  options: BuildOptions,
  client: S3Client,
  listed: readonly MonthFiles[],
  inputs: BuildInputs,
): Promise<MadeSite> {
  const { branding, cache } = inputs;
  const { planPages } = await import("./pages.js");
  const sources = await monthSources(listed, config, cache, options);
  const { built, summary, bytesRead } = await buildMonths(client, config, cache, sources, options);
  const kept = options.months ? await keptMonthSummaries(config, built) : [];
  const pages = await planPages(config, cache, built, branding, { kept, renderPrint: inputs.renderPrint });
  // a --month build keeps other months' files from the folder: its site is not one the hashes name,
  // so it records nothing (the last record names files this build's writes, if any, have replaced)
  const fingerprint = options.months ? undefined : siteFingerprint(pages.hashes, inputs.assetsPrint);
  const record = (files: OutputFileStat[]) => {
    if (fingerprint === undefined) return;
    // a file skipped now is read again by the next build, so that one must not stop before reading
    const complete = wholeSite(options) && summary.every((m) => m.skipped.length === 0);
    const recorded = complete ? { inputs: { hash: inputsHash(listed, inputs), months: recordedMonths(summary) } } : {};
    cache.setOutput({ output: resolve(config.output), fingerprint, files, ...recorded });
  };
  const made = (written: boolean, files: { size: number }[]) => ({ written, months: summary, files, bytesRead });
  const unchanged = fingerprint && (await unchangedOutput(cache, config.output, fingerprint));
  if (unchanged) {
    for (const hash of pages.hashes) cache.keepPages(hash);
    record(unchanged);
    await cache.save();
    return made(false, unchanged);
  }
  const written = await writePages(
    config,
    options,
    [...(await pages.render()), ...inputs.shared],
    pages.summary,
    branding,
  );
  const stats = await siteFileStats(config.output);
  if (stats) record(stats);
  await cache.save();
  return made(written.written, stats ?? written.files);
}

/** Write the pages, the files --month keeps, and the index listing them all, dated by when each last changed. */
async function writePages(
  config: SiteConfig,
  options: BuildOptions,
  files: OutputFile[],
  summary: SiteSummary,
  branding: ProjectTheme,
): Promise<{ written: boolean; files: { size: number }[] }> {
  files.push(...(await keptFiles(config, options, files, summary)));
  const now = (options.now ?? (() => new Date()))();
  // a new or changed file is dated now, on disk too: the index lists the dates the next build reads back
  const dated = (await carryModified(config.output, files)).map((f) => (f.modified ? f : { ...f, modified: now }));
  dated.push(await indexFile(config, dated, now, summary, branding.theme));
  // deploy renders index.html again in this look, whatever the project's branding files become
  const written = await writeSite(dated, config.output, { title: config.site.title, theme: branding.theme });
  return { written, files: dated.map((f) => ({ size: byteLength(f.body) })) };
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
  if (!wholeSite(options)) {
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
  // Vega loads while S3 sends the raw files; their months are rendered after
  if (toRead.length)
    void import("../render/index.js").then(
      (render) => render.startLoadingCharts(),
      () => undefined, // the render stage reports it when the pages are rendered
    );
  const pool = scanPoolFor(toRead.reduce((n, o) => n + o.size, 0));
  const outcomes: MonthOutcome[] = [];
  try {
    // every month is read before deciding: a build names every bad file of every month at once
    for (const source of sources) outcomes.push(await buildMonth(config, cache, source, { ...options, client, pool }));
  } finally {
    await pool.close();
  }
  // a count column no counted file has is a typo, said before the bad files (when any file was counted)
  if (outcomes.some((o) => o.counted > 0)) {
    const found = new Set(outcomes.flatMap((o) => o.countColumnsFound));
    const headers = [...new Set(outcomes.flatMap((o) => o.headerColumns))];
    checkCountColumnsFound(config.report, found, headers, options.months ? { logger: options.logger } : undefined);
  }
  const bad = outcomes.filter((o) => o.summary === undefined);
  if (bad.length) throw badFilesError(bad);
  for (const month of outcomes) {
    if (month.built) result.built.push(month.built);
    result.summary.push(month.summary!);
    result.bytesRead += month.bytesRead;
  }
  if (result.built.length === 0) throw nothingLeft(result.summary);
  return result;
}

/** --skip-bad-files left no month with a file to count: there is no site to publish. */
function nothingLeft(months: readonly MonthSummary[]): SourceError {
  return new SourceError(
    `no raw file of ${months.length === 1 ? "the month" : `any of the ${months.length} months`} built can be read (${months.map((m) => m.month).join(", ")}); nothing was built`,
    { hint: "Fix or re-export the files named in the warnings above." },
  );
}

/** Listed files the cache does not have as they are now (the rule buildMonth reads by). */
function unreadObjects(source: MonthSource, force?: boolean): { size: number }[] {
  return planMonth(source.files.objects, source.cached, { force }).read;
}

/** The chart and table scripts (the error page is rendered with the other across-month files). */
async function sharedFiles(): Promise<OutputFile[]> {
  return readChartAssets(TEMPLATES_DIR);
}

/** With --month, the previous build's files that this build does not write (months neither listed nor cached). */
async function keptFiles(
  config: SiteConfig,
  options: BuildOptions,
  files: OutputFile[],
  summary: SiteSummary,
): Promise<OutputFile[]> {
  if (!options.months) return [];
  if (!(await isBuiltSite(config.output))) {
    options.logger.warn(noEarlierBuildWarning(config, options.months, summary));
    return [];
  }
  const kept = await readKeptFiles(config.output, new Set(files.map((f) => f.path)));
  if (kept.length) options.logger.info(`kept ${kept.length} files of other months from ${config.output}`);
  return kept.map((f) => ({ path: f.key, body: f.body, modified: f.modified }));
}

/**
 * A --month build into an empty output folder (a fresh CI checkout): the site has the months read now
 * and the months the build cache supplies; only a month published before that is in neither is missing.
 */
function noEarlierBuildWarning(config: SiteConfig, months: readonly Month[], summary: SiteSummary): string {
  const requested = new Set(months.map(monthId));
  const cached = summary.months.map((m) => m.id).filter((id) => !requested.has(id));
  const fix = "(build every month, or deploy without --delete)";
  if (!cached.length)
    return `${config.output} holds no earlier build and the build cache no other month, so the site will have only the months built now; \`deploy --delete\` would unpublish the others ${fix}`;
  const range = cached.length <= 3 ? cached.join(", ") : `${cached[0]} to ${cached.at(-1)}`;
  return `${config.output} holds no earlier build: the site will have the months built now and the ${cached.length} month${cached.length === 1 ? "" : "s"} in the build cache (${range}); a month published earlier that is in neither would be left out, and \`deploy --delete\` would unpublish it ${fix}`;
}

async function indexFile(
  config: SiteConfig,
  files: OutputFile[],
  now: Date,
  summary: SiteSummary,
  theme: Theme,
): Promise<OutputFile> {
  const { renderIndexPage } = await import("../render/index.js");
  const entries = files.map((f) => ({ key: f.path, size: byteLength(f.body), lastModified: f.modified ?? now }));
  return { path: INDEX_DOCUMENT, body: renderIndexPage(entries, { title: config.site.title, summary, theme }) };
}

/** With --month, the summaries of the months whose pages the previous build left (kept-months.ts). */
async function keptMonthSummaries(config: SiteConfig, built: BuiltMonth[]): Promise<SiteSummary["months"]> {
  const { readKeptMonthSummaries } = await import("./kept-months.js");
  return readKeptMonthSummaries(config, built);
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
}
