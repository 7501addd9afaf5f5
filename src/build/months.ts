/**
 * The months of a build: which months the site has (listed, or cached when --month or offline leave
 * them unlisted), and each month counted in turn, its bad files and count-column typos said at once.
 */
import type { S3Client } from "@aws-sdk/client-s3";
import { badFilesError, checkCountColumnsFound, readColumns } from "./bad-files.js";
import { cachedMonthFiles, tallySignatures, type BuiltMonth } from "./built-month.js";
import { buildMonth, type BuildMonthResult, type MonthOutcome, type MonthSource } from "./month.js";
import { wholeSite, type BuildOptions } from "./options.js";
import { planMonth } from "./month-plan.js";
import type { BuildCache } from "../state/index.js";
import type { SiteConfig } from "../config/index.js";
import { SourceError } from "../errors.js";
import { monthId, scanPoolFor, type MonthFiles } from "../source/index.js";

/** The months of the site: the listed ones, plus cached months that --month or offline leave unlisted. */
export async function monthSources(
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
export async function buildMonths(
  client: S3Client,
  config: SiteConfig,
  cache: BuildCache,
  sources: MonthSource[],
  options: BuildOptions,
): Promise<{ built: BuiltMonth[]; months: MonthOutcome[]; bytesRead: number }> {
  const result = { built: [] as BuiltMonth[], months: [] as MonthOutcome[], bytesRead: 0 };
  const toRead = unreadObjects(sources, tallySignatures(config), options.force);
  // Vega loads while S3 sends the raw files; their months are rendered after
  if (toRead.length)
    void import("../render/index.js").then(
      (render) => render.startLoadingCharts(),
      () => undefined, // the render stage reports it when the pages are rendered
    );
  const pool = scanPoolFor(toRead.reduce((n, o) => n + o.size, 0));
  const outcomes: BuildMonthResult[] = [];
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
    const partial = options.months ? { logger: options.logger } : undefined;
    checkCountColumnsFound(readColumns(config), found, headers, partial);
  }
  const bad = outcomes.filter((o) => o.outcome === undefined);
  if (bad.length) throw badFilesError(bad);
  for (const month of outcomes) {
    if (month.built) result.built.push(month.built);
    result.months.push(month.outcome!);
    result.bytesRead += month.bytesRead;
  }
  if (result.built.length === 0) throw nothingLeft(result.months);
  return result;
}

/** --skip-bad-files left no month with a file to count: there is no site to publish. */
function nothingLeft(months: readonly MonthOutcome[]): SourceError {
  return new SourceError(
    `no raw file of ${months.length === 1 ? "the month" : `any of the ${months.length} months`} built can be read (${months.map((m) => m.month).join(", ")}); nothing was built`,
    { hint: "Fix or re-export the files named in the warnings above." },
  );
}

/** Listed files the cache does not have as they are now, with every report's tally (the rule buildMonth reads by). */
function unreadObjects(sources: readonly MonthSource[], signatures: readonly string[], force?: boolean) {
  const plan = (s: MonthSource) => planMonth(s.files.objects, s.cached, { force, signatures }).read;
  return sources.flatMap((s) => (s.fromListing ? plan(s) : []));
}
