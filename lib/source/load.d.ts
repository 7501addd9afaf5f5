/** Load months of raw data: list, pick the month's keys, stream and parse them, concatenate. */
import type { S3Client } from "@aws-sdk/client-s3";
import { type ColumnTable } from "arquero";
import type { SiteConfig } from "../config/index.js";
import { type Logger } from "../log.js";
import { type DatedObject, type Month } from "./month.js";
/** Options of loadMonths. */
export interface LoadOptions {
    /** Only these months (default: every month found). */
    months?: readonly Month[];
    /** Leave out files that fail to parse, with a warning, instead of failing the month. Defaults to false. */
    skipBadFiles?: boolean;
    logger: Logger;
    /** For testing only! A clock for the per-file timings. */
    now?: () => number;
}
/** One month's data, ready to aggregate. */
export interface MonthData {
    month: Month;
    /** Every row of the month's files, in day order; the kept columns only, all strings. */
    table: ColumnTable;
    /** The raw objects that were read (and counted). */
    objects: DatedObject[];
    /** Files left out with --skip-bad-files, with the reason. */
    skipped: {
        key: string;
        reason: string;
    }[];
    /** Days of the month with no raw file at all (empty when the key pattern has no {day}); skipped files are in `skipped`. */
    missingDays: number[];
}
/**
 * List the raw bucket once, check that every wanted month has files, then load the months one at a
 * time (each is yielded before the next is read, so memory holds one month's rows). Throws
 * SourceError when a month cannot be built in full.
 * @example for await (const data of loadMonths(client, config, { logger })) console.log(monthId(data.month), data.table.numRows())
 */
export declare function loadMonths(client: S3Client, config: SiteConfig, options: LoadOptions): AsyncGenerator<MonthData>;
/** [1, 2, 3, 7, 9, 10] -> "1-3, 7, 9-10" */
export declare function formatRanges(numbers: readonly number[]): string;
