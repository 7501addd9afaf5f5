/**
 * The build stage: source -> (cache) -> aggregate -> render -> site. buildSite reads as its steps;
 * each step is a file of src/build/ (nothing-new.ts holds every shortcut of a build with nothing new).
 */
import { resolve } from "node:path";
import type { S3Client } from "@aws-sdk/client-s3";
import { readInputs, type BuildStart } from "./inputs.js";
import type { MonthOutcome } from "./month.js";
import { buildMonths, monthSources } from "./months.js";
import { outputRecordPlan, unchangedOutput, unchangedSince } from "./nothing-new.js";
import { warnUnmatchedAreas } from "./map-warnings.js";
import type { BuildOptions } from "./options.js";
import { writePages } from "./write.js";
import type { SiteConfig } from "../config/index.js";
import type { SiteSummary } from "../render/index.js";
import { startedAhead } from "../concurrency.js";
import { createS3Client } from "../s3/index.js";
import { checkOutputFolder } from "../site/index.js";
import { listMonthFiles } from "../source/index.js";

export { monthDir } from "./month-dir.js";
export type { BuiltMonth } from "./built-month.js";
export type { MonthOutcome } from "./month.js";
export type { BuildOptions } from "./options.js";

/** What a build did. */
export interface BuildReport {
  output: string;
  /** False when the output folder already held exactly this site (nothing new): it was left as it was. */
  written: boolean;
  /** Per month: rebuilt or reused (and why), rows, files counted and read, skipped files, gaps. */
  months: MonthOutcome[];
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
 * the cache and the config as the last build left them, and stops: it reads no month and no page.
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
  const unchanged = await unchangedSince(config, options, { listed, inputs });
  const site = unchanged
    ? { written: false, ...unchanged, bytesRead: 0 }
    : await makeSite(config, options, client, { listed, inputs });
  const bytes = site.files.reduce((sum, f) => sum + f.size, 0);
  const seconds = (Date.now() - started) / 1000;
  const { written, months, files, bytesRead } = site;
  return { output: config.output, written, months, files: files.length, bytes, bytesRead, seconds };
}

/** The site a build made (or found already made): what BuildReport says of it. */
interface MadeSite {
  written: boolean;
  months: MonthOutcome[];
  files: { size: number }[];
  bytesRead: number;
}

/** Count what is new, plan the pages, and write the site unless the folder already holds it. */
async function makeSite(
  config: SiteConfig,
  options: BuildOptions,
  client: S3Client,
  start: BuildStart,
): Promise<MadeSite> {
  const { branding, cache, shared, renderFingerprint, maps } = start.inputs;
  const { planPages } = await import("./pages.js");
  const sources = await monthSources(start.listed, config, cache, options);
  const { built, months, bytesRead } = await buildMonths(client, config, cache, sources, options);
  const carried = options.months ? await carriedMonthSummaries(config, built) : [];
  const pages = await planPages(config, cache, built, branding, { carried, renderFingerprint, maps });
  const builtIds = new Set(built.map((b) => b.id));
  warnUnmatchedAreas(
    config,
    maps,
    pages.summary.months.filter((m) => builtIds.has(m.id)),
    options.logger,
  );
  const planned = outputRecordPlan(config, options, start, { pages: pages.fingerprints, months });
  const made = (written: boolean, files: { size: number }[]) => ({ written, months, files, bytesRead });
  const unchanged = await unchangedOutput(cache, config.output, planned);
  if (unchanged) {
    for (const fingerprint of pages.fingerprints) cache.keepPages(fingerprint);
    planned.record(unchanged);
    await cache.save();
    return made(false, unchanged);
  }
  const written = await writePages(config, options, [...(await pages.render()), ...shared], pages.summary, branding);
  // a --month build that changed nothing keeps the last record of this folder: its stamps still hold,
  // and it may name the inputs of a whole build; without one, deploy gets the MD5s from this build's
  const recorded = (await cache.output())?.output === resolve(config.output);
  if (planned.fingerprint || written.written || !recorded) planned.record(written.files);
  await cache.save();
  return made(written.written, written.files);
}

/** With --month, the summaries of the carried-over months (carried-months.ts). */
async function carriedMonthSummaries(config: SiteConfig, built: { id: string }[]): Promise<SiteSummary["months"]> {
  const { readCarriedMonthSummaries } = await import("./carried-months.js");
  return readCarriedMonthSummaries(config, built);
}
