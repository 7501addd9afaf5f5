/** One month of the build: what to read, reading it, and what the month is made of. */
import type { S3Client } from "@aws-sdk/client-s3";
import type { AbsentColumn, BuildCache, CachedFile, RecordedMonth } from "../state/index.js";
import { planMonth } from "./month-plan.js";
import type { SiteConfig } from "../config/index.js";
import type { Logger } from "../log.js";
import {
  countColumns,
  dateRawKey,
  missingDays,
  monthGroups,
  monthId,
  monthTitle,
  readMonthFiles,
  type DatedObject,
  type FileTally,
  type Month,
  type MonthFiles,
  type MonthRead,
  type ScanPool,
  type UnreadableFile,
} from "../source/index.js";
import { formatCount, formatDays } from "../units.js";
import type { AcceptedDays } from "../render/index.js";
import { acceptedGapsOf } from "./accepted-gaps.js";
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
  /** Which of missingDays raw.acceptedGaps accepts, and why. */
  acceptedGaps: AcceptedDays[];
  /** Days whose file had a header and no rows (no requests that day). */
  emptyDays: number[];
  skippedFiles: number;
  /** Newest LastModified of the month's raw files (ISO). */
  dataAsOf?: string;
  /** Count columns some of the month's files do not have (their rows are blank there), with those files' days. */
  absentColumns: (AbsentColumn & { days: number[] })[];
}

/** How a month of the site came about. */
export interface MonthSummary {
  month: string;
  /**
   * "rebuilt": files were read or the month's list of files changed; "reused": all from the cache;
   * "skipped": with --skip-bad-files, no file of the month could be read, so it has no pages.
   */
  status: "rebuilt" | "reused" | "skipped";
  /** Why it was rebuilt, e.g. "2 files changed", "not in the cache", "--force". */
  reason?: string;
  rows: number;
  /** Raw files counted, and how many of them were read from S3 in this build. */
  files: number;
  filesRead: number;
  skipped: string[];
  missingDays: number[];
  /** The missing days raw.acceptedGaps accepts: they do not make the month incomplete. */
  acceptedDays: number[];
  emptyDays: number[];
  /**
   * True when this run built the month from the raw listing (every month, or one --month names);
   * false for a month kept from the cache. --require-complete judges only requested months.
   */
  requested: boolean;
  /** Count columns some files do not have, with their keys; absent when every file has them all. */
  absentColumns?: AbsentColumn[];
}

/** Options of buildMonth. */
export interface MonthOptions {
  client: S3Client;
  pool: ScanPool;
  logger: Logger;
  force?: boolean;
  skipBadFiles?: boolean;
}

/** What buildMonth made of a month. */
export interface MonthOutcome {
  /** `2019-01` */
  month: string;
  /** The month, counted; undefined when a file cannot be read or (with --skip-bad-files) none could. */
  built?: BuiltMonth;
  /** How the month came about; undefined when a file cannot be read and the build fails, naming it. */
  summary?: MonthSummary;
  /** Files that cannot be parsed: left out with --skip-bad-files, else the build names them and fails. */
  unreadable: UnreadableFile[];
  /** Raw files of the month, counted or not. */
  files: number;
  /** Raw files counted (read now or from the cache). */
  counted: number;
  /** The count columns that at least one of the month's counted files has. */
  countColumnsFound: string[];
  /** The columns of the headers of the files read now, in the order first seen. */
  headerColumns: string[];
  bytesRead: number;
}

/**
 * Read what the cache lacks, store the month's counts in the cache, and say what happened. Files
 * that cannot be parsed are returned, not thrown: the build names those of every month at once.
 */
export async function buildMonth(
  config: SiteConfig,
  cache: BuildCache,
  source: MonthSource,
  options: MonthOptions,
): Promise<MonthOutcome> {
  const { files } = source;
  const id = monthId(files.month);
  const plan = source.fromListing
    ? planMonth(files.objects, source.cached, { force: options.force })
    : { reuse: source.cached!.map((cached) => ({ cached })), read: [], reason: undefined };
  const reason = source.cached === undefined && !options.force ? (cache.setAside ?? plan.reason) : plan.reason;
  if (source.fromListing) warnMissingDays(config, files, options.logger);
  const read = await readPlanned(config, files, plan, options);
  const counted = [...plan.reuse.map((r) => r.cached), ...read.tallies.map((t) => toCachedFile(t.object, t.tally))];
  const outcome = readOutcome(config, files, counted, read);
  if (read.unreadable.length && !options.skipBadFiles) return outcome;
  for (const failure of read.unreadable) options.logger.warn(`${id}: skipped ${failure.reason}`);
  if (counted.length === 0) {
    const skipped = skippedMonth(files, read.unreadable, options.logger);
    return { ...outcome, summary: { ...skipped, requested: source.fromListing } };
  }
  if (reason !== undefined) cache.setMonth(id, counted);
  const built = builtMonth(config, files, counted, read.unreadable.length);
  const summary = builtSummary(built, reason, read, source.fromListing);
  warnAbsentColumns(id, summary.absentColumns ?? [], counted.length, options.logger);
  options.logger.info(monthLine(summary));
  return { ...outcome, built, summary };
}

/** What buildMonth says of a month it built (read now or from the cache). */
function builtSummary(
  built: BuiltMonth,
  reason: string | undefined,
  read: MonthRead,
  requested: boolean,
): MonthSummary {
  const absentColumns = built.absentColumns.map(({ column, keys }) => ({ column, keys }));
  return {
    month: built.id,
    status: reason === undefined ? "reused" : "rebuilt",
    reason,
    rows: built.counted.reduce((n, c) => n + c.rows, 0),
    files: built.counted.length,
    filesRead: read.tallies.length,
    skipped: read.unreadable.map((s) => s.key),
    missingDays: built.missingDays,
    acceptedDays: built.acceptedGaps.flatMap((g) => g.days),
    emptyDays: built.emptyDays,
    requested,
    ...(absentColumns.length ? { absentColumns } : {}),
  };
}

/**
 * Read the files the plan names. The month's groups are counted over the cached files too, so a month
 * the cache holds is refused when report.maxGroups was lowered since.
 */
async function readPlanned(
  config: SiteConfig,
  files: MonthFiles,
  plan: { reuse: readonly { cached: CachedFile }[]; read: readonly DatedObject[] },
  options: MonthOptions,
): Promise<MonthRead> {
  const groups = monthGroups(config, files.month);
  for (const { cached } of plan.reuse) groups.add(cached.key, cached.counts);
  if (!plan.read.length) return { tallies: [], unreadable: [], bytes: 0 };
  return readMonthFiles(options.client, config, files, plan.read, { ...options, groups });
}

/** What the build needs to know of a month's files whatever becomes of the month: bad files, columns, bytes. */
function readOutcome(
  config: SiteConfig,
  files: MonthFiles,
  counted: readonly CachedFile[],
  read: { tallies: { tally: FileTally }[]; unreadable: UnreadableFile[]; bytes: number },
): MonthOutcome {
  return {
    month: monthId(files.month),
    unreadable: read.unreadable,
    files: files.objects.length,
    counted: counted.length,
    countColumnsFound: countColumns(config).filter((c) => counted.some((f) => !f.absentColumns?.includes(c))),
    headerColumns: [...new Set(read.tallies.flatMap((t) => t.tally.header))],
    bytesRead: read.bytes,
  };
}

/** A month none of whose files could be read (--skip-bad-files): named, and left out of the site. */
function skippedMonth(
  files: MonthFiles,
  unreadable: readonly UnreadableFile[],
  logger: Logger,
): Omit<MonthSummary, "requested"> {
  const id = monthId(files.month);
  logger.warn(
    `${id}: none of its ${unreadable.length} raw file${unreadable.length === 1 ? "" : "s"} can be read, so the month is left out of this build (--skip-bad-files); \`deploy --delete\` would unpublish its earlier pages`,
  );
  return {
    month: id,
    status: "skipped",
    reason: "no raw file can be read",
    rows: 0,
    files: 0,
    filesRead: 0,
    skipped: unreadable.map((u) => u.key),
    missingDays: files.missingDays,
    acceptedDays: [],
    emptyDays: [],
  };
}

/** A month the last build made from the same files and counts, said as buildMonth says a reused month. */
export function reusedMonth(
  config: SiteConfig,
  files: MonthFiles,
  recorded: RecordedMonth,
  logger: Logger,
): MonthSummary {
  warnMissingDays(config, files, logger);
  const { month, rows, emptyDays, absentColumns } = recorded;
  const summary: MonthSummary = {
    month,
    status: "reused",
    rows,
    files: recorded.files,
    filesRead: 0,
    skipped: [],
    missingDays: files.missingDays,
    acceptedDays: acceptedGapsOf(config.raw.acceptedGaps, month, files.missingDays).flatMap((g) => g.days),
    emptyDays,
    requested: true,
    ...(absentColumns?.length ? { absentColumns } : {}),
  };
  warnAbsentColumns(month, absentColumns ?? [], recorded.files, logger);
  logger.info(monthLine(summary));
  return summary;
}

function warnMissingDays(config: SiteConfig, files: MonthFiles, logger: Logger): void {
  const id = monthId(files.month);
  const accepted = new Set(acceptedGapsOf(config.raw.acceptedGaps, id, files.missingDays).flatMap((g) => g.days));
  const missing = files.missingDays.filter((d) => !accepted.has(d));
  if (missing.length) logger.warn(`${id}: no raw file for day ${formatDays(missing)}`);
  if (accepted.size)
    logger.info(`${id}: no raw file for day ${formatDays([...accepted])} (accepted in raw.acceptedGaps)`);
}

/** How many keys a warning names before "and N more". */
const KEYS_SHOWN = 5;

/** A column some files lack is read as empty there (as pandas.concat does): said, so no one mistakes it for data. */
function warnAbsentColumns(id: string, absent: readonly AbsentColumn[], files: number, logger: Logger): void {
  for (const { column, keys } of absent) {
    const shown = keys.slice(0, KEYS_SHOWN).join(", ");
    const more = keys.length > KEYS_SHOWN ? ` and ${formatCount(keys.length - KEYS_SHOWN)} more` : "";
    logger.warn(
      `${id}: column "${column}" is not in ${formatCount(keys.length)} of ${formatCount(files)} raw files, so their rows are counted as blank there (as pandas.concat reads them): ${shown}${more}`,
    );
  }
}

function monthLine(s: MonthSummary): string {
  const how = s.status === "reused" ? "reused from the cache" : `rebuilt (${s.reason}; ${s.filesRead} read)`;
  return `${s.month}: ${formatCount(s.rows)} rows from ${s.files} files, ${how}`;
}

function builtMonth(config: SiteConfig, files: MonthFiles, counted: CachedFile[], skipped: number): BuiltMonth {
  const days = new Map(files.objects.map((o) => [o.key, o.day]));
  // a day exported in parts is empty only when every part of it is
  const rowsByDay = new Map<number, number>();
  for (const c of counted) {
    const day = days.get(c.key);
    if (day !== undefined) rowsByDay.set(day, (rowsByDay.get(day) ?? 0) + c.rows);
  }
  const emptyDays = [...rowsByDay].filter(([, rows]) => rows === 0).map(([day]) => day);
  const modified = counted.map((c) => c.lastModified).filter((d): d is string => d !== undefined);
  return {
    month: files.month,
    id: monthId(files.month),
    title: monthTitle(files.month),
    dir: monthDir(config.site.monthPath, files.month),
    counted: [...counted].sort((a, b) => (a.key < b.key ? -1 : 1)),
    files: counted.length,
    missingDays: files.missingDays,
    acceptedGaps: acceptedGapsOf(config.raw.acceptedGaps, monthId(files.month), files.missingDays),
    emptyDays: emptyDays.sort((a, b) => a - b),
    skippedFiles: skipped,
    dataAsOf: modified.sort().at(-1),
    absentColumns: absentColumns(config, counted, days),
  };
}

/** Each count column some counted files lack, with their keys (in key order) and days. */
function absentColumns(
  config: SiteConfig,
  counted: readonly CachedFile[],
  days: ReadonlyMap<string, number | undefined>,
): BuiltMonth["absentColumns"] {
  return countColumns(config).flatMap((column) => {
    const keys = counted
      .filter((c) => c.absentColumns?.includes(column))
      .map((c) => c.key)
      .sort();
    const daysOf = keys.map((k) => days.get(k)).filter((d): d is number => d !== undefined);
    return keys.length ? [{ column, keys, days: [...new Set(daysOf)].sort((a, b) => a - b) }] : [];
  });
}

function toCachedFile(object: DatedObject, tally: FileTally): CachedFile {
  const lastModified = object.lastModified?.toISOString();
  return {
    key: object.key,
    size: object.size,
    etag: object.etag,
    lastModified,
    rows: tally.rows,
    counts: tally.counts,
    ...(tally.absentColumns.length ? { absentColumns: tally.absentColumns } : {}),
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
