/** One month of the build: what to read, reading it, and what the build says of the month. */
import type { S3Client } from "@aws-sdk/client-s3";
import type { BuildCache, CachedFile, RecordedMonth } from "../state/index.js";
import { planMonth } from "./month-plan.js";
import type { SiteConfig } from "../config/index.js";
import type { Logger } from "../log.js";
import {
  addTallies,
  countColumns,
  monthGroups,
  monthId,
  readMonthFiles,
  type DatedObject,
  type FileTally,
  type MonthFiles,
  type MonthRead,
  type ScanPool,
  type UnreadableFile,
} from "../source/index.js";
import { formatCount } from "../units.js";
import { SourceError } from "../errors.js";
import { acceptedGapsOf } from "./accepted-gaps.js";
import { builtMonth, tallySignatures, toCachedFile, type BuiltMonth } from "./built-month.js";
import { warnAbsentColumns, warnMissingDays } from "./month-warnings.js";

/** A month of the site, from the listing (its files may be read) or from the cache alone. */
export interface MonthSource {
  files: MonthFiles;
  cached?: CachedFile[];
  /** true: the raw listing; false: the cache alone (a month --month leaves out, or an offline build). */
  fromListing: boolean;
}

/** How a month of the site came about: what this build did with it (rebuilt, reused, skipped) and why; in `build --json`. */
export interface MonthOutcome extends RecordedMonth {
  /**
   * "rebuilt": files were read or the month's list of files changed; "reused": all from the cache;
   * "skipped": with --skip-bad-files, no file of the month could be read, so it has no pages.
   */
  status: "rebuilt" | "reused" | "skipped";
  /** Why it was rebuilt, e.g. "2 files changed", "not in the cache", "--force". */
  reason?: string;
  /** How many of the raw files counted (`files`) were read from S3 in this build. */
  filesRead: number;
  skipped: string[];
  missingDays: number[];
  /** The missing days raw.acceptedGaps accepts: they do not make the month incomplete. */
  acceptedDays: number[];
  /**
   * True when this run built the month from the raw listing (every month, or one --month names);
   * false for a month reused from the cache. --require-complete judges only requested months.
   */
  requested: boolean;
}

/** Options of buildMonth. */
export interface MonthOptions {
  client: S3Client;
  pool: ScanPool;
  logger: Logger;
  force?: boolean;
  skipBadFiles?: boolean;
}

/** What buildMonth made of a month: the month built, its outcome, and what the build checks across months. */
export interface BuildMonthResult {
  /** `2019-01` */
  month: string;
  /** The month, counted; undefined when a file cannot be read or (with --skip-bad-files) none could. */
  built?: BuiltMonth;
  /** How the month came about; undefined when a file cannot be read and the build fails, naming it. */
  outcome?: MonthOutcome;
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
): Promise<BuildMonthResult> {
  const { files } = source;
  const id = monthId(files.month);
  const signatures = tallySignatures(config);
  const plan = source.fromListing
    ? planMonth(files.objects, source.cached, { force: options.force, signatures })
    : cachedOnly(id, source.cached!, signatures);
  const reason = source.cached === undefined && !options.force ? (cache.setAside ?? plan.reason) : plan.reason;
  if (source.fromListing) warnMissingDays(config, files, options.logger);
  const read = await readPlanned(config, files, plan, options);
  const readNow = read.tallies.map((t) => toCachedFile(t.object, t.tally, signatures));
  const counted = [...plan.reuse.map((r) => r.cached), ...readNow];
  const result = readResult(config, files, counted, read);
  if (read.unreadable.length && !options.skipBadFiles) return result;
  for (const failure of read.unreadable) options.logger.warn(`${id}: skipped ${failure.reason}`);
  if (counted.length === 0) {
    const skipped = skippedMonth(files, read.unreadable, options.logger);
    return { ...result, outcome: { ...skipped, requested: source.fromListing } };
  }
  if (reason !== undefined) cache.setMonth(id, counted);
  const built = builtMonth(config, files, counted, read.unreadable.length);
  const outcome = builtOutcome(built, reason, read, source.fromListing);
  warnAbsentColumns(id, outcome.absentColumns ?? [], counted.length, options.logger);
  options.logger.info(monthLine(outcome));
  return { ...result, built, outcome };
}

/**
 * A month this build takes from the cache alone (--month leaves it out, or offline): every cached
 * file must have every report's tally, since none can be read now.
 */
function cachedOnly(id: string, cached: readonly CachedFile[], signatures: readonly string[]) {
  const lacking = cached.filter((file) => !signatures.every((s) => s in file.tallies)).length;
  if (lacking > 0) {
    throw new SourceError(
      `${id}: the build cache holds ${lacking} of its raw files without the tally of a report added since they were read, and this build reads none of them; nothing was built`,
      {
        hint: `Build with access to S3, for every month or with --month ${id}: each of its raw files is read once more.`,
      },
    );
  }
  return { reuse: cached.map((file) => ({ cached: file })), read: [], reason: undefined };
}

/** What buildMonth says of a month it built (read now or from the cache). */
function builtOutcome(
  built: BuiltMonth,
  reason: string | undefined,
  read: MonthRead,
  requested: boolean,
): MonthOutcome {
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
  const signatures = tallySignatures(config);
  for (const { cached } of plan.reuse)
    addTallies(
      groups,
      cached.key,
      signatures.map((s) => cached.tallies[s] ?? []),
    );
  if (!plan.read.length) return { tallies: [], unreadable: [], bytes: 0 };
  return readMonthFiles(options.client, config, files, plan.read, { ...options, groups });
}

/** What the build needs to know of a month's files whatever becomes of the month: bad files, columns, bytes. */
function readResult(
  config: SiteConfig,
  files: MonthFiles,
  counted: readonly CachedFile[],
  read: { tallies: { tally: FileTally }[]; unreadable: UnreadableFile[]; bytes: number },
): BuildMonthResult {
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
): Omit<MonthOutcome, "requested"> {
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
): MonthOutcome {
  warnMissingDays(config, files, logger);
  const { month, rows, emptyDays, absentColumns } = recorded;
  const outcome: MonthOutcome = {
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
  logger.info(monthLine(outcome));
  return outcome;
}

function monthLine(s: MonthOutcome): string {
  const how = s.status === "reused" ? "reused from the cache" : `rebuilt (${s.reason}; ${s.filesRead} read)`;
  return `${s.month}: ${formatCount(s.rows)} rows from ${s.files} files, ${how}`;
}
