/** The build composition root: source -> aggregate -> render -> site. */
import type { S3Client } from "@aws-sdk/client-s3";
import { aggregateReport } from "./aggregate/index.js";
import type { SiteConfig } from "./config/index.js";
import type { Logger } from "./log.js";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  parseSiteSummary,
  renderIndexPage,
  renderSite,
  SUMMARY_JSON,
  TEMPLATES_DIR,
  type MonthReport,
  type MonthSummary,
} from "./render/index.js";
import { createS3Client, encodeKey, websiteRoot } from "./s3/index.js";
import {
  checkOutputFolder,
  isBuiltSite,
  readChartAssets,
  readKeptFiles,
  writeSite,
  type OutputFile,
} from "./site/index.js";
import { loadMonths, monthAbbreviation, monthId, monthTitle, type Month } from "./source/index.js";

/** Options of buildSite. */
export interface BuildOptions {
  /** Only these months (default: every month with raw data). */
  months?: readonly Month[];
  /** Publish months without the files that fail to parse (warned about) instead of failing. */
  skipBadFiles?: boolean;
  logger: Logger;
  /** A client to use instead of one made from the config. */
  client?: S3Client;
  /** For testing only! The clock used for the index's LastModified column. */
  now?: () => Date;
}

/** What a build did. */
export interface BuildReport {
  output: string;
  /** Per month: rows counted, raw files read, files skipped (--skip-bad-files) and days without a file. */
  months: { month: string; rows: number; files: number; skipped: string[]; missingDays: number[] }[];
  files: number;
  bytes: number;
  seconds: number;
}

/**
 * Build every wanted month into config.output, replacing it only when everything succeeded. With
 * `months`, only those are rebuilt and the other months' files of the previous build are kept.
 */
export async function buildSite(config: SiteConfig, options: BuildOptions): Promise<BuildReport> {
  const started = Date.now();
  const client = options.client ?? createS3Client(config);
  await checkOutputFolder(config.output); // before any raw data is read
  if (options.months && !(await isBuiltSite(config.output))) {
    options.logger.warn(
      `${config.output} holds no earlier build, so the site will have only the months built now; \`deploy --delete\` would unpublish the others (build every month, or deploy without --delete)`,
    );
  }
  const months: MonthReport[] = [];
  const summary: BuildReport["months"] = [];
  // one month's rows in memory at a time: each is aggregated before the next is read
  for await (const data of loadMonths(client, config, {
    months: options.months,
    skipBadFiles: options.skipBadFiles,
    logger: options.logger,
  })) {
    const report = aggregateReport(data.table, config.report);
    const dir = monthDir(config.site.monthPath, data.month);
    months.push({
      id: monthId(data.month),
      title: monthTitle(data.month),
      dir,
      report,
      files: data.objects.length,
      missingDays: data.missingDays,
      emptyDays: [],
      skippedFiles: data.skipped.length,
      dataAsOf: newestModified(data.objects),
    });
    summary.push({
      month: monthId(data.month),
      rows: report.totalRows,
      files: data.objects.length,
      skipped: data.skipped.map((s) => s.key),
      missingDays: data.missingDays,
    });
    options.logger.info(`${monthId(data.month)}: ${report.counts.numRows()} groups -> ${dir}/`);
  }
  const siteRootUrl = `${websiteRoot(config, config.site.bucket)}${encodeKey(config.site.prefix)}`;
  // a --month build keeps the other months: their numbers come from the previous build's summary.json
  const otherMonths = options.months ? await readKeptSummary(config.output) : [];
  const site = await renderSite(
    months,
    { ...config.report, siteTitle: config.site.title, files: config.site.files, siteRootUrl },
    { otherMonths },
  );
  const files: OutputFile[] = [...site.files, ...(await readChartAssets(TEMPLATES_DIR))];
  if (options.months) {
    // a build of some months updates them in the site and keeps the others, so the index (and a
    // later `deploy --delete`) still has every month
    const kept = await readKeptFiles(config.output, new Set(files.map((f) => f.path)));
    files.push(...kept.map((f) => ({ path: f.key, body: f.body, modified: f.modified })));
    if (kept.length) options.logger.info(`kept ${kept.length} files of other months from ${config.output}`);
  }
  const now = (options.now ?? (() => new Date()))();
  const entries = files.map((f) => ({ key: f.path, size: byteLength(f.body), lastModified: f.modified ?? now }));
  files.push({
    path: "index.html",
    body: renderIndexPage(entries, { title: config.site.title, summary: site.summary }),
  });
  await writeSite(files, config.output);
  const bytes = files.reduce((sum, f) => sum + byteLength(f.body), 0);
  return { output: config.output, months: summary, files: files.length, bytes, seconds: (Date.now() - started) / 1000 };
}

/** The folder of a month in the site: `{year}/{mon}` -> `2019/jan`. */
export function monthDir(template: string, month: Month): string {
  return template
    .replaceAll("{year}", String(month.year))
    .replaceAll("{mon}", monthAbbreviation(month))
    .replaceAll("{month}", String(month.month).padStart(2, "0"));
}

/** The newest LastModified of a month's raw objects ("data as of"), when the listing has dates. */
function newestModified(objects: readonly { lastModified?: Date }[]): string | undefined {
  const times = objects.flatMap((o) => (o.lastModified ? [o.lastModified.getTime()] : []));
  return times.length ? new Date(Math.max(...times)).toISOString() : undefined;
}

/** Month summaries of the previous build in `output` (none when it has no summary.json). */
async function readKeptSummary(output: string): Promise<MonthSummary[]> {
  if (!(await isBuiltSite(output))) return [];
  const text = await readFile(join(output, SUMMARY_JSON), "utf8").catch(() => undefined);
  return text === undefined ? [] : parseSiteSummary(text, join(output, SUMMARY_JSON)).months;
}

function byteLength(body: string | Uint8Array): number {
  return typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
}
