/** One month of the build: what to read, reading it, and what the month is made of. */
import type { S3Client } from "@aws-sdk/client-s3";
import { planMonth, type BuildCache, type CachedFile, type RecordedMonth } from "../cache/index.js";
import type { SiteConfig } from "../config/index.js";
import { SourceError } from "../errors.js";
import type { Logger } from "../log.js";
import {
  dateRawKey,
  missingDays,
  monthGroups,
  monthId,
  monthTitle,
  readMonthFiles,
  type DatedObject,
  type Month,
  type MonthFiles,
  type ScanPool,
} from "../source/index.js";
import { formatCount, formatDays } from "../units.js";
import { monthDir } from "./month-dir.js";

/** A month of the site, from the listing (its files may be read) or from the cache alone. */
export interface MonthSource {
  files: MonthFiles;
  cached?: CachedFile[];
  /** true: the raw listing; false: the cache alone (a month --month leaves out, or an offline build). */
  fromListing: boolean;
}

/** One month, counted, ready to render. */
export interface BuiltMonth {
  month: Month;
  id: string;
  title: string;
  dir: string;
  /** Every raw file counted, with its counts. */
  counted: CachedFile[];
  files: number;
  missingDays: number[];
  /** Days whose file had a header and no rows (no requests that day). */
  emptyDays: number[];
  skippedFiles: number;
  /** Newest LastModified of the month's raw files (ISO). */
  dataAsOf?: string;
}

/** How a month of the site came about. */
export interface MonthSummary {
  month: string;
  /** "rebuilt": files were read or the month's list of files changed; "reused": all from the cache. */
  status: "rebuilt" | "reused";
  /** Why it was rebuilt, e.g. "2 files changed", "not in the cache", "--force". */
  reason?: string;
  rows: number;
  /** Raw files counted, and how many of them were read from S3 in this build. */
  files: number;
  filesRead: number;
  skipped: string[];
  missingDays: number[];
  emptyDays: number[];
}

/** Options of buildMonth. */
export interface MonthOptions {
  client: S3Client;
  pool: ScanPool;
  logger: Logger;
  force?: boolean;
  skipBadFiles?: boolean;
}

/** Read what the cache lacks, store the month's counts in the cache, and say what happened. */
export async function buildMonth(
  config: SiteConfig,
  cache: BuildCache,
  source: MonthSource,
  options: MonthOptions,
): Promise<{ built: BuiltMonth; summary: MonthSummary; bytesRead: number }> {
  const { files } = source;
  const id = monthId(files.month);
  const plan = source.fromListing
    ? planMonth(files.objects, source.cached, { force: options.force })
    : { reuse: source.cached!.map((cached) => ({ cached })), read: [], reason: undefined };
  const reason = source.cached === undefined && !options.force ? (cache.setAside ?? plan.reason) : plan.reason;
  if (source.fromListing) warnMissingDays(files, options.logger);
  const groups = monthGroups(config, files.month);
  for (const { cached } of plan.reuse) groups.add(cached.key, cached.counts); // report.maxGroups may have been lowered
  const read = plan.read.length
    ? await readMonthFiles(options.client, config, files, plan.read, { ...options, groups })
    : { tallies: [], skipped: [], bytes: 0 };
  const counted = [...plan.reuse.map((r) => r.cached), ...read.tallies.map((t) => toCachedFile(t.object, t.tally))];
  if (counted.length === 0) throw new SourceError(`${id}: every raw file was skipped; nothing to report`);
  if (reason !== undefined) cache.setMonth(id, counted);
  const built = builtMonth(config, files, counted, read.skipped.length);
  const summary: MonthSummary = {
    month: id,
    status: reason === undefined ? "reused" : "rebuilt",
    reason,
    rows: counted.reduce((n, c) => n + c.rows, 0),
    files: counted.length,
    filesRead: read.tallies.length,
    skipped: read.skipped.map((s) => s.key),
    missingDays: files.missingDays,
    emptyDays: built.emptyDays,
  };
  options.logger.info(monthLine(summary));
  return { built, summary, bytesRead: read.bytes };
}

/** A month the last build made from the same files and counts, said as buildMonth says a reused month. */
export function reusedMonth(files: MonthFiles, recorded: RecordedMonth, logger: Logger): MonthSummary {
  warnMissingDays(files, logger);
  const { month, rows, emptyDays } = recorded;
  const summary: MonthSummary = {
    month,
    status: "reused",
    rows,
    files: recorded.files,
    filesRead: 0,
    skipped: [],
    missingDays: files.missingDays,
    emptyDays,
  };
  logger.info(monthLine(summary));
  return summary;
}

function warnMissingDays(files: MonthFiles, logger: Logger): void {
  if (files.missingDays.length)
    logger.warn(`${monthId(files.month)}: no raw file for day ${formatDays(files.missingDays)}`);
}

function monthLine(s: MonthSummary): string {
  const how = s.status === "reused" ? "reused from the cache" : `rebuilt (${s.reason}; ${s.filesRead} read)`;
  return `${s.month}: ${formatCount(s.rows)} rows from ${s.files} files, ${how}`;
}

function builtMonth(config: SiteConfig, files: MonthFiles, counted: CachedFile[], skipped: number): BuiltMonth {
  const days = new Map(files.objects.map((o) => [o.key, o.day]));
  const emptyDays = counted
    .filter((c) => c.rows === 0)
    .map((c) => days.get(c.key))
    .filter((d): d is number => d !== undefined);
  const modified = counted.map((c) => c.lastModified).filter((d): d is string => d !== undefined);
  return {
    month: files.month,
    id: monthId(files.month),
    title: monthTitle(files.month),
    dir: monthDir(config.site.monthPath, files.month),
    counted: [...counted].sort((a, b) => (a.key < b.key ? -1 : 1)),
    files: counted.length,
    missingDays: files.missingDays,
    emptyDays: emptyDays.sort((a, b) => a - b),
    skippedFiles: skipped,
    dataAsOf: modified.sort().at(-1),
  };
}

function toCachedFile(object: DatedObject, tally: { rows: number; counts: (string | number)[][] }): CachedFile {
  const lastModified = object.lastModified?.toISOString();
  return {
    key: object.key,
    size: object.size,
    etag: object.etag,
    lastModified,
    rows: tally.rows,
    counts: tally.counts,
  };
}

/** A month's files as the cache remembers them (a month this build does not list). */
export function cachedMonthFiles(config: SiteConfig, id: string, cached: CachedFile[]): MonthFiles {
  const objects = cached
    .map((c) => dateRawKey(config, { key: c.key, size: c.size, etag: c.etag }))
    .filter((o): o is DatedObject => o !== undefined);
  const month = objects[0]?.month ?? { year: Number(id.slice(0, 4)), month: Number(id.slice(5, 7)) };
  return { month, objects, missingDays: missingDays(month, objects) };
}
