/** What a worker thread (or the main thread) does with a raw file's bytes: check them, decode them, then scan them. */
import { createHash } from "node:crypto";
import type { RawEncoding } from "../config/index.js";
import { decodeRawBytes } from "./decode.js";
import { scanCsv, type FileTally, type ScanOptions } from "./scan.js";

/** The bytes read do not match the object's MD5: damaged on the way, so they are read again. */
export class ChecksumMismatchError extends Error {}

/** How a raw file is read: its text encoding, and what scanCsv counts. */
export interface RawScanOptions extends ScanOptions {
  /** raw.encoding; defaults to utf-8. */
  encoding?: RawEncoding;
}

/**
 * scanCsv after checking the bytes as stored against `md5` (when given) and decoding them (gzip,
 * raw.encoding): on a worker thread, so decompressing a month's files runs on every core.
 */
export function scanChecked(bytes: Uint8Array, key: string, options: RawScanOptions, md5?: string): FileTally {
  if (md5 !== undefined && createHash("md5").update(bytes).digest("hex") !== md5) {
    throw new ChecksumMismatchError(`the bytes received do not match the object's MD5 ${md5}`);
  }
  return scanCsv(decodeRawBytes(bytes, key, options.encoding ?? "utf-8"), key, options);
}
