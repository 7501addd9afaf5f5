/**
 * Fingerprints of what the site is made from. Each names a part of the build's inputs, so the cache can
 * tell "the same as last time" without keeping the inputs themselves.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256 } from "../state/index.js";
import type { SiteConfig } from "../config/index.js";
import { TEMPLATES_DIR } from "../render/template-names.js";
import type { SiteFile } from "../render/index.js";
import { countColumns, monthId, type MonthFiles } from "../source/index.js";

/** Bump when cached pages must be rendered again although no input changed. */
export const PAGES_FORMAT = 2;
/**
 * Bump when siteInputs gains or loses a part, or when code outside render/ (build/, source/) makes
 * another site from the same inputs: a build whose inputs' fingerprint is unchanged stops before running it.
 * A new version of reportsite changes the fingerprint by itself (the build's fingerprints include the version).
 */
const INPUTS_FORMAT = 2;
const RENDER_CODE_DIR = fileURLToPath(new URL("../render/", import.meta.url));

/**
 * What cached tallies depend on besides their specs: where the raw data is and how it is read. A site
 * with a `reports` list keeps each file's tallies by spec, so a new report reads each file once more
 * and nothing else does; its missing markers decide filters, timestamps and kinds, so they are here.
 * A site of the one `report` sets the cache aside when its columns change, as it always has.
 */
export function countsFingerprint(config: SiteConfig): string {
  const { bucket, prefix, encoding } = config.raw;
  const required = config.report.requiredColumns;
  // the encoding only when it is not the default, so caches made before raw.encoding existed stay valid
  const read = encoding === "utf-8" ? {} : { encoding };
  const tallies =
    config.reportsFrom === "report" ? { count: countColumns(config) } : { missing: config.report.missingValues };
  return sha256(
    JSON.stringify({
      endpoint: config.endpoint ?? "aws",
      bucket,
      prefix,
      ...tallies,
      required,
      ...read,
    }),
  );
}

/** The templates, the render code and the config the pages depend on. */
export async function renderFingerprint(config: SiteConfig): Promise<string> {
  const sources = [...(await folderTexts(TEMPLATES_DIR)), ...(await folderTexts(RENDER_CODE_DIR))];
  const { site, report, region, endpoint, websiteEndpoint } = config;
  // the pages name the accepted gaps, and count an accepted month as complete
  const { acceptedGaps } = config.raw;
  // the reports' titles, units and charts when the site lists them (the one report's are site and report)
  const reports = config.reportsFrom === "reports" ? { reports: config.reports } : {};
  // the one report's points (minCount decides which cells its page shows), only when it has them
  const points = config.reportsFrom === "report" ? config.reports[0]?.points : undefined;
  return sha256(
    JSON.stringify([
      PAGES_FORMAT,
      sources,
      { site, report, region, endpoint, websiteEndpoint, acceptedGaps, ...reports, ...(points ? { points } : {}) },
    ]),
  );
}

async function folderTexts(dir: string): Promise<[string, string][]> {
  const names = (await readdir(dir)).filter((n) => /\.(eta|ts|js|css)$/.test(n)).sort();
  return Promise.all(names.map(async (n) => [n, sha256(await readFile(join(dir, n), "utf8"))] as [string, string]));
}

/** The package's version (package.json sits two folders up from src/build, lib/build and lib/cli). */
export async function packageVersion(): Promise<string> {
  const url = new URL("../../package.json", import.meta.url);
  return (JSON.parse(await readFile(url, "utf8")) as { version: string }).version;
}

/** Each asset (chart scripts, logo, favicon) by path and content. */
export function assetsFingerprint(assets: readonly SiteFile[]): string {
  return sha256(JSON.stringify(assets.map((a) => [a.path, sha256(a.body)])));
}

/** What the site's files are made from: every group of pages (by fingerprint) and every asset. */
export function siteFingerprint(pageFingerprints: readonly string[], assets: string): string {
  return sha256(JSON.stringify([pageFingerprints, assets]));
}

/**
 * What the pages are planned from, before any of it is read: the raw listing (each file's key, size,
 * ETag, date and day), the cache's months (by their files' checksums) and `fingerprints` (the
 * other fingerprints and the package's version).
 * The counts of a listed file come from the cache only when its key, size and ETag are those it was
 * counted from, so the same listing and the same cache give the same months, and the same pages.
 */
export function siteInputs(
  listed: readonly MonthFiles[],
  cachedMonths: Readonly<Record<string, string>>,
  fingerprints: readonly unknown[],
): string {
  // each file's day too: the key pattern dates the files, and a month's missing days are on its pages
  const listing = listed.map((m) => [
    monthId(m.month),
    m.objects.map((o) => [o.key, o.size, o.etag, o.lastModified?.toISOString(), o.day]),
    m.missingDays,
  ]);
  return sha256(JSON.stringify([INPUTS_FORMAT, listing, cachedMonths, fingerprints]));
}
