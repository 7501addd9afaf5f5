/** The build composition root: source -> aggregate -> render -> site. */
import type { S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "./config/index.js";
import type { Logger } from "./log.js";
import { type Month } from "./source/index.js";
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
    months: {
        month: string;
        rows: number;
        files: number;
        skipped: string[];
        missingDays: number[];
    }[];
    files: number;
    bytes: number;
    seconds: number;
}
/**
 * Build every wanted month into config.output, replacing it only when everything succeeded. With
 * `months`, only those are rebuilt and the other months' files of the previous build are kept.
 */
export declare function buildSite(config: SiteConfig, options: BuildOptions): Promise<BuildReport>;
/** The folder of a month in the site: `{year}/{mon}` -> `2019/jan`. */
export declare function monthDir(template: string, month: Month): string;
