/** Months of raw data: list the bucket, pick each month's keys, read and count the files that need it. */
import type { S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import { daysInMonth } from "../calendar.js";
import { mapWithConcurrency } from "../concurrency.js";
import { MissingMonthError, SourceError } from "../errors.js";
import { logProgress, type Logger } from "../log.js";
import { listRawObjects } from "./list.js";
import { groupByMonth, monthId, sortRawKeys, type DatedObject, type Month } from "./month.js";
import { ignoredLookalikes, impossibleDateWarning, logIgnoredKeys, lookalikeHint } from "./ignored-keys.js";
import { ChecksumMismatchError, type RawScanOptions } from "./checked-scan.js";
import { md5FromEtag } from "../s3/index.js";
import { gaveUp, RAW_READ_ATTEMPTS, readRawObject } from "./read.js";
import type { FileTally } from "./scan.js";
import type { TallyRows } from "./tally.js";
import { pointsSpecOf, specColumns, tallySpecOf, type TallySpec } from "./tally-spec.js";
import { MonthGroups, type GroupLimits } from "./groups.js";
import { formatCount } from "../units.js";
import { keyName, SHOWN_VALUE_MAX_CHARS } from "../group-values.js";
import type { ScanPool } from "./scan-pool.js";

/** One month's raw files, as the listing shows them. */
export interface MonthFiles {
  month: Month;
  /** In day order. */
  objects: DatedObject[];
  /** Days of the month with no raw file at all (empty when the key pattern has no {day}). */
  missingDays: number[];
}

/** Options of listMonthFiles. */
export interface ListOptions {
  /** Only these months (default: every month found). */
  months?: readonly Month[];
  logger: Logger;
}

/**
 * List the raw bucket once (every page) and group its files by month, checking that every wanted
 * month has files and that no day has two. Throws SourceError before anything is read.
 * @example const months = await listMonthFiles(client, config, { logger })
 */
export async function listMonthFiles(
  client: S3Client,
  config: SiteConfig,
  options: ListOptions,
): Promise<MonthFiles[]> {
  const { objects, pages } = await listRawObjects(client, config);
  const { dated, impossible, ignored } = sortRawKeys(config, objects);
  const others = objects.length - dated.length;
  options.logger.info(
    `listed s3://${config.raw.bucket}/${config.raw.prefix}: ${objects.length} objects in ${pages} page${pages === 1 ? "" : "s"}, ${dated.length} match ${config.raw.keyPattern.source}${others ? ` (${others} others ignored)` : ""}`,
  );
  for (const o of impossible) options.logger.warn(impossibleDateWarning(o));
  const byMonth = groupByMonth(dated);
  const wanted = options.months ?? [...byMonth.values()].map((m) => m.month);
  const lookalikes = ignoredLookalikes(ignored, options.months);
  logIgnoredKeys(config, ignored, lookalikes, options.logger);
  checkWanted(config, wanted, byMonth, lookalikes);
  const months = wanted.map((month) => byMonth.get(monthId(month))!);
  refuseRepeatedDays(
    months.map((m) => m.objects),
    config.raw.keyPattern.parts,
  );
  return months.map(({ month, objects }) => ({ month, objects, missingDays: missingDays(month, objects) }));
}

function checkWanted(
  config: SiteConfig,
  wanted: readonly Month[],
  byMonth: Map<string, unknown>,
  lookalikes: Map<string, string[]>,
): void {
  const where = `s3://${config.raw.bucket}/${config.raw.prefix}`;
  if (wanted.length === 0) {
    throw new SourceError(`no raw files in ${where} match the key pattern ${config.raw.keyPattern.source}`, {
      hint: "Check raw.bucket, raw.prefix and raw.keyPattern in site-config.json.",
    });
  }
  const missing = wanted.filter((month) => !byMonth.has(monthId(month)));
  if (missing.length) {
    throw new MissingMonthError(
      `${missing.map(monthId).join(", ")}: no raw files for ${missing.length === 1 ? "this month" : "these months"} in ${where} (pattern ${config.raw.keyPattern.source})`,
      { hint: `Months with data: ${[...byMonth.keys()].join(", ") || "none"}.${lookalikeHint(missing, lookalikes)}` },
    );
  }
}

/** Options of readMonthFiles. */
export interface ReadOptions {
  logger: Logger;
  /** Where files are scanned (main thread or workers). */
  pool: ScanPool;
  /** Per report, the month's groups so far (its files from the cache); default: none yet. */
  groups?: readonly MonthGroups[];
}

/** What reading some of a month's files gave. */
export interface MonthRead {
  /** One per file read, in the order of `objects`. */
  tallies: { object: DatedObject; tally: FileTally }[];
  /** Files that cannot be parsed, with the reason (the SourceError's message: key, line, what was wrong). */
  unreadable: UnreadableFile[];
  bytes: number;
}

/** A raw file that cannot be parsed, and why: `2019_jan_02_gid_requests.csv: line 3: expected 2 fields …`. */
export interface UnreadableFile {
  key: string;
  reason: string;
}

/**
 * Read and count `objects` of a month (raw.concurrency at once). A file that cannot be parsed is
 * returned in `unreadable` with the reason, and the others are still read: the build names every bad
 * file of every month at once, or leaves them out with --skip-bad-files. A network fault is never a
 * bad file: it is retried, then fails the build (S3Error).
 */
export async function readMonthFiles(
  client: S3Client,
  config: SiteConfig,
  files: MonthFiles,
  objects: readonly DatedObject[],
  options: ReadOptions,
): Promise<MonthRead> {
  const scanOptions: RawScanOptions = {
    requiredColumns: config.report.requiredColumns,
    specs: scanSpecs(config),
    missingValues: config.report.missingValues,
    encoding: config.raw.encoding,
    limits: groupLimits(config),
  };
  const groups = options.groups ?? monthGroups(config, files.month);
  let bytes = 0;
  const outcomes = await mapWithConcurrency(objects, config.raw.concurrency, async (object) => {
    try {
      const { tally, size } = await readAndScan(client, config, object, scanOptions, options.pool);
      bytes += size;
      addTallies(groups, object.key, tally.tallies); // a month of IDs stops here, at the file that passes the limit
      warnLongValues(files.month, tally, options.logger);
      const line = `read ${object.key}: ${tally.rows} rows, ${size} bytes`;
      logProgress(options.logger, {
        task: monthId(files.month),
        total: objects.length,
        bytes: size,
        rows: tally.rows,
        line,
      });
      return { object, tally };
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      return { object, error };
    }
  });
  const unreadable = outcomes.filter((o) => o.error).map((o) => ({ key: o.object.key, reason: o.error!.message }));
  const tallies = outcomes.filter((o): o is { object: DatedObject; tally: FileTally } => o.tally !== undefined);
  return { tallies, unreadable, bytes };
}

/** Read an object and scan it; bytes that do not match its MD5 were damaged on the way and are read again. */
async function readAndScan(
  client: S3Client,
  config: SiteConfig,
  object: DatedObject,
  options: RawScanOptions,
  pool: ScanPool,
): Promise<{ tally: FileTally; size: number }> {
  const md5 = md5FromEtag(object.etag);
  for (let attempt = 1; ; attempt++) {
    const body = await readRawObject(client, config, object, { buffer: (size) => pool.buffer(size) });
    try {
      return { tally: await pool.scan(body, object.key, options, md5), size: object.size };
    } catch (error) {
      if (!(error instanceof ChecksumMismatchError)) throw error;
      if (attempt >= RAW_READ_ATTEMPTS) throw gaveUp(error, { bucket: config.raw.bucket, key: object.key }, attempt);
    }
  }
}

/** Each long value a file has, by file and line: the pages show it shortened. */
function warnLongValues(month: Month, tally: FileTally, logger: Logger): void {
  for (const { column, line, length } of tally.longValues ?? [])
    logger.warn(
      `${monthId(month)}: ${tally.key}: line ${line}: a ${column} value of ${formatCount(length)} characters; pages and charts show it shortened to ${SHOWN_VALUE_MAX_CHARS} characters, the month's CSV keeps it whole`,
    );
}

/** What the scanner stops at, per report: its maxGroups groups, its groupBy keys first in its tally. */
function groupLimits(config: SiteConfig): GroupLimits[] {
  // a site of the one report names report.groupBy in messages, as it always has
  const named = config.reportsFrom === "reports";
  return config.reports.map((r) => ({
    maxGroups: r.maxGroups,
    groupColumns: r.groupBy.length,
    ...(named ? { report: r.id } : {}),
  }));
}

/** Per report, an empty count of `month`'s distinct groups, stopping at its maxGroups. */
export function monthGroups(config: SiteConfig, month: Month): MonthGroups[] {
  const limits = groupLimits(config);
  return tallySpecs(config).map((spec, i) => new MonthGroups(monthId(month), spec.keys.map(keyName), limits[i]!));
}

/** Add a file's tallies (one per report, in the reports' order) to each report's groups. */
export function addTallies(groups: readonly MonthGroups[], key: string, tallies: readonly TallyRows[]): void {
  groups.forEach((g, i) => g.add(key, tallies[i]!));
}

/** What the scanner keeps of each raw file: one tally per report, in the reports' order. */
export function tallySpecs(config: SiteConfig): TallySpec[] {
  return config.reports.map(tallySpecOf);
}

/**
 * Every tally the scanner keeps of a raw file: each report's (in the reports' order), then the
 * locations of each report that has `points` (in the reports' order too).
 */
export function scanSpecs(config: SiteConfig): TallySpec[] {
  const points = config.reports.map(pointsSpecOf).filter((s): s is TallySpec => s !== undefined);
  return [...tallySpecs(config), ...points];
}

/** The raw columns the reports read (keys, measured columns, filters, coordinates), once each: for the one report, groupBy then chartField. */
export function countColumns(config: SiteConfig): string[] {
  return specColumns(scanSpecs(config));
}

/**
 * Two keys for one day (`2019_feb_1_…` and `2019_feb_01_…`, or `jan` and `Jan`, or `.csv` and `.csv.gz`)
 * are almost always one export uploaded twice: counting both would double that day. A pattern with
 * {part} or `*` lets a day have several files, but not one part twice (`part1` and `part0001`).
 * Checked on the listing for every wanted month, before any file is read.
 */
function refuseRepeatedDays(months: DatedObject[][], parts: boolean): void {
  const byDay = new Map<string, string[]>();
  for (const o of months.flat()) {
    if (o.day === undefined) continue;
    const day = `${monthId(o.month)}-${String(o.day).padStart(2, "0")}`;
    const slot = parts ? `${day} part ${String(o.part)}` : day;
    byDay.set(slot, [...(byDay.get(slot) ?? []), o.key]);
  }
  const repeated = [...byDay].filter(([, keys]) => keys.length > 1);
  if (repeated.length === 0) return;
  const that = parts ? "that part" : "that day";
  throw new SourceError(
    `more than one raw file for ${parts ? "a part of a day" : "a day"}, so ${repeated.length === 1 ? that : that.replace("that", "those") + "s"} would be counted twice; nothing was built:\n${repeated.map(([day, keys]) => `  - ${day}: ${keys.join(", ")}`).join("\n")}`,
    {
      key: repeated[0]![1][1],
      hint: "Keep one file per day (or per part of a day) below raw.prefix (move the extra copies elsewhere); raw.keyPattern decides which keys count.",
    },
  );
}

/** The days of `month` no object is dated to; none when the key pattern has no {day}. */
export function missingDays(month: Month, objects: readonly DatedObject[]): number[] {
  const days = new Set(objects.map((o) => o.day).filter((d): d is number => d !== undefined));
  if (days.size === 0) return [];
  return Array.from({ length: daysInMonth(month.year, month.month) }, (_, i) => i + 1).filter((d) => !days.has(d));
}
