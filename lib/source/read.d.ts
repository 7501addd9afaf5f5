/**
 * Read one raw object's bytes from S3, whole: the byte count must equal the size the listing gave
 * (the MD5 is checked where the bytes are scanned, on a worker thread). A cut or short body is a
 * network fault, retried with backoff, and never taken for a bad file.
 */
import { type S3Client } from "@aws-sdk/client-s3";
import type { SiteConfig } from "../config/index.js";
import { S3Error } from "../errors.js";
import type { RawObject } from "./month.js";
/** Reads of one object before the build gives up (each after the SDK's own retries of 5xx and throttling). */
export declare const RAW_READ_ATTEMPTS = 4;
/** Options of readRawObject. */
export interface ReadRawOptions {
    /** Defaults to RAW_READ_ATTEMPTS. */
    attempts?: number;
    /** For testing only! Waits between attempts (defaults to exponential backoff with jitter). */
    sleep?: (attempt: number) => Promise<void>;
}
/**
 * The object's bytes, checked against the listing. S3 failures (missing key, no permission) throw
 * S3Error at once; network faults and incomplete bodies are retried, then throw S3Error saying so.
 * @example const bytes = await readRawObject(client, config, { key: "2019_jan_10_gid_requests.csv", size: 1234, etag: '"…"' })
 */
export declare function readRawObject(client: S3Client, config: SiteConfig, object: RawObject, options?: ReadRawOptions): Promise<Buffer>;
/** The MD5 a single-part upload's ETag is; undefined for multipart ETags (`"…-3"`) and others. */
export declare function md5FromListing(etag: string | undefined): string | undefined;
/** The S3Error that ends a read after `attempts` tries. */
export declare function gaveUp(failure: Error, context: {
    bucket: string;
    key: string;
}, attempts: number): S3Error;
