/** Months of raw data: list the bucket, pick each month's keys, read and count the files that need it. */
import type { S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import { type Logger } from "../log.js";
import { type DatedObject, type Month } from "./month.js";
import type { FileTally } from "./scan.js";
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
export declare function listMonthFiles(client: S3Client, config: SiteConfig, options: ListOptions): Promise<MonthFiles[]>;
/** Options of readMonthFiles. */
export interface ReadOptions {
    /** Leave out files that fail to parse, with a warning, instead of failing the month. Defaults to false. */
    skipBadFiles?: boolean;
    logger: Logger;
    /** Where files are scanned (main thread or workers). */
    pool: ScanPool;
}
/** What reading some of a month's files gave. */
export interface MonthRead {
    /** One per file read, in the order of `objects`. */
    tallies: {
        object: DatedObject;
        tally: FileTally;
    }[];
    /** Files left out with --skip-bad-files, with the reason. */
    skipped: {
        key: string;
        reason: string;
    }[];
    bytes: number;
}
/**
 * Read and count `objects` of a month (raw.concurrency at once). A file that cannot be parsed fails
 * the month (SourceError listing every such file) unless skipBadFiles; a network fault is never a
 * bad file: it is retried, then fails the build (S3Error).
 */
export declare function readMonthFiles(client: S3Client, config: SiteConfig, files: MonthFiles, objects: readonly DatedObject[], options: ReadOptions): Promise<MonthRead>;
/** The columns a file's rows are counted by: groupBy, then chartField (once). */
export declare function countColumns(config: SiteConfig): string[];
/** The days of `month` no object is dated to; none when the key pattern has no {day}. */
export declare function missingDays(month: Month, objects: readonly DatedObject[]): number[];
/** [1, 2, 3, 7, 9, 10] -> "1-3, 7, 9-10" */
export declare function formatRanges(numbers: readonly number[]): string;
