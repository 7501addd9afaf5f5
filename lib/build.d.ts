/** The build composition root: source -> (cache) -> aggregate -> render -> site. */
import type { S3Client } from "@aws-sdk/client-s3";
import { type MonthSummary } from "./build/month.js";
import type { SiteConfig } from "./config/index.js";
import type { Logger } from "./log.js";
import { type Month } from "./source/index.js";
export { monthDir } from "./build/month-dir.js";
export type { BuiltMonth, MonthSummary } from "./build/month.js";
/** Options of buildSite. */
export interface BuildOptions {
    /** Only these months are read from S3 (default: every month with raw data); cached months are kept. */
    months?: readonly Month[];
    /** Publish months without the files that fail to parse (warned about) instead of failing. */
    skipBadFiles?: boolean;
    /** Read every raw file again, whatever the cache holds. */
    force?: boolean;
    /** Build from the cache alone, without S3 (for re-rendering after a template or config change). */
    offline?: boolean;
    logger: Logger;
    /** A client to use instead of one made from the config. */
    client?: S3Client;
    /** For testing only! The clock used for the index's LastModified column. */
    now?: () => Date;
}
/** What a build did. */
export interface BuildReport {
    output: string;
    /** Per month: rebuilt or reused (and why), rows, files counted and read, skipped files, gaps. */
    months: MonthSummary[];
    files: number;
    bytes: number;
    /** Raw bytes read from S3 (0 when every month came from the cache). */
    bytesRead: number;
    seconds: number;
}
/**
 * Build the site into config.output, replacing it only when everything succeeded. A raw file whose
 * key, size and ETag are those the cache (config.cache) saw is not read again, and pages whose inputs
 * are unchanged are not rendered again: a build with nothing new lists the bucket and writes the site.
 * @example const report = await buildSite(await loadConfig(), { logger: console })
 */
export declare function buildSite(config: SiteConfig, options: BuildOptions): Promise<BuildReport>;
