/**
 * Render the site's pages, each month's pages from the cache when everything they are rendered from
 * (the month's counts, the config's site and report settings, the templates and the render code)
 * is unchanged: a no-op build neither aggregates nor loads Vega.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Report } from "../aggregate/index.js";
import { sha256, type BuildCache, type CachedFile } from "../cache/index.js";
import type { SiteConfig } from "../config/index.js";
import type { OutputFile } from "../site/index.js";
import { renderMonthPages, TEMPLATES_DIR } from "../render/index.js";
import { countColumns, formatRanges } from "../source/index.js";
import type { BuiltMonth } from "./month.js";

/** Bump when cached pages must be rendered again although no input changed. */
const PAGES_FORMAT = 1;
const RENDER_CODE_DIR = fileURLToPath(new URL("../render/", import.meta.url));

/** Every month's pages, from the cache or rendered now (and then cached). */
export async function renderMonths(config: SiteConfig, cache: BuildCache, months: BuiltMonth[]): Promise<OutputFile[]> {
  const fingerprint = await renderFingerprint(config);
  const files: OutputFile[] = [];
  for (const month of months) {
    const hash = sha256(JSON.stringify([fingerprint, monthInputs(month)]));
    let pages = await cache.pages<{ path: string; body: string }[]>(hash);
    if (pages === undefined) {
      pages = await renderMonth(config, month);
      cache.setPages(hash, pages);
    }
    files.push(...pages);
  }
  return files;
}

async function renderMonth(config: SiteConfig, month: BuiltMonth): Promise<{ path: string; body: string }[]> {
  const report = await monthReport(config, month.counted);
  const pages = await renderMonthPages(
    {
      monthTitle: month.title,
      dir: month.dir,
      report,
      fileCount: month.files,
      missingDays: formatRanges(month.missingDays),
      skippedFiles: month.skippedFiles,
    },
    { ...config.report, siteTitle: config.site.title, files: config.site.files },
  );
  return pages.map((p) => ({
    path: p.path,
    body: typeof p.body === "string" ? p.body : Buffer.from(p.body).toString(),
  }));
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

/** The templates, the render code and the settings pages depend on. */
async function renderFingerprint(config: SiteConfig): Promise<string> {
  const sources = [...(await folderTexts(TEMPLATES_DIR)), ...(await folderTexts(RENDER_CODE_DIR))];
  const { site, report, region, endpoint, websiteEndpoint } = config;
  return sha256(JSON.stringify([PAGES_FORMAT, sources, { site, report, region, endpoint, websiteEndpoint }]));
}

async function folderTexts(dir: string): Promise<[string, string][]> {
  const names = (await readdir(dir)).filter((n) => /\.(eta|ts|js|css)$/.test(n)).sort();
  return Promise.all(names.map(async (n) => [n, sha256(await readFile(join(dir, n), "utf8"))] as [string, string]));
}
